import { fireEvent, screen, waitFor, within } from '@testing-library/react'

/**
 * Types into the field labelled `label`. Taro's H5 <Input>/<Textarea> are custom elements
 * (<taro-input-core>, <taro-textarea-core>) whose real control appears once loaded, so wait for it.
 */
export async function typeInto(label: string, value: string, scope?: HTMLElement) {
  const host = (scope ? within(scope) : screen).getByLabelText(label)
  const input = await waitFor(() => {
    const el = host.tagName === 'INPUT' || host.tagName === 'TEXTAREA' ? host : host.querySelector('input, textarea')
    if (!el) throw new Error(`no <input> or <textarea> inside the field labelled ${label} yet`)
    return el as HTMLInputElement
  })
  fireEvent.input(input, { target: { value } })
}
