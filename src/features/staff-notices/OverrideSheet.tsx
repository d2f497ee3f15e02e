import { View, Text } from '@tarojs/components'
import { ANNOUNCEMENT_TYPE_LABELS, NOTICE_PERIOD_HOURS, type AnnouncementType } from '@/domain/announcements'
import { ReasonSheet } from './ReasonSheet'
import type { OverridePrompt } from './useNoticeEditor'
import { periodText } from './validate'
import './StaffNotices.scss'

interface Props {
  type: AnnouncementType
  prompt: OverridePrompt | null
  busy: boolean
  /** A desk author's confirm only submits for review (a supervisor publishes): the button says so. */
  submitsForReview?: boolean
  onCancel: () => void
  onConfirm: (reason: string) => void
}

/**
 * The backend refused to publish an interruption inside its notice period (停水 24 小时,
 * 停电 7 天). State the rule and how far short this is; publish anyway only with a reason, which
 * is kept on the notice's record.
 */
export function OverrideSheet({ type, prompt, busy, submitsForReview, onCancel, onConfirm }: Props) {
  const need = NOTICE_PERIOD_HOURS[type]
  const label = ANNOUNCEMENT_TYPE_LABELS[type]
  return (
    <ReasonSheet
      open={!!prompt}
      title='未满足提前通知要求'
      label='未提前通知的原因'
      placeholder='如：供水管道突发爆裂，需紧急抢修'
      min={4}
      minMessage='请说明未提前通知的原因（至少 4 个字）'
      confirmText={submitsForReview ? '填写原因并提交审核' : '填写原因并发布'}
      danger
      busy={busy}
      onClose={onCancel}
      onSubmit={onConfirm}
    >
      {prompt && (
        <View className='override' role='alert'>
          <Text className='override__rule'>
            按规定，{label}需至少提前 {need ? periodText(need) : ''}通知住户。
          </Text>
          <Text className='override__short'>本次距开始还差 {prompt.shortfall} 小时。</Text>
          <Text className='override__note'>
            {submitsForReview
              ? '如确需发布（如突发抢修），请填写原因后提交主管审核。原因将与提交人一起记录在案。'
              : '如确需发布（如突发抢修），请填写原因。原因将与发布人一起记录在案，主管可查看。'}
          </Text>
        </View>
      )}
    </ReasonSheet>
  )
}
