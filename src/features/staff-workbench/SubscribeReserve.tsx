import { useEffect, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { errorMessage } from '@/services/cloud'
import { requestConsents, subscriptionsApi, type StaffMessageKind, type Subscriptions } from '@/features/subscriptions'

/** Below this many messages left for any template, the workbench offers a top-up. */
export const LOW_RESERVE = 2

const KINDS: { kind: StaffMessageKind; label: string }[] = [
  { kind: 'assigned', label: '新派单' },
  { kind: 'emergency', label: '紧急工单' },
  { kind: 'deadline', label: '时限预警' },
  { kind: 'callback', label: '回访到期' },
]

/** The staff templates with their ids (build-time constants, in KINDS order). */
const staffTemplates = () => KINDS.map((k, i) => ({ ...k, templateId: LINLI_TPL_STAFF[i] }))

/**
 * 微信提醒余量: WeChat lets this kind of account ask only for one-time consents (one message per
 * tap on 允许), so staff keep a small reserve. Shows what is left per template and, when any is
 * low, offers a top-up — a tap, since WeChat shows the consent popup only inside one.
 */
export function SubscribeReserve() {
  const [subs, setSubs] = useState<Subscriptions | null>(null)
  const [busy, setBusy] = useState(false)
  const load = () =>
    subscriptionsApi.get().then(
      (s) => setSubs(s),
      () => undefined,
    )
  // On mount (the first show can come before this component exists) and on every later show:
  // each message sent uses a consent up meanwhile.
  useEffect(() => void load(), [])
  useDidShow(() => void load())
  if (!subs) return null

  const rows = staffTemplates().map((t) => ({ ...t, left: subs[t.kind]?.remaining ?? 0 }))
  const low = rows.some((r) => r.left < LOW_RESERVE)

  async function finish(asked: ReturnType<typeof requestConsents>) {
    setBusy(true)
    try {
      const { accepted, failed } = await asked
      if (failed) return void Taro.showToast({ title: '订阅失败，请在小程序设置中允许接收订阅消息', icon: 'none' })
      if (!accepted.length) return void Taro.showToast({ title: '未补充任何提醒', icon: 'none' })
      setSubs(await subscriptionsApi.subscribe(accepted))
      void Taro.showToast({ title: '已补充提醒次数', icon: 'success' })
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  function topUp() {
    if (busy) return
    // WeChat allows 3 templates per request: the three with the fewest left. Ask before any await.
    const ids = [...rows]
      .sort((a, b) => a.left - b.left)
      .slice(0, 3)
      .map((r) => r.templateId)
    void finish(requestConsents(ids))
  }

  return (
    <View className={`reserve ${low ? 'reserve--low' : ''}`}>
      <View className='reserve__head'>
        <Text className='reserve__title'>微信提醒余量</Text>
        {low && <Text className='reserve__warn'>余量不足</Text>}
      </View>
      <View className='reserve__rows'>
        {rows.map((r) => (
          <View key={r.kind} className={`reserve__row reserve__row--${r.kind}`}>
            <Text className='reserve__label'>{r.label}</Text>
            <Text className={`reserve__left ${r.left < LOW_RESERVE ? 'reserve__left--low' : ''}`}>{r.left} 条</Text>
          </View>
        ))}
      </View>
      <Text className='reserve__rule'>微信规定每次授权只能接收一条提醒，请保持余量，以免错过派单和紧急工单。</Text>
      <Button block size='small' type={low ? 'primary' : 'default'} fill={low ? 'solid' : 'outline'} className='reserve__action' loading={busy} disabled={busy} onClick={topUp}>
        {low ? '补充提醒次数' : '再补充一些'}
      </Button>
    </View>
  )
}
