import { View, Text } from '@tarojs/components'

export interface TabOption<T extends string> {
  value: T
  label: string
}

/**
 * A row of tabs (role tablist, the chosen one aria-selected), styled by the caller's block:
 * `${block}__tabs`, `${block}__tab`, `${block}__tab--on`.
 */
export function TabStrip<T extends string>({
  block,
  label,
  options,
  value,
  onChange,
}: {
  block: string
  label: string
  options: readonly TabOption<T>[]
  value: T
  onChange: (v: T) => void
}) {
  return (
    <View className={`${block}__tabs`} role='tablist' aria-label={label}>
      {options.map((t) => (
        <View
          key={t.value}
          className={`${block}__tab ${t.value === value ? `${block}__tab--on` : ''}`}
          role='tab'
          aria-selected={t.value === value ? 'true' : 'false'}
          onClick={() => onChange(t.value)}
        >
          <Text>{t.label}</Text>
        </View>
      ))}
    </View>
  )
}
