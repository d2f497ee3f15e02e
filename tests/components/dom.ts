import { fireEvent, screen, waitFor, within } from '@testing-library/react'

/**
 * Types into the field labelled `label`. Taro's H5 <Input> is a <taro-input-core> custom element
 * whose real <input> appears once the element has loaded, so wait for it.
 */
export async function typeInto(label: string, value: string, scope?: HTMLElement) {
  const host = (scope ? within(scope) : screen).getByLabelText(label)
  const input = await waitFor(() => {
    const el = host.tagName === 'INPUT' ? host : host.querySelector('input')
    if (!el) throw new Error(`no <input> inside the field labelled ${label} yet`)
    return el as HTMLInputElement
  })
  fireEvent.input(input, { target: { value } })
}
