import { useEffect, useRef } from 'react'
import Taro from '@tarojs/taro'

export const LEAVE_MESSAGE = '已填写的内容尚未提交，确定离开吗？'

/**
 * Going back from a filled form asks before discarding it. WeChat: the page's own
 * enableAlertBeforeUnload (the system asks on the back button and gesture). H5: the router's
 * history blocks the pop and asks with a modal; closing or reloading the tab asks through
 * beforeunload (history.block sets that up too). `release()` lets a submit leave without asking.
 */
export function useLeaveGuard(dirty: boolean) {
  const released = useRef(false)
  const unblock = useRef<(() => void) | null>(null)

  useEffect(() => {
    if (!dirty || released.current) return undefined
    if (process.env.TARO_ENV === 'weapp') {
      void Promise.resolve(Taro.enableAlertBeforeUnload({ message: LEAVE_MESSAGE })).catch(() => undefined)
      return () => void Promise.resolve(Taro.disableAlertBeforeUnload()).catch(() => undefined)
    }
    if (process.env.TARO_ENV === 'h5') {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- H5 only: kept out of the mini-program bundle
      const { history } = require('@tarojs/router') as typeof import('@tarojs/router')
      // No router (a page rendered outside the app, as in tests): nothing to guard.
      if (!history?.block) return undefined
      const stop = history.block((tx) => {
        void Taro.showModal({ title: '离开此页？', content: LEAVE_MESSAGE, confirmText: '离开', cancelText: '继续填写' }).then((res) => {
          if (!res.confirm) return
          stop()
          unblock.current = null
          tx.retry()
        })
      })
      unblock.current = stop
      return () => {
        stop()
        unblock.current = null
      }
    }
    return undefined
  }, [dirty])

  return {
    /** Stop guarding (the form was sent and the page is being replaced). */
    release() {
      released.current = true
      unblock.current?.()
      unblock.current = null
      if (process.env.TARO_ENV === 'weapp') void Promise.resolve(Taro.disableAlertBeforeUnload()).catch(() => undefined)
    },
  }
}
