import type { ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { Sheet } from '@/components/Sheet'
import { ChipGroup } from '@/components/ChipGroup'
import { FormField, TextAreaField } from '@/components/FormField'
import { useSheetText } from '@/components/useSheetText'
import { PhotoPicker } from './PhotoPicker'
import './Tickets.scss'
import { photosError, usePhotos } from './usePhotos'

export interface TextSheetProps {
  open: boolean
  title: string
  /** The field's name, e.g. 留言内容; "请填写…" when empty. */
  label: string
  maxlength: number
  placeholder?: string
  /** One-tap texts that fill the field. */
  quick?: string[]
  withPhotos?: boolean
  /** Photos are required: the message when none was added (e.g. a repair's completion). */
  photosRequired?: string
  confirmText: string
  danger?: boolean
  busy: boolean
  onClose: () => void
  /** Resolves true when recorded: the sheet then clears itself. */
  onSubmit: (text: string, photos: string[]) => Promise<boolean>
  children?: ReactNode
  /** Optional fields under the text and photos (e.g. a completion's parts and fee). */
  after?: ReactNode
}

/** A sheet with one required text (and optional photos) for an action: 留言, 取消, 重新处理, 答复… */
export function TextSheet({
  open,
  title,
  label,
  maxlength,
  placeholder,
  quick,
  withPhotos,
  photosRequired,
  confirmText,
  danger,
  busy,
  onClose,
  onSubmit,
  children,
  after,
}: TextSheetProps) {
  const { text, setText, setError, input, field } = useSheetText()
  const photos = usePhotos()
  const photoProblem = withPhotos ? (photosError(photos) ?? (photosRequired && photos.fileIDs.length === 0 ? photosRequired : undefined)) : undefined

  async function submit() {
    if (busy) return
    if (!text.trim()) {
      setError(`请填写${label}`)
      return
    }
    if (photoProblem) {
      void Taro.showToast({ title: photoProblem, icon: 'none' })
      return
    }
    if (await onSubmit(text.trim(), withPhotos ? photos.fileIDs : [])) {
      setText('')
      photos.reset()
    }
  }

  return (
    <Sheet open={open} title={title} onClose={onClose} confirm={{ text: confirmText, busy, danger, onConfirm: () => void submit() }}>
      {children}
      {quick && quick.length > 0 && (
        <FormField label={label}>
          <ChipGroup groupLabel={`常用${label}`} options={quick.map((q) => ({ value: q, label: q }))} value={text} onChange={input} />
        </FormField>
      )}
      <TextAreaField label={label} title={quick && quick.length > 0 ? '' : undefined} maxlength={maxlength} placeholder={placeholder} {...field} />
      {withPhotos && (
        <FormField label={photosRequired ? '图片（必填）' : '图片（选填）'}>
          <PhotoPicker photos={photos} />
        </FormField>
      )}
      {after}
    </Sheet>
  )
}
