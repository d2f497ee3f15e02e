import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Sheet } from '@/components/Sheet'
import { TextAreaField } from '@/components/FormField'

const WORDS = ['', '很不满意', '不满意', '一般', '满意', '非常满意']

interface Props {
  open: boolean
  busy: boolean
  /**
   * 'confirm': confirming the ticket is solved, with an optional rating in the same sheet (one
   * tap less than confirm, then rate); 'rate': rating a ticket already closed (stars required).
   */
  mode: 'confirm' | 'rate'
  /** The confirm button's words (a consultation is 已解决, a repair 确认完成). */
  confirmText?: string
  onClose: () => void
  onSubmit: (score: number, comment: string) => Promise<boolean>
}

/** 1–5 stars and an optional comment; in confirm mode also the confirmation itself. */
export function RateSheet({ open, busy, mode, confirmText, onClose, onSubmit }: Props) {
  const [score, setScore] = useState(0)
  const [comment, setComment] = useState('')
  const [error, setError] = useState<string | null>(null)
  const confirming = mode === 'confirm'

  async function submit() {
    if (busy) return
    if (!confirming && score < 1) {
      setError('请选择星级')
      return
    }
    if (await onSubmit(score, comment.trim())) {
      setScore(0)
      setComment('')
    }
  }

  return (
    <Sheet
      open={open}
      title={confirming ? '确认问题已解决' : '评价本次服务'}
      onClose={onClose}
      confirm={{ text: confirming ? (confirmText ?? '确认完成') : '提交评价', busy, onConfirm: () => void submit(), cancelText: confirming ? '还没有' : undefined }}
    >
      {confirming && <Text className='rate__lead'>确认后工单完成。顺便为本次服务打个分吧（选填）：</Text>}
      <View className='rate'>
        <View className='rate__stars' role='radiogroup' aria-label='评分'>
          {[1, 2, 3, 4, 5].map((n) => (
            <View
              key={n}
              className={`rate__star ${n <= score ? 'rate__star--on' : ''}`}
              role='radio'
              aria-checked={n === score ? 'true' : 'false'}
              aria-label={`${n} 星`}
              onClick={() => {
                setScore(n)
                setError(null)
              }}
            >
              <Text>★</Text>
            </View>
          ))}
        </View>
        <View className={`rate__word ${error ? 'rate__word--error' : ''}`} role={error ? 'alert' : undefined}>
          {error ?? (WORDS[score] || '请为本次服务打分')}
        </View>
      </View>
      <TextAreaField label='评价内容' title='' value={comment} onInput={setComment} maxlength={200} placeholder='说说您的感受（选填）' fixed />
    </Sheet>
  )
}
