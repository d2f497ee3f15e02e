import { View } from '@tarojs/components'
import { ChipGroup, type ChipOption } from './ChipGroup'
import { FormField } from './FormField'

interface Props<T extends string> {
  label: string
  /** The chips' accessible name; defaults to the label. */
  groupLabel?: string
  options: ChipOption<T>[]
  /** Single selection: the chosen value; multiple: the chosen values (see `toggled`). */
  value: T | T[] | null
  onChange: (value: T) => void
  error?: string
  hint?: string
  /** Anchor the editor scrolls to on a failed save (wraps the field in a View with this id). */
  id?: string
}

/** A labelled field of choice chips: the editors' FormField + ChipGroup block. */
export function ChoiceField<T extends string>({ label, groupLabel, options, value, onChange, error, hint, id }: Props<T>) {
  const field = (
    <FormField label={label} error={error} hint={hint}>
      <ChipGroup groupLabel={groupLabel ?? label} options={options} value={value} onChange={onChange} />
    </FormField>
  )
  return id ? <View id={id}>{field}</View> : field
}

/** Two chips for a yes/no setting (e.g. 启用 / 停用). */
export function SwitchField({
  label,
  groupLabel,
  on,
  off,
  value,
  onChange,
}: {
  label: string
  groupLabel?: string
  on: string
  off: string
  value: boolean
  onChange: (value: boolean) => void
}) {
  const options = [
    { value: 'on' as const, label: on },
    { value: 'off' as const, label: off },
  ]
  return <ChoiceField label={label} groupLabel={groupLabel} options={options} value={value ? 'on' : 'off'} onChange={(v) => onChange(v === 'on')} />
}

/** A multiple choice after tapping `v`: the list with it added or removed. */
export const toggled = <T,>(list: T[], v: T): T[] => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v])
