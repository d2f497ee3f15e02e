import { useEffect, useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { Sheet } from '@/components/Sheet'
import { ChipGroup } from '@/components/ChipGroup'
import { TextAreaField, TextField } from '@/components/FormField'
import { CHANNEL_LABELS, CHANNELS, type Channel } from '@/domain/register'
import type { RegisterInputs } from '@/domain/register/api'

type LogType = RegisterInputs['log']['type']
const TYPES: { value: LogType; label: string; text: string }[] = [
  { value: 'inquiry', label: '当场答复', text: '咨询已当场答复' },
  { value: 'suggestion', label: '建议', text: '住户提出建议' },
  { value: 'praise', label: '表扬', text: '住户表扬' },
]
const CHANNEL_OPTIONS = CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))

interface Props {
  open: boolean
  busy: boolean
  onClose: () => void
  onSubmit: (input: Omit<RegisterInputs['log'], 'requestKey'>) => Promise<boolean>
}

/** 登记沟通: a contact that never became a ticket. Pre-filled, so 登记 → 保存 is two taps. */
export function LogSheet({ open, busy, onClose, onSubmit }: Props) {
  const [type, setType] = useState<LogType>('inquiry')
  const [channel, setChannel] = useState<Channel>('phone')
  const [text, setText] = useState(TYPES[0].text)
  const [who, setWho] = useState('')
  const [building, setBuilding] = useState('')
  const [error, setError] = useState<string>()
  useEffect(() => {
    if (open) {
      setType('inquiry')
      setText(TYPES[0].text)
      setWho('')
      setBuilding('')
      setError(undefined)
    }
  }, [open])
  if (!open) return null

  function pick(t: LogType) {
    const prevDefault = TYPES.find((x) => x.value === type)!.text
    setType(t)
    if (!text.trim() || text === prevDefault) setText(TYPES.find((x) => x.value === t)!.text)
  }
  async function save() {
    if (busy) return
    if (text.trim().length < 2) return setError('请填写内容（至少 2 个字）')
    await onSubmit({ type, channel, text: text.trim(), who: who.trim(), building: building.trim(), outcome: type === 'inquiry' ? 'answered' : 'recorded' })
  }
  return (
    <Sheet
      open
      title='登记沟通'
      onClose={onClose}
      footer={
        <Button block type='primary' loading={busy} onClick={() => void save()}>
          保存
        </Button>
      }
    >
      <ChipGroup groupLabel='类型' options={TYPES} value={type} onChange={(v) => pick(v as LogType)} />
      <ChipGroup groupLabel='渠道' options={CHANNEL_OPTIONS} value={channel} onChange={(v) => setChannel(v as Channel)} />
      <TextAreaField label='内容' value={text} onInput={setText} maxlength={300} error={error} />
      <TextField label='客户（选填）' value={who} onInput={setWho} maxlength={20} placeholder='如 3栋 张女士' />
      <TextField label='楼栋（选填）' value={building} onInput={setBuilding} maxlength={20} placeholder='如 2栋' />
    </Sheet>
  )
}
