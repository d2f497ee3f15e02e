import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { HomeView } from '@/domain/identity'

/** The outcome of a binding request: approved at once, or waiting for the property's review. */
export function BindResult({ home, onAgain }: { home: HomeView; onAgain: () => void }) {
  const approved = home.status === 'approved'
  return (
    <View className={`bind-result ${approved ? 'bind-result--ok' : 'bind-result--pending'}`} role='status'>
      <View className='bind-result__mark' aria-hidden='true'>
        <Text>{approved ? '✓' : '…'}</Text>
      </View>
      <Text className='bind-result__title'>{approved ? '绑定成功' : '已提交，等待物业审核'}</Text>
      <Text className='bind-result__label'>
        {home.communityName} {home.label}
      </Text>
      {!approved && <Text className='bind-result__hint'>审核结果会显示在「我的 - 我的房屋」中</Text>}
      <View className='bind-result__actions'>
        <Button block type='primary' onClick={() => Taro.switchTab({ url: '/pages/mine/index' })}>
          返回我的
        </Button>
        <Button block fill='none' className='bind-result__again' onClick={onAgain}>
          继续绑定其他房屋
        </Button>
      </View>
    </View>
  )
}
