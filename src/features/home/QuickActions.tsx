import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { Section } from '@/components/Section'
import './QuickActions.scss'

interface Action {
  key: string
  label: string
  glyph: string
  /** Built actions open this page. */
  url?: string
  /** What to tell the resident while the feature is not built. */
  soon?: string
}

const ACTIONS: Action[] = [
  { key: 'repair', label: '报修', glyph: '修', url: '/pages/report/index?type=repair' },
  { key: 'complaint', label: '投诉', glyph: '诉', url: '/pages/report/index?type=complaint' },
  { key: 'inquiry', label: '咨询', glyph: '询', url: '/pages/report/index?type=consultation' },
  { key: 'move-in', label: '入住预约', glyph: '约', url: '/pages/movein/index' },
]

/** The action grid. Features not built yet say so instead of showing sample content. */
export function QuickActions() {
  const [soon, setSoon] = useState<Action | null>(null)
  return (
    <Section title='便民服务'>
      <View className='quick-actions'>
        {ACTIONS.map((a) => (
          <View
            key={a.key}
            className={`quick-action quick-action--${a.key}`}
            hoverClass='quick-action--pressed'
            role='button'
            onClick={() => (a.url ? void Taro.navigateTo({ url: a.url }) : setSoon(a))}
          >
            <View className='quick-action__icon' aria-hidden='true'>
              <Text>{a.glyph}</Text>
            </View>
            <Text className='quick-action__label'>{a.label}</Text>
          </View>
        ))}
        <View className='quick-action quick-action--events' hoverClass='quick-action--pressed' role='button' onClick={() => Taro.switchTab({ url: '/pages/events/index' })}>
          <View className='quick-action__icon' aria-hidden='true'>
            <Text>活</Text>
          </View>
          <Text className='quick-action__label'>社区活动</Text>
        </View>
      </View>
      {soon && (
        <View className='quick-actions__soon' role='status'>
          <View className='quick-actions__soon-text'>
            <Text className='quick-actions__soon-title'>「{soon.label}」功能即将上线</Text>
            <Text className='quick-actions__soon-desc'>{soon.soon}</Text>
          </View>
          <Button size='small' fill='none' className='quick-actions__soon-close' onClick={() => setSoon(null)}>
            知道了
          </Button>
        </View>
      )}
    </Section>
  )
}
