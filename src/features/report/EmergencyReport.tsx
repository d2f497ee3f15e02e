import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { categoriesOf } from '@/domain/tickets/catalog'
import { checkName, checkPhone } from '@/domain/limits'
import type { MeView } from '@/domain/identity'
import { Section } from '@/components/Section'
import { ChipGroup } from '@/components/ChipGroup'
import { TextField } from '@/components/FormField'
import { fieldAnchor, revealFirstError } from '@/components/formErrors'
import { errorMessage } from '@/services/cloud'
import { newRequestId } from '@/services/ids'
import { requestTicketSubscriptions } from '@/services/subscribe'
import { accountApi, approvedHomes, PHONE_RE } from '@/features/account'
import { ticketsApi } from '@/features/tickets'
import { SAFETY } from './UrgentBanner'

const URGENT = categoriesOf('repair').filter((c) => c.emergency)
type Field = 'community' | 'area' | 'name' | 'phone'
const ORDER: readonly Field[] = ['community', 'area', 'name', 'phone']

/**
 * 紧急报修 from 首页: call first, or tap what is happening and it is reported at once (two taps
 * from 首页). A bound resident reports for their home with their phone on record; anyone else
 * (a pending binding, a visitor) for a public area, with a name and a phone, and the desk
 * verifies them (`tickets.reportEmergency`).
 */
export function EmergencyReport({ me }: { me: MeView }) {
  const homes = approvedHomes(me)
  const bound = homes.length > 0
  const pending = me.homes.find((h) => h.status === 'pending')
  const [communities, setCommunities] = useState<{ _id: string; name: string; hotline: string }[]>(me.community ? [me.community] : [])
  const [communityId, setCommunityId] = useState<string | null>(me.community?._id ?? null)
  const [area, setArea] = useState('')
  const [name, setName] = useState(pending?.name ?? '')
  const [phone, setPhone] = useState(() => (bound ? (homes.find((h) => PHONE_RE.test(h.phoneMasked))?.phoneMasked ?? '') : ''))
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [sending, setSending] = useState<string | null>(null)
  const requestId = useRef(newRequestId('em'))

  // Nobody's community known yet (never bound): the communities one can bind to.
  useEffect(() => {
    if (me.community) return
    accountApi.listCommunities().then(
      (list) => {
        setCommunities(list.map((c) => ({ _id: c._id, name: c.name, hotline: c.hotline ?? '' })))
        if (list.length === 1) setCommunityId(list[0]._id)
      },
      () => undefined,
    )
  }, [me.community])

  const hotline = communities.find((c) => c._id === communityId)?.hotline || me.community?.hotline || ''
  const call = () => hotline && void Taro.makePhoneCall({ phoneNumber: hotline }).catch(() => undefined)

  function report(category: string) {
    if (sending) return
    const found: Partial<Record<Field, string>> = bound
      ? { phone: checkPhone(phone) }
      : { community: communityId ? undefined : '请选择小区', area: area.trim() ? undefined : '请填写具体位置，如：2栋2号电梯', name: checkName(name), phone: checkPhone(phone) }
    setErrors(found)
    if (revealFirstError(found, ORDER)) return
    setSending(category)
    // Inside the tap, before any await (WeChat shows its consent popup only there).
    const subscribed = requestTicketSubscriptions()
    void send(category, subscribed)
  }

  async function send(category: string, subscribedAnswer: Promise<string[]>) {
    try {
      const subscribed = await subscribedAnswer.catch(() => [] as string[])
      const created = bound
        ? await ticketsApi.create({
            type: 'repair',
            category,
            description: '',
            photos: [],
            location: { kind: 'home', unitId: homes[0].unitId },
            contactPhone: phone.trim(),
            subscribed,
            clientRequestId: requestId.current,
          })
        : await ticketsApi.reportEmergency({
            communityId: communityId!,
            category,
            description: '',
            photos: [],
            location: { kind: 'public', area: area.trim() },
            contactName: name.trim(),
            contactPhone: phone.trim(),
            subscribed,
            clientRequestId: requestId.current,
          })
      void Taro.redirectTo({ url: `/pages/ticket/index?id=${encodeURIComponent(created.ticketId)}` })
    } catch (err) {
      setSending(null)
      void Taro.showModal({
        title: '上报未成功',
        content: `${errorMessage(err)}${hotline ? `\n请直接拨打物业电话 ${hotline}` : ''}`,
        showCancel: false,
        confirmText: '知道了',
      }).catch(() => undefined)
    }
  }

  const phoneField = (hint?: string) => (
    <>
      <View id={fieldAnchor('phone')} />
      <TextField
        label='联系电话'
        type='number'
        value={phone}
        onInput={(v) => (setPhone(v), setErrors((e) => ({ ...e, phone: undefined })))}
        placeholder='11 位手机号'
        maxlength={11}
        error={errors.phone}
        hint={hint}
      />
    </>
  )

  return (
    <View className='report report--emergency'>
      <View className='report-urgent' role='alert'>
        <Text className='report-urgent__title'>紧急情况，请先电话联系物业</Text>
        <Text className='report-urgent__desc'>也可以点下面的情况立即上报，值班人员和主管会马上收到通知。</Text>
        {hotline && (
          <Button block type='danger' className='report-urgent__call' aria-label={`拨打物业电话 ${hotline}`} onClick={call}>
            拨打物业电话 {hotline}
          </Button>
        )}
      </View>

      {!bound && (
        <Section title='您在哪里'>
          {communities.length > 1 && (
            <View id={fieldAnchor('community')}>
              <ChipGroup groupLabel='小区' options={communities.map((c) => ({ value: c._id, label: c.name }))} value={communityId} onChange={setCommunityId} />
            </View>
          )}
          {errors.community && (
            <View className='report__error' role='alert'>
              {errors.community}
            </View>
          )}
          <View id={fieldAnchor('area')} />
          <TextField
            label='具体位置（公共区域）'
            value={area}
            onInput={(v) => (setArea(v), setErrors((e) => ({ ...e, area: undefined })))}
            placeholder='如：2栋2号电梯、地下车库B区'
            maxlength={40}
            error={errors.area}
          />
          <View id={fieldAnchor('name')} />
          <TextField label='您的姓名' value={name} onInput={(v) => (setName(v), setErrors((e) => ({ ...e, name: undefined })))} maxlength={20} error={errors.name} />
          {phoneField('房屋尚未绑定：客服会通过此号码与您核实')}
        </Section>
      )}
      {bound && !PHONE_RE.test(phone) && <Section title='联系电话'>{phoneField()}</Section>}

      <Section title='发生了什么（点一下立即上报）'>
        <View className='emergency-tiles'>
          {URGENT.map((c) => (
            <View
              key={c.code}
              className={`emergency-tile ${sending === c.code ? 'emergency-tile--sending' : ''}`}
              hoverClass='emergency-tile--pressed'
              role='button'
              aria-label={`上报${c.label}`}
              onClick={() => report(c.code)}
            >
              <Text className='emergency-tile__label'>{c.label}</Text>
              <Text className='emergency-tile__tip'>{sending === c.code ? '正在上报…' : SAFETY[c.code]}</Text>
            </View>
          ))}
        </View>
        <Text className='report__note'>{bound ? `上报位置：${homes[0].label}，可在工单中补充说明和照片。` : '未绑定房屋时只能上报公共区域的紧急情况。'}</Text>
      </Section>
    </View>
  )
}
