import Taro from '@tarojs/taro'

/** The id of the element that holds a form field and its error (scrolled to on submit). */
export const fieldAnchor = (key: string) => `field-${key}`

function scrollToAnchor(id: string) {
  if (process.env.TARO_ENV === 'h5') {
    // Taro's H5 pageScrollTo does not take a selector in every version: the DOM does.
    document.getElementById(id)?.scrollIntoView?.({ block: 'center', behavior: 'smooth' })
    return
  }
  void Promise.resolve(Taro.pageScrollTo({ selector: `#${id}`, offsetTop: -120, duration: 200 })).catch(() => undefined)
}

/**
 * After a submit found errors: scroll the first one (in the form's top-to-bottom `order`) into
 * view and name it in a toast, so 提交 never seems to do nothing. Returns the key shown, or null
 * when there is no error.
 */
export function revealFirstError<K extends string>(errors: Partial<Record<K, string | undefined>>, order: readonly K[]): K | null {
  const key = order.find((k) => !!errors[k]) ?? null
  if (!key) return null
  void Promise.resolve(Taro.showToast({ title: errors[key]!, icon: 'none', duration: 2500 })).catch(() => undefined)
  scrollToAnchor(fieldAnchor(key))
  return key
}
