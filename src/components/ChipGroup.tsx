import { View, Text } from '@tarojs/components'
import './ChipGroup.scss'

export interface ChipOption<T extends string> {
  value: T
  label: string
  disabled?: boolean
}

interface Props<T extends string> {
  options: ChipOption<T>[]
  /** Single selection: the chosen value; multiple: the chosen values. */
  value: T | T[] | null
  onChange: (value: T) => void
  /**
   * Accessible name of the group. (Not `ariaLabel`: Taro's JSX transform rewrites camelCase
   * aria props into `aria-label` even on our own components, so the prop would never arrive.)
   */
  groupLabel?: string
  className?: string
}

/** Tappable choice chips. The caller decides single vs multiple selection in `onChange`. */
export function ChipGroup<T extends string>({ options, value, onChange, groupLabel, className }: Props<T>) {
  const isSelected = (v: T) => (Array.isArray(value) ? value.includes(v) : value === v)
  return (
    <View className={`chips ${className ?? ''}`} role='listbox' aria-label={groupLabel}>
      {options.map((o) => {
        const selected = isSelected(o.value)
        return (
          <View
            key={o.value}
            className={`chip ${selected ? 'chip--selected' : ''} ${o.disabled ? 'chip--disabled' : ''}`}
            role='option'
            aria-selected={selected ? 'true' : 'false'}
            onClick={o.disabled ? undefined : () => onChange(o.value)}
          >
            <Text>{o.label}</Text>
          </View>
        )
      })}
    </View>
  )
}
