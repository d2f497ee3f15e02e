import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { BINDING_REJECT_REASONS, REVIEW_REASON_LABELS } from '@/domain/membership'
import { formatShort } from '@/domain/time'
import { ChipGroup } from '@/components/ChipGroup'
import { Pill } from '@/components/Pill'
import { relationLabel, type BindingRequest } from '@/features/account'

interface Props {
  item: BindingRequest
  busy: boolean
  /** Pending requests: approve or reject. */
  onDecide?: (approve: boolean, reason?: string) => Promise<boolean>
  /** Approved members: revoke with a reason (desk/admin). */
  onRevoke?: (reason: string) => Promise<boolean>
  /** History: undo an approval the caller may still undo (the server has the last word). */
  onUndo?: () => Promise<boolean>
}

const REASON_CHIPS = BINDING_REJECT_REASONS.map((r) => ({ value: r, label: r }))

/** Who already lives in the flat (staff only; phones masked), so the desk sees a claim against them. */
function Household({ item }: { item: BindingRequest }) {
  const members = item.household ?? []
  return (
    <View className='binding-card__household' aria-label='现有住户'>
      <Text className='binding-card__household-title'>现有住户</Text>
      {members.length === 0 ? (
        <Text className='binding-card__household-none'>暂无已绑定的住户</Text>
      ) : (
        members.map((m) => (
          <Text key={`${m.name}-${m.since}`} className='binding-card__member'>
            {relationLabel(m.relation)} · {m.name} · {m.phoneMasked}
          </Text>
        ))
      )}
    </View>
  )
}

/** The decision of a request in 审核记录: outcome, who, when, why, and undo while it is allowed. */
function Decision({ item, busy, onUndo }: { item: BindingRequest; busy: boolean; onUndo?: () => Promise<boolean> }) {
  const approved = item.status === 'approved'
  return (
    <View className='binding-card__decision'>
      <View className='binding-card__decision-line'>
        <Pill tone={approved ? 'success' : 'danger'}>{approved ? '已通过' : '未通过'}</Pill>
        <Text className='binding-card__decider'>
          {item.decidedByLabel ?? ''}
          {item.decidedAt ? ` · ${formatShort(item.decidedAt)}` : ''}
        </Text>
      </View>
      {item.reason && <Text className='binding-card__reason-text'>原因：{item.reason}</Text>}
      {onUndo && item.undoUntil && (
        <View className='binding-card__actions'>
          <Text className='binding-card__undo-hint'>{formatShort(item.undoUntil).slice(6)} 前可撤回</Text>
          <Button size='small' fill='outline' loading={busy} onClick={() => void onUndo()}>
            撤回通过
          </Button>
        </View>
      )}
    </View>
  )
}

/** One binding request (pending, decided or bound member) in 绑定审核, with the unit's flag when owner claims kept failing. */
export function BindingRequestCard({ item, busy, onDecide, onRevoke, onUndo }: Props) {
  const [sheet, setSheet] = useState<'reject' | 'revoke' | null>(null)
  const [reason, setReason] = useState('')
  const revokeReady = reason.trim().length >= 2
  const pending = item.status === 'pending'
  const long = pending && item.wait?.long
  return (
    <View className={`binding-card ${item.unitFlag ? 'binding-card--flagged' : ''} ${long ? 'binding-card--long' : ''}`}>
      <View className='binding-card__head'>
        <Text className='binding-card__unit'>{item.label}</Text>
        <Text className='binding-card__time'>{formatShort(item.createdAt)}</Text>
      </View>
      {pending && item.wait && (
        <View className='binding-card__wait'>{long ? <Pill tone='danger'>{item.wait.text}</Pill> : <Text className='binding-card__wait-text'>{item.wait.text}</Text>}</View>
      )}
      {item.unitFlag && (
        <View className='binding-card__flag' role='alert'>
          该房屋业主信息多次核对不符（{item.unitFlag.misses} 次），请当面或致电登记业主核实身份
        </View>
      )}
      <Text className='binding-card__who'>
        {item.name} · {relationLabel(item.relation)} · {item.phone ?? item.phoneMasked}
      </Text>
      {item.review && item.review !== 'not-owner' && <Text className='binding-card__review'>{REVIEW_REASON_LABELS[item.review]}</Text>}
      {pending && item.household && <Household item={item} />}
      {!pending && item.decidedByLabel && <Decision item={item} busy={busy} onUndo={onUndo} />}
      {sheet ? (
        <View className='binding-card__reject'>
          {sheet === 'reject' && <ChipGroup groupLabel='常用拒绝原因' className='binding-card__chips' options={REASON_CHIPS} value={reason} onChange={setReason} />}
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
