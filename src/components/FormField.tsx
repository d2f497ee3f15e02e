import type { ReactNode } from 'react'
import { View, Text, Input, Textarea } from '@tarojs/components'
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
      {label && <Text className='field__label'>{label}</Text>}
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

interface TextAreaFieldProps {
  label: string
  value: string
  onInput: (value: string) => void
  maxlength: number
  placeholder?: string
  error?: string
  hint?: string
  /** weapp: a textarea inside a position:fixed area (a sheet) must say so. */
  fixed?: boolean
  /** Label shown above; defaults to `label` (the accessible name stays `label`). */
  title?: string
}

/** Multi-line text with a live "n/max" counter. */
export function TextAreaField({ label, value, onInput, maxlength, placeholder, error, hint, fixed, title }: TextAreaFieldProps) {
  return (
    <FormField label={title ?? label} error={error} hint={hint}>
      <View className='field__textarea-box'>
        <Textarea
          className='field__textarea'
          value={value}
          placeholder={placeholder}
          placeholderClass='field__placeholder'
          maxlength={maxlength}
          fixed={fixed}
          disableDefaultPadding
          aria-label={label}
          onInput={(e) => onInput(e.detail.value)}
        />
        <Text className='field__counter' aria-hidden='true'>
          {value.length}/{maxlength}
        </Text>
      </View>
    </FormField>
  )
}
