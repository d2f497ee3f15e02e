import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Sheet } from '@/components/Sheet'
import { TextAreaField } from '@/components/FormField'

const WORDS = ['', '很不满意', '不满意', '一般', '满意', '非常满意']

interface Props {
  open: boolean
  busy: boolean
  onClose: () => void
  onSubmit: (score: number, comment: string) => Promise<boolean>
}

/** 1–5 stars and an optional comment. */
export function RateSheet({ open, busy, onClose, onSubmit }: Props) {
  const [score, setScore] = useState(0)
  const [comment, setComment] = useState('')
  const [error, setError] = useState<string | null>(null)

  async function submit() {
    if (busy) return
    if (score < 1) {
      setError('请选择星级')
      return
    }
    if (await onSubmit(score, comment.trim())) {
      setScore(0)
      setComment('')
    }
  }

  return (
    <Sheet open={open} title='评价本次服务' onClose={onClose} confirm={{ text: '提交评价', busy, onConfirm: () => void submit() }}>
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
      <TextAreaField label='评价内容' title='' value={comment} onInput={setComment} maxlength={200} placeholder='说说你的感受（选填）' fixed />
    </Sheet>
  )
}
