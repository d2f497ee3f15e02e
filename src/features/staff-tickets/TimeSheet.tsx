import { useState } from 'react'
import { Sheet } from '@/components/Sheet'
import { FormField, TextAreaField } from '@/components/FormField'
import { ChipGroup } from '@/components/ChipGroup'
import { DateTimeField } from './DateTimeField'

interface Props {
  open: boolean
  /** pause: a reason and the expected resume time; promise: the time a reply is promised by. */
  mode: 'pause' | 'promise'
  busy: boolean
  onClose: () => void
  onSubmit: (at: string, reason: string) => Promise<boolean>
}

const PAUSE_REASONS = ['等待配件到货', '需与住户另约时间', '需专业单位处理']

/** 暂停 (reason + expected time) and 承诺答复时间 (a time). */
export function TimeSheet({ open, mode, busy, onClose, onSubmit }: Props) {
  const [at, setAt] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<{ at?: string; reason?: string }>({})
  const pause = mode === 'pause'

  async function submit() {
    if (busy) return
    const found = {
      reason: pause && !reason.trim() ? '请填写暂停原因' : undefined,
      at: !at ? (pause ? '请选择预计恢复时间' : '请选择答复时间') : new Date(at).getTime() <= Date.now() ? '请选择晚于现在的时间' : undefined,
    }
    setErrors(found)
    if (found.at || found.reason) return
    if (await onSubmit(at!, reason.trim())) {
      setAt(null)
      setReason('')
    }
  }

  return (
    <Sheet open={open} title={pause ? '暂停处理' : '承诺答复时间'} onClose={onClose} confirm={{ text: pause ? '确认暂停' : '确认承诺', busy, onConfirm: () => void submit() }}>
      {pause && (
        <>
          <FormField label='暂停原因'>
            <ChipGroup
              groupLabel='常用暂停原因'
              options={PAUSE_REASONS.map((r) => ({ value: r, label: r }))}
              value={reason}
              onChange={(r) => (setReason(r), setErrors((e) => ({ ...e, reason: undefined })))}
            />
          </FormField>
          <TextAreaField
            label='暂停原因'
            title=''
            value={reason}
            maxlength={100}
            placeholder='住户会看到暂停原因；暂停期间时限不计时'
            error={errors.reason}
            fixed
            onInput={(v) => (setReason(v), setErrors((e) => ({ ...e, reason: undefined })))}
          />
        </>
      )}
      <DateTimeField label={pause ? '预计恢复时间' : '承诺在此之前答复'} value={at} error={errors.at} onChange={(v) => (setAt(v), setErrors((e) => ({ ...e, at: undefined })))} />
    </Sheet>
  )
}
