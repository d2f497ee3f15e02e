import { useState } from 'react'
import Taro from '@tarojs/taro'
import { errorMessage } from '@/services/cloud'

/**
 * One form's submit: `busy` while its call runs (a second submit meanwhile is ignored). With
 * `toast`, a refusal says why in a toast; without, it lands in `error` for the form to show (each
 * submit clears it first). `done`, when given, is toasted on success. Resolves true when it went through.
 */
export function useSubmit({ toast = false }: { toast?: boolean } = {}) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  async function submit(call: () => Promise<unknown>, done?: string): Promise<boolean> {
    if (busy) return false
    if (!toast) setError(null)
    setBusy(true)
    try {
      await call()
      if (done) void Taro.showToast({ title: done, icon: 'success' })
      return true
    } catch (err) {
      if (toast) void Taro.showToast({ title: errorMessage(err), icon: 'none' })
      else setError(errorMessage(err))
      return false
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, setError, submit }
}
