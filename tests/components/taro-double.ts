/**
 * Test double for `@tarojs/taro` in component tests (jsdom). Page lifecycle hooks run on mount
 * (a page is loaded and shown once); every API is a jest mock resolving like WeChat does.
 * Tests read calls from the mocks, e.g. `expect(Taro.makePhoneCall).toHaveBeenCalledWith(...)`.
 */
import { useEffect, useRef } from 'react'

type Fn = (...args: any[]) => any

const ok = (extra: Record<string, unknown> = {}) => jest.fn((..._args: any[]) => Promise.resolve({ errMsg: 'ok', ...extra }))

function useOnMount(fn: Fn) {
  const ref = useRef(fn)
  ref.current = fn
  useEffect(() => {
    ref.current()
  }, [])
}

export const router = { params: {} as Record<string, string>, path: '/pages/home/index' }

/** Share handlers registered with useShareAppMessage, newest last. */
export const shareHandlers: Fn[] = []

export const useLoad = (fn: Fn) => useOnMount(() => fn(router.params))
export const useLaunch = useOnMount
export const useReady = useOnMount
export const useDidShow = useOnMount
export const useDidHide = (_fn: Fn) => undefined
export const useUnload = (_fn: Fn) => undefined
export const usePageScroll = (_fn: Fn) => undefined
export const usePullDownRefresh = (_fn: Fn) => undefined
export const useReachBottom = (_fn: Fn) => undefined
export const useShareAppMessage = (fn: Fn) => {
  const ref = useRef(fn)
  ref.current = fn
  useEffect(() => {
    const handler = (...args: any[]) => ref.current(...args)
    shareHandlers.push(handler)
    return () => {
      shareHandlers.splice(shareHandlers.indexOf(handler), 1)
    }
  }, [])
}
export const useRouter = () => router
export const getCurrentInstance = () => ({ router, page: null })

export const makePhoneCall = ok()
export const showToast = ok()
export const hideToast = ok()
export const showLoading = ok()
export const hideLoading = ok()
/** Confirms by default; override per test with mockResolvedValueOnce({ confirm: false }). */
export const showModal = ok({ confirm: true, cancel: false })
export const navigateTo = ok()
export const redirectTo = ok()
export const switchTab = ok()
export const navigateBack = ok()
export const reLaunch = ok()
export const setClipboardData = ok()
export const showShareMenu = ok()
export const pageScrollTo = ok()

export const cloud = {
  init: jest.fn(),
  callFunction: ok({ result: { ok: true, data: null } }),
}

export const ENV_TYPE = { WEAPP: 'WEAPP', WEB: 'WEB', H5: 'WEB' }
export const getEnv = () => 'WEB'
export const nextTick = (fn: Fn) => Promise.resolve().then(fn)
export const pxTransform = (size: number) => `${size / 2}px`
export const getSystemInfoSync = () => ({ windowWidth: 375, windowHeight: 667, pixelRatio: 2, platform: 'devtools' })
export const getSystemInfo = () => Promise.resolve(getSystemInfoSync())
export const getWindowInfo = () => ({ windowWidth: 375, windowHeight: 667, pixelRatio: 2 })
export const createSelectorQuery = () => {
  const q: any = {
    select: () => q,
    selectAll: () => q,
    in: () => q,
    boundingClientRect: () => q,
    scrollOffset: () => q,
    fields: () => q,
    exec: (cb?: Fn) => cb?.([]),
  }
  return q
}
export const eventCenter = { on: jest.fn(), off: jest.fn(), trigger: jest.fn() }

const Taro = {
  router,
  useLoad,
  useLaunch,
  useReady,
  useDidShow,
  useDidHide,
  useUnload,
  usePageScroll,
  usePullDownRefresh,
  useReachBottom,
  useShareAppMessage,
  useRouter,
  getCurrentInstance,
  makePhoneCall,
  showToast,
  hideToast,
  showLoading,
  hideLoading,
  showModal,
  navigateTo,
  redirectTo,
  switchTab,
  navigateBack,
  reLaunch,
  setClipboardData,
  showShareMenu,
  pageScrollTo,
  cloud,
  ENV_TYPE,
  getEnv,
  nextTick,
  pxTransform,
  getSystemInfoSync,
  getSystemInfo,
  getWindowInfo,
  createSelectorQuery,
  eventCenter,
}

export default Taro
