import { View, Text, Input } from '@tarojs/components'
import { FormField } from '@/components/FormField'
import './StaffNotices.scss'

interface Props {
  label: string
  value: string
  max: number
  onInput: (v: string) => void
  placeholder?: string
  hint?: string
  error?: string
}

/**
 * A one-line text with a live "n/max" counter. Not hard-limited: a pasted text that is too long
 * stays visible, counted in red and refused inline, so the author can shorten it.
 */
export function CountedInput({ label, value, max, onInput, placeholder, hint, error }: Props) {
  const n = value.trim().length
  return (
    <FormField label={label} error={error} hint={hint}>
      <View className='counted'>
        <Input
          className='field__input counted__input'
          value={value}
          placeholder={placeholder}
          placeholderClass='field__placeholder'
          maxlength={max * 5}
          aria-label={label}
          onInput={(e) => onInput(e.detail.value)}
        />
        <Text className={`counted__n ${n > max ? 'counted__n--over' : ''}`} aria-label={`${label}字数`}>
          {n}/{max}
        </Text>
      </View>
    </FormField>
  )
}
