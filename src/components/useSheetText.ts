import { useState } from 'react'

/**
 * The one text of an action sheet (提问, 撤回原因, 留言…) and its error: typing clears the error.
 * `field` spreads onto the sheet's TextAreaField (value, error, fixed, onInput).
 */
export function useSheetText() {
  const [text, setText] = useState('')
  const [error, setError] = useState<string | undefined>()
  const input = (v: string) => {
    setText(v)
    setError(undefined)
  }
  const reset = () => input('')
  return { text, setText, error, setError, input, reset, field: { value: text, error, fixed: true, onInput: input } }
}
