import type { ReactNode } from 'react'
import { View, Text, Input } from '@tarojs/components'
import './FormField.scss'

interface FieldProps {
  label: string
  error?: string
  hint?: string
  children?: ReactNode
}

/** Label, control and an inline error in Chinese under it. */
export function FormField({ label, error, hint, children }: FieldProps) {
  return (
    <View className={`field ${error ? 'field--invalid' : ''}`}>
      <Text className='field__label'>{label}</Text>
      <View className='field__control'>{children}</View>
      {error ? (
        <View className='field__error' role='alert'>
          {error}
        </View>
      ) : (
        hint && <Text className='field__hint'>{hint}</Text>
      )}
    </View>
  )
}

interface TextFieldProps {
  label: string
  value: string
  onInput: (value: string) => void
  placeholder?: string
  error?: string
  hint?: string
  type?: 'text' | 'number'
  maxlength?: number
  disabled?: boolean
  name?: string
}

export function TextField({ label, value, onInput, placeholder, error, hint, type = 'text', maxlength, disabled, name }: TextFieldProps) {
  return (
    <FormField label={label} error={error} hint={hint}>
      <Input
        className='field__input'
        name={name}
        type={type}
        value={value}
        placeholder={placeholder}
        placeholderClass='field__placeholder'
        maxlength={maxlength}
        disabled={disabled}
        aria-label={label}
        onInput={(e) => onInput(e.detail.value)}
      />
    </FormField>
  )
}
