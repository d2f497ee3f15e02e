import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { CallbackView } from '@/domain/tickets/callbacks-api'
import { Sheet } from '@/components/Sheet'
import { ChipGroup } from '@/components/ChipGroup'
import { FormField, TextAreaField } from '@/components/FormField'
import type { CallbackChannel, RecordInput } from './api'
import { CALLBACK_CHANNEL_LABELS, missedAttempts } from './outcome'

type Reach = 'yes' | 'no'
type Verdict = 'satisfied' | 'unsatisfied'

const REACH = [
  { value: 'yes' as const, label: '联系上' },
  { value: 'no' as const, label: '未联系上' },
]
const CHANNELS = (Object.keys(CALLBACK_CHANNEL_LABELS) as CallbackChannel[]).map((c) => ({ value: c, label: CALLBACK_CHANNEL_LABELS[c] }))
const VERDICTS = [
  { value: 'satisfied' as const, label: '满意' },
  { value: 'unsatisfied' as const, label: '不满意' },
]
const MAX_COMMENT = 200

interface Props {
  /** The callback being recorded; null closes the sheet. */
  item: CallbackView | null
  busy: boolean
  onClose: () => void
  /** Resolves true when recorded (the sheet then closes). */
  onSubmit: (input: RecordInput) => Promise<boolean>
}

/** 记录回访: reached or not, how, satisfied or not, and the resident's words. */
export function RecordSheet({ item, busy, onClose, onSubmit }: Props) {
  const [reach, setReach] = useState<Reach>('yes')
  const [channel, setChannel] = useState<CallbackChannel>('phone')
  const [verdict, setVerdict] = useState<Verdict | null>(null)
  const [comment, setComment] = useState('')
  const [errors, setErrors] = useState<{ verdict?: string; comment?: string }>({})

  // A fresh form for every callback.
  const id = item?.callbackId
  useEffect(() => {
    setReach('yes')
    setChannel('phone')
    setVerdict(null)
    setComment('')
    setErrors({})
  }, [id])

  if (!item) return null
  const reached = reach === 'yes'
  const unhappy = reached && verdict === 'unsatisfied'

  async function submit() {
    if (busy || !item) return
    const text = comment.trim()
    const next: typeof errors = {}
    if (reached && !verdict) next.verdict = '请选择住户是否满意'
    if (unhappy && !text) next.comment = '不满意时请记录住户意见'
    setErrors(next)
    if (next.verdict || next.comment) return
    const input: RecordInput = {
      callbackId: item.callbackId,
      reached,
      channel,
      ...(reached ? { satisfied: verdict === 'satisfied' } : {}),
      ...(text ? { comment: text } : {}),
    }
    await onSubmit(input)
  }

  const attempt = missedAttempts(item) + 1
  return (
    <Sheet open title='记录回访' onClose={onClose} confirm={{ text: '提交', busy, cancelText: '取消', onConfirm: () => void submit() }}>
      <View className='record-sheet'>
        <Text className='record-sheet__ticket'>
          {item.no} · {item.typeLabel}·{item.categoryLabel} · {item.contactName}
        </Text>
        <FormField label='结果'>
          <ChipGroup
            groupLabel='结果'
            options={REACH}
            value={reach}
            onChange={(v) => {
              setReach(v)
              setErrors({})
            }}
          />
        </FormField>
        <FormField label='方式'>
          <ChipGroup groupLabel='方式' options={CHANNELS} value={channel} onChange={setChannel} />
        </FormField>
        {reached ? (
          <FormField label='住户是否满意' error={errors.verdict}>
            <ChipGroup
              groupLabel='住户是否满意'
              options={VERDICTS}
              value={verdict}
              onChange={(v) => {
                setVerdict(v)
                setErrors({})
              }}
            />
          </FormField>
        ) : (
          <Text className='record-sheet__note'>将记录为第 {attempt} 次未联系上；多次联系不上将结束回访。</Text>
        )}
        <TextAreaField
          label={reached ? '意见' : '备注'}
          value={comment}
          onInput={(v) => {
            setComment(v)
            if (errors.comment) setErrors((e) => ({ ...e, comment: undefined }))
          }}
          maxlength={MAX_COMMENT}
          placeholder={unhappy ? '住户不满意的原因（必填），工单将重新打开并转给处理人' : '选填'}
          error={errors.comment}
          fixed
        />
      </View>
    </Sheet>
  )
}
