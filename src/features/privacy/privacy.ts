/**
 * WeChat privacy authorisation (`__usePrivacyCheck__`): when a privacy-guarded API needs consent,
 * WeChat calls our `onNeedPrivacyAuthorization` listener with a `resolve`; we show the popup and
 * answer agree (from the `agreePrivacyAuthorization` button) or disagree.
 */
type PrivacyResolve = (res: { event: 'agree' | 'disagree'; buttonId?: string }) => void

export const AGREE_BUTTON_ID = 'privacy-agree'

let pending: PrivacyResolve | null = null
let installed = false
const listeners = new Set<(open: boolean) => void>()

function emit(open: boolean) {
  listeners.forEach((l) => l(open))
}

/** Registers the WeChat listener once (weapp only; older base libraries lack the API). */
export function installPrivacyHandler(): void {
  if (process.env.TARO_ENV !== 'weapp' || installed) return
  if (typeof wx === 'undefined' || typeof wx.onNeedPrivacyAuthorization !== 'function') return
  installed = true
  wx.onNeedPrivacyAuthorization((resolve: PrivacyResolve) => {
    pending = resolve
    emit(true)
  })
}

export function subscribePrivacy(listener: (open: boolean) => void): () => void {
  listeners.add(listener)
  if (pending) listener(true)
  return () => {
    listeners.delete(listener)
  }
}

export function answerPrivacy(agreed: boolean): void {
  const resolve = pending
  pending = null
  resolve?.(agreed ? { event: 'agree', buttonId: AGREE_BUTTON_ID } : { event: 'disagree' })
  emit(false)
}
