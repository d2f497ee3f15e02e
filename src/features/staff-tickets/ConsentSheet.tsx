import { useEffect, useState } from 'react'
import { Sheet } from '@/components/Sheet'
import { TextAreaField, TextField } from '@/components/FormField'

interface Props {
  open: boolean
  defaultBy: string
  busy: boolean
  onClose: () => void
  onSubmit: (by: string, scope: string) => Promise<boolean>
}

/** 记录入户同意: who agreed to the work in their home, and to what. */
export function ConsentSheet({ open, defaultBy, busy, onClose, onSubmit }: Props) {
  const [by, setBy] = useState(defaultBy)
  const [scope, setScope] = useState('')
  const [errors, setErrors] = useState<{ by?: string; scope?: string }>({})
  useEffect(() => {
    if (open) setBy((v) => v || defaultBy)
  }, [open, defaultBy])

  async function submit() {
    if (busy) return
    const found = { by: by.trim() ? undefined : '请填写同意人', scope: scope.trim() ? undefined : '请填写入户范围' }
    setErrors(found)
    if (found.by || found.scope) return
    if (await onSubmit(by.trim(), scope.trim())) setScope('')
  }

  return (
    <Sheet open={open} title='记录入户同意' onClose={onClose} confirm={{ text: '保存', busy, onConfirm: () => void submit() }}>
      <TextField label='同意人' value={by} onInput={(v) => (setBy(v), setErrors((e) => ({ ...e, by: undefined })))} maxlength={20} placeholder='住户姓名' error={errors.by} />
      <TextAreaField
        label='入户范围'
        value={scope}
        maxlength={100}
        placeholder='如：进入厨房更换水龙头阀芯'
        error={errors.scope}
        fixed
        onInput={(v) => (setScope(v), setErrors((e) => ({ ...e, scope: undefined })))}
      />
    </Sheet>
  )
}
