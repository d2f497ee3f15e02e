import { useEffect, type ReactNode } from 'react'
import { Sheet } from '@/components/Sheet'
import { TextAreaField } from '@/components/FormField'
import { useSheetText } from '@/components/useSheetText'

interface Props {
  open: boolean
  title: string
  label: string
  placeholder?: string
  maxlength?: number
  /** Fewest characters accepted (the backend's rule), with the message to show below it. */
  min?: number
  minMessage?: string
  /** Empty allowed (e.g. the 已恢复 text, which has a default). */
  optional?: boolean
  confirmText: string
  danger?: boolean
  busy?: boolean
  onClose: () => void
  onSubmit: (text: string) => void
  children?: ReactNode
}

/** A sheet with one text for an action: 撤回原因, 退回原因, 未满通知期的原因, 恢复通知正文. */
export function ReasonSheet({ open, title, label, placeholder, maxlength = 200, min = 1, minMessage, optional, confirmText, danger, busy, onClose, onSubmit, children }: Props) {
  const { text, setError, reset, field } = useSheetText()
  useEffect(() => {
    if (!open) reset()
  }, [open])

  function submit() {
    const t = text.trim()
    if (!optional && !t) return setError(`请填写${label}`)
    if (t && t.length < min) return setError(minMessage ?? `${label}至少 ${min} 个字`)
    onSubmit(t)
  }

  return (
    <Sheet open={open} title={title} onClose={onClose} confirm={{ text: confirmText, busy, danger, cancelText: '取消', onConfirm: submit }}>
      {children}
      <TextAreaField label={label} maxlength={maxlength} placeholder={placeholder} {...field} />
    </Sheet>
  )
}
