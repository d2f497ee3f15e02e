import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { HomeView } from '@/domain/identity'
import { Section } from '@/components/Section'
import { EmptyState } from '@/components/StateView'
import { StatusTag, relationLabel } from '@/features/account'
import './MyHomes.scss'

/** 我的房屋: every binding the caller made, with its review status. */
export function MyHomes({ homes }: { homes: HomeView[] }) {
  const visible = homes.filter((h) => h.status !== 'removed')
  const goBind = () => Taro.navigateTo({ url: '/pages/bind/index' })
  return (
    <Section
      title='我的房屋'
      flush
      extra={
        visible.length > 0 && (
          <View className='my-homes__add' role='button' onClick={goBind}>
            + 绑定房屋
          </View>
        )
      }
    >
      {visible.length === 0 ? (
        <EmptyState text='还没有绑定房屋' hint='绑定后可使用报修、投诉、咨询和社区通知等物业服务'>
          <Button type='primary' size='small' className='my-homes__bind' onClick={goBind}>
            绑定房屋
          </Button>
        </EmptyState>
      ) : (
        visible.map((h) => (
          <View key={h.membershipId} className='my-home'>
            <View className='my-home__main'>
              <Text className='my-home__label'>{h.label}</Text>
              <Text className='my-home__meta'>
                {h.communityName} · {relationLabel(h.relation)}
              </Text>
              {h.status === 'rejected' && h.reason && <Text className='my-home__reason'>原因：{h.reason}</Text>}
            </View>
            <StatusTag status={h.status} />
          </View>
        ))
      )}
    </Section>
  )
}
