import { useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Section } from '@/components/Section'
import { ListItem } from '@/components/ListItem'
import { StateView } from '@/components/StateView'
import { errorMessage } from '@/services/cloud'
import { subscriptionsApi, type Subscriptions } from './api'
import { messageTypes, requestConsents, type ConsentAnswer } from './consent'
import './Subscriptions.scss'

/** 消息订阅: what each kind of message has left, and one tap to allow one more of each. */
export function SubscriptionsScreen() {
  const [subs, setSubs] = useState<Subscriptions | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const types = messageTypes()

  async function load() {
    setError(null)
    try {
      setSubs(await subscriptionsApi.get())
    } catch (err) {
      setError(errorMessage(err))
    }
  }
  // Each message sent uses one consent up: the counts change while the page is hidden.
  useDidShow(() => void load())

  async function finish(asked: Promise<ConsentAnswer>) {
    setBusy(true)
    try {
      const { accepted, failed } = await asked
      if (failed) {
        void Taro.showToast({ title: '订阅失败，请在小程序设置中允许接收订阅消息', icon: 'none' })
        return
      }
      if (accepted.length === 0) {
        void Taro.showToast({ title: '未订阅任何消息', icon: 'none' })
        return
      }
      setSubs(await subscriptionsApi.subscribe(accepted))
      void Taro.showToast({ title: '订阅成功', icon: 'success' })
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  function subscribe() {
    if (busy) return
    // WeChat shows the consent popup only inside a tap: ask first, before anything awaits.
    const asked = requestConsents(types.map((t) => t.templateId))
    void finish(asked)
  }

  return (
    <View className='subs'>
      <View className='subs__intro'>
        <Text className='subs__title'>微信服务通知</Text>
        <Text className='subs__desc'>订阅后，工单进展和社区公告会通过微信服务通知提醒您，不必时时打开小程序。</Text>
      </View>
      <StateView loading={!subs && !error} error={error} onRetry={() => void load()}>
        {subs && (
          <>
            <Section flush>
              {types.map((t) => {
                const left = subs[t.kind]?.remaining ?? 0
                return (
                  <ListItem
                    key={t.kind}
                    className={`subs__row subs__row--${t.kind}`}
                    title={t.title}
                    description={t.desc}
                    extra={<Text className={`subs__left ${left > 0 ? 'subs__left--some' : ''}`}>{left > 0 ? `可接收 ${left} 条` : '未订阅'}</Text>}
                  />
                )
              })}
            </Section>
            <Text className='subs__rule'>微信规定：每次授权仅可接收一条，可多次订阅累积。</Text>
            <Button block type='primary' className='subs__action' loading={busy} disabled={busy} onClick={subscribe}>
              订阅
            </Button>
          </>
        )}
      </StateView>
    </View>
  )
}
