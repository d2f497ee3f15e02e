import { useCallback, useEffect, useState } from 'react'
import Taro, { useReachBottom, useRouter } from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { EmptyState, StateView } from '@/components/StateView'
import { ChipGroup } from '@/components/ChipGroup'
import { useSubmit } from '@/components/useSubmit'
import { errorMessage } from '@/services/cloud'
import { newRequestId } from '@/services/ids'
import { hasRole, isActiveStaff, useMe } from '@/features/account'
import { beijing, formatShort } from '@/domain/time'
import { CHANNEL_LABELS, CONTACT_TYPE_LABELS, OUTCOME_LABELS, categoryLabel, type Channel } from '@/domain/register'
import { registerApi, openExport, type Filters, type RegisterItem } from './api'
import { LogSheet } from './LogSheet'
import './StaffRegister.scss'

type Range = 'week' | 'month' | 'all'
type State = 'any' | 'open' | 'closed'
const RANGES = [
  { value: 'week' as const, label: '近7天' },
  { value: 'month' as const, label: '近30天' },
  { value: 'all' as const, label: '全部' },
]
const STATES = [
  { value: 'any' as const, label: '全部' },
  { value: 'open' as const, label: '处理中' },
  { value: 'closed' as const, label: '已闭环' },
]
const CHANNEL_OPTIONS = [{ value: 'any', label: '全部渠道' }, ...(Object.keys(CHANNEL_LABELS) as Channel[]).map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))]

function rangeFilter(r: Range): Pick<Filters, 'from' | 'to'> {
  if (r === 'all') return {}
  const today = beijing()
  return { from: today.subtract(r === 'week' ? 6 : 29, 'day').format('YYYY-MM-DD'), to: today.format('YYYY-MM-DD') }
}

/** 客户沟通记录表: every contact, filtered and searched; desk logs a contact; export to Excel (or open one from 消息: ?export=id). */
export function RegisterList() {
  const me = useMe()
  const exportId = useRouter().params.export
  const staff = isActiveStaff(me.me)
  const canLog = hasRole(me.me, 'desk', 'supervisor', 'admin')
  const [range, setRange] = useState<Range>('month')
  const [state, setState] = useState<State>('any')
  const [channel, setChannel] = useState('any')
  const [building, setBuilding] = useState('')
  const [q, setQ] = useState('')
  const [applied, setApplied] = useState({ building: '', q: '' })
  const [items, setItems] = useState<RegisterItem[] | null>(null)
  const [cursor, setCursor] = useState<string>()
  const [error, setError] = useState<string>()
  const [more, setMore] = useState(false)
  const [logging, setLogging] = useState(false)
  const { busy, submit } = useSubmit({ toast: true })

  const filters = useCallback((): Filters => {
    return {
      ...rangeFilter(range),
      ...(state !== 'any' ? { state } : {}),
      ...(channel !== 'any' ? { channel: channel as Channel } : {}),
      ...(applied.building ? { building: applied.building } : {}),
      ...(applied.q ? { q: applied.q } : {}),
    }
  }, [range, state, channel, applied])

  const load = useCallback(
    async (after?: string) => {
      setError(undefined)
      if (!after) setItems(null)
      setMore(!!after)
      try {
        const page = await registerApi.list({ filters: filters(), pageSize: 20, ...(after ? { cursor: after } : {}) })
        setItems((prev) => (after && prev ? [...prev, ...page.items] : page.items))
        setCursor(page.nextCursor)
      } catch (e) {
        setError(errorMessage(e))
      } finally {
        setMore(false)
      }
    },
    [filters],
  )
  useEffect(() => {
    if (staff) void load()
  }, [staff, load])
  useReachBottom(() => {
    if (cursor && !more) void load(cursor)
  })
  useEffect(() => {
    if (staff && exportId) void exportIt(() => registerApi.download(decodeURIComponent(exportId)))
  }, [staff, exportId])

  async function exportIt(run = () => registerApi.export({ kind: 'register', filters: filters() })) {
    await submit(async () => {
      const e = await run()
      if (await openExport(e)) void Taro.showToast({ title: `已导出 ${e.rows} 条`, icon: 'success' })
    })
  }
  function logIt(input: Parameters<typeof registerApi.log>[0] extends infer T ? Omit<T, 'requestKey'> : never) {
    return submit(async () => {
      await registerApi.log({ ...input, requestKey: newRequestId('log') })
      setLogging(false)
      void load()
    }, '已登记')
  }

  if (!me.me) return <StateView loading={!me.error} error={me.error} onRetry={me.reload} />
  if (!staff) return <EmptyState text='仅物业员工可以查看沟通记录' />
  return (
    <View className='register'>
      <View className='register__filters'>
        <ChipGroup groupLabel='日期' options={RANGES} value={range} onChange={(v) => setRange(v as Range)} />
        <ChipGroup groupLabel='状态' options={STATES} value={state} onChange={(v) => setState(v as State)} />
        <ChipGroup groupLabel='渠道' options={CHANNEL_OPTIONS} value={channel} onChange={setChannel} />
        <View className='register__search'>
          <Input
            className='register__input register__input--building'
            aria-label='楼栋'
            placeholder='楼栋，如 2栋'
            value={building}
            maxlength={20}
            onInput={(e) => setBuilding(e.detail.value)}
          />
          <Input className='register__input' aria-label='搜索内容' placeholder='搜索沟通内容' value={q} maxlength={40} confirmType='search' onInput={(e) => setQ(e.detail.value)} />
          <Button size='small' type='primary' onClick={() => setApplied({ building: building.trim(), q: q.trim() })}>
            筛选
          </Button>
        </View>
        <View className='register__actions'>
          {canLog && (
            <Button size='small' fill='outline' onClick={() => setLogging(true)}>
              登记沟通
            </Button>
          )}
          <Button size='small' fill='outline' loading={busy && !logging} onClick={() => void exportIt()}>
            导出 Excel
          </Button>
        </View>
      </View>
      <StateView loading={items === null && !error} error={error} onRetry={() => void load()}>
        {items && items.length === 0 ? (
          <EmptyState text='没有符合条件的沟通记录' hint='换个日期或清空筛选再看看' />
        ) : (
          (items ?? []).map((e) => (
            <View
              key={e._id}
              className='register-card'
              role={e.ticketId ? 'button' : undefined}
              onClick={() => e.ticketId && void Taro.navigateTo({ url: `/staff/ticket/index?id=${encodeURIComponent(e.ticketId)}` })}
            >
              <View className='register-card__head'>
                <Text className='register-card__type'>
                  {CONTACT_TYPE_LABELS[e.type]}
                  {e.category ? `·${categoryLabel(e.category)}` : ''}
                </Text>
                <Text className='register-card__time'>{formatShort(e.at)}</Text>
              </View>
              <Text className='register-card__text'>{e.text || '（无文字）'}</Text>
              <View className='register-card__meta'>
                <Text>{CHANNEL_LABELS[e.channel]}</Text>
                {e.building && <Text>{e.building}</Text>}
                {e.who && <Text>{e.who}</Text>}
                {e.phone && <Text>{e.phone}</Text>}
                <Text className='register-card__outcome'>{OUTCOME_LABELS[e.outcome]}</Text>
                {e.staffName && <Text>经办 {e.staffName}</Text>}
                {e.ownerName && <Text>首问 {e.ownerName}</Text>}
                {e.ticketId && <Text className={e.open ? 'register-card__open' : ''}>{e.open ? '处理中' : '已闭环'}</Text>}
              </View>
            </View>
          ))
        )}
        {cursor && (
          <Button block fill='none' loading={more} onClick={() => void load(cursor)}>
            加载更多
          </Button>
        )}
      </StateView>
      <LogSheet open={logging} busy={busy} onClose={() => setLogging(false)} onSubmit={logIt} />
    </View>
  )
}
