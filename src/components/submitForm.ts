import Taro from '@tarojs/taro'
import { errorMessage } from '@/services/cloud'
import { issuePath } from '@/services/issues'

/**
 * The save step every staff form shares: the form's own check first (the first error toasted and
 * scrolled to, `#<idPrefix><field>`), then the call; a refusal from the backend is toasted and shown
 * under the field its zod issue names. Answers whether it was saved.
 */
export async function submitForm<K extends string, I>(opts: {
  checked: { input: I | null; errors: Partial<Record<K, string>> }
  order: readonly K[]
  idPrefix: string
  setErrors: (e: Partial<Record<K, string>>) => void
  fieldOf: (path: string | null) => K | null
  send: (input: I) => Promise<unknown>
}): Promise<boolean> {
  const { checked, order, idPrefix, setErrors, fieldOf, send } = opts
  setErrors(checked.errors)
  if (!checked.input) {
    const first = order.find((k) => checked.errors[k]) ?? order[0]
    void Taro.showToast({ title: checked.errors[first] ?? '请检查填写内容', icon: 'none', duration: 2500 })
    void Taro.pageScrollTo({ selector: `#${idPrefix}${first}`, duration: 200 })?.catch?.(() => undefined)
    return false
  }
  try {
    await send(checked.input)
    return true
  } catch (err) {
    const field = fieldOf(issuePath(err))
    if (field) setErrors({ [field]: errorMessage(err) } as Partial<Record<K, string>>)
    void Taro.showToast({ title: errorMessage(err), icon: 'none', duration: 2500 })
    return false
  }
}
