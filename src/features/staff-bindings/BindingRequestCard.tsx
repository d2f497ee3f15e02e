import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { formatShort } from '@/domain/time'
import { relationLabel, type BindingRequest } from '@/features/account'

interface Props {
  item: BindingRequest
  busy: boolean
  onDecide: (approve: boolean, reason?: string) => Promise<boolean>
}

export function BindingRequestCard({ item, busy, onDecide }: Props) {
  const [rejecting, setRejecting] = useState(false)
  const [reason, setReason] = useState('')
  return (
    <View className='binding-card'>
      <View className='binding-card__head'>
        <Text className='binding-card__unit'>{item.label}</Text>
        <Text className='binding-card__time'>{formatShort(item.createdAt)}</Text>
      </View>
      <Text className='binding-card__who'>
        {item.name} · {relationLabel(item.relation)} · {item.phoneMasked}
      </Text>
      {rejecting ? (
        <View className='binding-card__reject'>
          <Input
            className='binding-card__reason'
            value={reason}
            maxlength={100}
            placeholder='拒绝原因（选填，住户可见）'
            aria-label='拒绝原因'
            onInput={(e) => setReason(e.detail.value)}
          />
          <View className='binding-card__actions'>
            <Button size='small' fill='none' onClick={() => setRejecting(false)}>
              取消
            </Button>
            <Button size='small' type='danger' loading={busy} onClick={() => void onDecide(false, reason)}>
              确认拒绝
            </Button>
          </View>
        </View>
      ) : (
        <View className='binding-card__actions'>
          <Button size='small' fill='outline' disabled={busy} onClick={() => setRejecting(true)}>
            拒绝
          </Button>
          <Button size='small' type='primary' loading={busy} onClick={() => void onDecide(true)}>
            通过
          </Button>
        </View>
      )}
    </View>
  )
}
