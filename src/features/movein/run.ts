import Taro from '@tarojs/taro'
import { errorMessage } from '@/services/cloud'

/** A toast, plain by default. */
export const toast = (title: string, icon: 'none' | 'success' = 'none') => void Taro.showToast({ title, icon })

/**
 * One action of a move-in screen: one at a time (`busy`), `ok` toasted and the screen reloaded when it
 * went through; a refusal toasted, a cancelled picker silent.
 */
export async function runAction(screen: { busy: boolean; setBusy: (busy: boolean) => void; load: () => Promise<unknown> }, fn: () => Promise<unknown>, ok: string) {
  if (screen.busy) return
  screen.setBusy(true)
  try {
    await fn()
    toast(ok, 'success')
    await screen.load()
  } catch (e) {
    if (!(e as any)?.errMsg?.includes('cancel')) toast(errorMessage(e))
  } finally {
    screen.setBusy(false)
  }
}
