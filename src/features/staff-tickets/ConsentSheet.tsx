import { useEffect, useState } from 'react'
import { ChipGroup } from '@/components/ChipGroup'
import { Sheet } from '@/components/Sheet'
import { FormField, TextAreaField, TextField } from '@/components/FormField'

interface Props {
  open: boolean
  defaultBy: string
  busy: boolean
  onClose: () => void
  /** `refused`: the resident refused entry (recorded instead of a consent; the repair can then be closed out). */
  onSubmit: (by: string, scope: string, refused: boolean) => Promise<boolean>
}

const OUTCOMES = [
  { value: 'agreed', label: '住户同意入户' },
  { value: 'refused', label: '住户拒绝入户' },
] as const

/** 记录入户同意: who agreed to the work in their home, and to what — or that they refused entry, and why. */
export function ConsentSheet({ open, defaultBy, busy, onClose, onSubmit }: Props) {
  const [by, setBy] = useState(defaultBy)
  const [scope, setScope] = useState('')
  const [outcome, setOutcome] = useState<'agreed' | 'refused'>('agreed')
  const [errors, setErrors] = useState<{ by?: string; scope?: string }>({})
  const refused = outcome === 'refused'
  useEffect(() => {
    if (open) setBy((v) => v || defaultBy)
  }, [open, defaultBy])

  async function submit() {
    if (busy) return
    const found = {
      by: by.trim() ? undefined : refused ? '请填写拒绝的住户' : '请填写同意人',
      scope: scope.trim() ? undefined : refused ? '请填写拒绝的原因或说明' : '请填写入户范围',
    }
    setErrors(found)
    if (found.by || found.scope) return
    if (await onSubmit(by.trim(), scope.trim(), refused)) {
      setScope('')
      setOutcome('agreed')
    }
  }

  return (
    <Sheet open={open} title='记录入户同意' onClose={onClose} confirm={{ text: refused ? '记录拒绝' : '保存', busy, danger: refused, onConfirm: () => void submit() }}>
      <FormField label='住户意见'>
        <ChipGroup groupLabel='住户意见' options={[...OUTCOMES]} value={outcome} onChange={(v) => (setOutcome(v), setErrors({}))} />
      </FormField>
      <TextField
        label={refused ? '拒绝人' : '同意人'}
        value={by}
        onInput={(v) => (setBy(v), setErrors((e) => ({ ...e, by: undefined })))}
        maxlength={20}
        placeholder='住户姓名'
        error={errors.by}
      />
      <TextAreaField
        label={refused ? '说明' : '入户范围'}
        value={scope}
        maxlength={100}
        placeholder={refused ? '如：住户表示自行请人维修，不需要入户' : '如：进入厨房更换水龙头阀芯'}
        error={errors.scope}
        fixed
        onInput={(v) => (setScope(v), setErrors((e) => ({ ...e, scope: undefined })))}
      />
    </Sheet>
  )
}
