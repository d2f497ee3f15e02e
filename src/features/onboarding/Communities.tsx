import { useCallback, useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { StaffRole } from '@/domain/roles'
import { formatMinute } from '@/domain/time'
import { errorMessage } from '@/services/cloud'
import { newRequestId } from '@/services/ids'
import { Section } from '@/components/Section'
import { FormField } from '@/components/FormField'
import { ChipGroup } from '@/components/ChipGroup'
import { onboardingApi, type CommunitySummary, type StaffPerson } from './api'
import './onboarding.scss'
import { useSubmit } from '@/components/useSubmit'

const APPOINT_ROLES: { value: StaffRole; label: string }[] = [
  { value: 'admin', label: '小区管理员' },
  { value: 'supervisor', label: '主管' },
  { value: 'desk', label: '客服' },
  { value: 'engineer', label: '工程' },
  { value: 'security', label: '秩序' },
]

function CreateCommunity({ onCreated }: { onCreated: () => void }) {
  const [f, setF] = useState({ name: '', address: '', hotline: '', open: '08:30', close: '17:30' })
  const { busy, error, submit } = useSubmit()
  const [requestId, setRequestId] = useState(newRequestId)
  const set = (k: keyof typeof f) => (e: { detail: { value: string } }) => setF((v) => ({ ...v, [k]: e.detail.value }))
  async function create() {
    await submit(async () => {
      await onboardingApi.createCommunity({ name: f.name, address: f.address, hotline: f.hotline, deskHours: { open: f.open, close: f.close }, clientRequestId: requestId })
      setF({ name: '', address: '', hotline: '', open: '08:30', close: '17:30' })
      setRequestId(newRequestId())
      onCreated()
    })
  }
  return (
    <Section title='新建小区'>
      <FormField label='小区名称' error={error ?? undefined}>
        <Input className='field__input' value={f.name} maxlength={30} aria-label='小区名称' onInput={set('name')} />
      </FormField>
      <FormField label='地址'>
        <Input className='field__input' value={f.address} maxlength={80} aria-label='地址' onInput={set('address')} />
      </FormField>
      <FormField label='服务电话'>
        <Input className='field__input' value={f.hotline} maxlength={20} aria-label='服务电话' onInput={set('hotline')} />
      </FormField>
      <FormField label='服务台时间（北京时间）'>
        <View className='onb-row'>
          <Input className='field__input' value={f.open} maxlength={5} aria-label='开始时间' onInput={set('open')} />
          <Text>至</Text>
          <Input className='field__input' value={f.close} maxlength={5} aria-label='结束时间' onInput={set('close')} />
        </View>
      </FormField>
      <Button block type='primary' loading={busy} onClick={() => void create()}>
        创建小区
      </Button>
    </Section>
  )
}

/** Company admin: appoint a person already on staff elsewhere to this community (roles here). */
function AppointExisting({ c, people, onDone }: { c: CommunitySummary; people: StaffPerson[]; onDone: () => void }) {
  const [person, setPerson] = useState<string | null>(null)
  const [roles, setRoles] = useState<StaffRole[]>([])
  const [note, setNote] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const others = people.filter((p) => !p.communities.some((x) => x.communityId === c.id))
  if (!others.length) return null
  async function appoint() {
    if (!person) return setError('请选择员工')
    if (!roles.length) return setError('请至少选择一个岗位')
    setError(null)
    try {
      const r = await onboardingApi.appointExisting(c.id, person, roles)
      setNote(`已任命 ${r.name} 到「${r.communityName}」`)
      setPerson(null)
      setRoles([])
      onDone()
    } catch (e) {
      setError(errorMessage(e))
    }
  }
  return (
    <FormField label='任命已有员工到本小区' error={error ?? undefined}>
      <ChipGroup
        groupLabel='员工'
        options={others.map((p) => ({ value: p.staffId, label: `${p.name}（${p.communities.map((x) => x.communityName).join('、')}）` }))}
        value={person}
        onChange={setPerson}
      />
      <ChipGroup groupLabel='本小区岗位' options={APPOINT_ROLES} value={roles} onChange={(r) => setRoles((l) => (l.includes(r) ? l.filter((x) => x !== r) : [...l, r]))} />
      {note && <Text className='onb-hint'>{note}</Text>}
      <Button size='small' type='primary' onClick={() => void appoint()}>
        任命
      </Button>
    </FormField>
  )
}

function CommunityCard({ c, people, onChanged }: { c: CommunitySummary; people: StaffPerson[] | null; onChanged: () => void }) {
  const [roles, setRoles] = useState<StaffRole[]>([])
  const [invite, setInvite] = useState<{ code: string; expiresAt: string } | null>(null)
  const { error, setError, submit } = useSubmit()
  const go = (page: string) => () => Taro.navigateTo({ url: `/staff/${page}/index?communityId=${c.id}` })
  async function appoint() {
    if (!roles.length) return setError('请至少选择一个岗位')
    await submit(async () => setInvite(await onboardingApi.appointStaff(c.id, roles)))
  }
  const n = c.counts
  return (
    <Section title={c.name} className='onb-community'>
      <Text className='onb-hint'>
        {c.address} · {c.hotline}
        {c.deskHours ? ` · 服务台 ${c.deskHours.open}–${c.deskHours.close}` : ''}
      </Text>
      <View className='onb-counts'>
        {(
          [
            ['房屋', n.units],
            ['业主', n.owners],
            ['住户', n.residents],
            ['员工', n.staff],
            ['未结工单', n.openTickets],
          ] as const
        ).map(([label, value]) => (
          <View key={label} className='onb-count'>
            <Text className='onb-count__value'>{value}</Text>
            <Text className='onb-count__label'>{label}</Text>
          </View>
        ))}
      </View>
      <View className='onb-row'>
        <Button size='small' fill='outline' onClick={go('units')}>
          房屋
        </Button>
        <Button size='small' fill='outline' onClick={go('import')}>
          Excel 导入
        </Button>
      </View>
      {invite ? (
        <View className='invite-code' role='status'>
          <Text className='invite-code__label'>邀请码</Text>
          <Text className='invite-code__value' selectable>
            {invite.code}
          </Text>
          <Text className='invite-code__expires'>有效期至 {formatMinute(invite.expiresAt)}，仅可使用一次；对方在 我的 → 员工邀请码 中输入</Text>
          <Button size='small' fill='none' onClick={() => (setInvite(null), setRoles([]))}>
            再邀请一位
          </Button>
        </View>
      ) : (
        <FormField label='任命/邀请员工' error={error ?? undefined}>
          <ChipGroup groupLabel='岗位' options={APPOINT_ROLES} value={roles} onChange={(r) => setRoles((l) => (l.includes(r) ? l.filter((x) => x !== r) : [...l, r]))} />
          <Button size='small' type='primary' onClick={() => void appoint()}>
            生成邀请码
          </Button>
        </FormField>
      )}
      {people && <AppointExisting c={c} people={people} onDone={onChanged} />}
    </Section>
  )
}

/** The company admin's (or a community admin's) communities with their key counts. */
export function Communities() {
  const [list, setList] = useState<CommunitySummary[] | null>(null)
  const [companyAdmin, setCompanyAdmin] = useState(false)
  const [people, setPeople] = useState<StaffPerson[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = useCallback(async () => {
    try {
      const [me, communities] = await Promise.all([onboardingApi.me(), onboardingApi.listCommunities()])
      setCompanyAdmin(me.companyAdmin)
      setList(communities)
      if (me.companyAdmin) setPeople(await onboardingApi.listPeople())
    } catch (e) {
      setError(errorMessage(e))
    }
  }, [])
  useEffect(() => void load(), [load])
  if (error) return <Text className='onb-error'>{error}</Text>
  if (!list) return <Text className='onb-hint'>加载中…</Text>
  return (
    <View>
      {list.length === 0 && <Text className='onb-hint'>还没有小区，先新建一个。</Text>}
      {list.map((c) => (
        <CommunityCard key={c.id} c={c} people={people} onChanged={() => void load()} />
      ))}
      {companyAdmin && <CreateCommunity onCreated={() => void load()} />}
    </View>
  )
}
