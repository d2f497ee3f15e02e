import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'

interface FactProps {
  label: string
  children?: ReactNode
}

/**
 * A "label — value" row of a facts list, styled by the caller's BEM block
 * (`<block>__row`, `__key`, `__value`). `valueIsBlock` puts the value in a View, for values
 * that hold more than one line of text (a link, a list).
 */
export function factRow(block: string, { valueIsBlock = false }: { valueIsBlock?: boolean } = {}) {
  const Value = valueIsBlock ? View : Text
  return function Fact({ label, children }: FactProps) {
    return (
      <View className={`${block}__row`}>
        <Text className={`${block}__key`}>{label}</Text>
        <Value className={`${block}__value`}>{children}</Value>
      </View>
    )
  }
}
