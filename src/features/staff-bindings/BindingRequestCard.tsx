import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { REVIEW_REASON_LABELS } from '@/domain/membership'
import { formatShort } from '@/domain/time'
import { relationLabel, type BindingRequest } from '@/features/account'

interface Props {
  item: BindingRequest
  busy: boolean
  /** Pending requests: approve or reject. */
  onDecide?: (approve: boolean, reason?: string) => Promise<boolean>
  /** Approved members: revoke with a reason (desk/admin). */
  onRevoke?: (reason: string) => Promise<boolean>
}

/** One binding request (or bound member) in 绑定审核, with the unit's flag when owner claims kept failing. */
export function BindingRequestCard({ item, busy, onDecide, onRevoke }: Props) {
  const [sheet, setSheet] = useState<'reject' | 'revoke' | null>(null)
  const [reason, setReason] = useState('')
  const revokeReady = reason.trim().length >= 2
  return (
    <View className={`binding-card ${item.unitFlag ? 'binding-card--flagged' : ''}`}>
      <View className='binding-card__head'>
        <Text className='binding-card__unit'>{item.label}</Text>
        <Text className='binding-card__time'>{formatShort(item.createdAt)}</Text>
      </View>
      {item.unitFlag && (
        <View className='binding-card__flag' role='alert'>
          该房屋业主信息多次核对不符（{item.unitFlag.misses} 次），请当面或致电登记业主核实身份
        </View>
      )}
      <Text className='binding-card__who'>
        {item.name} · {relationLabel(item.relation)} · {item.phone ?? item.phoneMasked}
      </Text>
      {item.review && item.review !== 'not-owner' && <Text className='binding-card__review'>{REVIEW_REASON_LABELS[item.review]}</Text>}
      {sheet ? (
        <View className='binding-card__reject'>
          <Input
            className='binding-card__reason'
            value={reason}
            maxlength={100}
            placeholder={sheet === 'reject' ? '拒绝原因（选填，住户可见）' : '撤销原因（必填，住户可见并记录在案）'}
            aria-label={sheet === 'reject' ? '拒绝原因' : '撤销原因'}
            onInput={(e) => setReason(e.detail.value)}
          />
          <View className='binding-card__actions'>
            <Button size='small' fill='none' onClick={() => setSheet(null)}>
              取消
            </Button>
            {sheet === 'reject' ? (
              <Button size='small' type='danger' loading={busy} onClick={() => void onDecide?.(false, reason)}>
                确认拒绝
              </Button>
            ) : (
              <Button size='small' type='danger' loading={busy} disabled={!revokeReady} onClick={() => void (revokeReady && onRevoke?.(reason.trim()))}>
                确认撤销
              </Button>
            )}
          </View>
        </View>
      ) : (
        <View className='binding-card__actions'>
          {onRevoke && (
            <Button size='small' fill='outline' color='#e5484d' disabled={busy} onClick={() => setSheet('revoke')}>
              撤销
            </Button>
          )}
          {onDecide && (
            <>
              <Button size='small' fill='outline' disabled={busy} onClick={() => setSheet('reject')}>
                拒绝
              </Button>
              <Button size='small' type='primary' loading={busy} onClick={() => void onDecide(true)}>
                通过
              </Button>
            </>
          )}
        </View>
      )}
    </View>
  )
}
