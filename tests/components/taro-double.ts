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
export const stopPullDownRefresh = ok()
export const setTabBarBadge = ok()
export const removeTabBarBadge = ok()
export const setNavigationBarTitle = ok()
export const previewImage = ok()
export const showActionSheet = ok({ tapIndex: 0 })
/** Answers like WeChat: every template accepted. Override per test with mockResolvedValueOnce. */
export const requestSubscribeMessage = jest.fn((opts: { tmplIds: string[] }) =>
  Promise.resolve({ errMsg: 'requestSubscribeMessage:ok', ...Object.fromEntries(opts.tmplIds.map((id) => [id, 'accept'])) }),
)
/** No photo chosen by default; tests queue `{ tempFiles: [...] }` with mockResolvedValueOnce. */
export const chooseMedia = jest.fn((_opts: unknown): Promise<any> => Promise.reject({ errMsg: 'chooseMedia:fail cancel' }))
export const compressImage = jest.fn((opts: { src: string }) => Promise.resolve({ errMsg: 'ok', tempFilePath: opts.src.replace(/(\.\w+)$/, '-c$1') }))
/** Like wx.compressVideo: a new temp file and its size in kB (2 MB unless a test says otherwise). */
export const compressVideo = jest.fn((opts: { src: string }) => Promise.resolve({ errMsg: 'ok', tempFilePath: opts.src.replace(/(\.\w+)$/, '-c$1'), size: 2048 }))

let uploads = 0
export const cloud = {
  init: jest.fn(),
  callFunction: ok({ result: { ok: true, data: null } }),
  /** Callback style, like wx.cloud.uploadFile: succeeds with a fileID on the next tick. */
  uploadFile: jest.fn((opts: { cloudPath: string; filePath: string; success?: (r: unknown) => void; fail?: (e: unknown) => void }) => {
    const fileID = `cloud://linli-test.bucket/${opts.cloudPath}#${++uploads}`
    setTimeout(() => opts.success?.({ errMsg: 'cloud.uploadFile:ok', fileID, statusCode: 200 }), 0)
    return { onProgressUpdate: jest.fn(), abort: jest.fn() }
  }),
}

export const enableAlertBeforeUnload = ok()
export const disableAlertBeforeUnload = ok()
/** Storage: one in-memory map per test file (clear it with storage.clear()). */
export const storage = new Map<string, unknown>()
export const getStorageSync = jest.fn((key: string) => (storage.has(key) ? storage.get(key) : ''))
export const setStorageSync = jest.fn((key: string, value: unknown) => void storage.set(key, value))

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
export const canvasToTempFilePath = ok({ tempFilePath: 'wxfile://tmp/poster.png' })
export const saveImageToPhotosAlbum = ok()
export const openSetting = ok({ authSetting: {} })

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
  stopPullDownRefresh,
  setTabBarBadge,
  removeTabBarBadge,
  setNavigationBarTitle,
  previewImage,
  showActionSheet,
  requestSubscribeMessage,
  chooseMedia,
  compressImage,
  compressVideo,
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
  enableAlertBeforeUnload,
  disableAlertBeforeUnload,
  getStorageSync,
  setStorageSync,
  canvasToTempFilePath,
  saveImageToPhotosAlbum,
  openSetting,
}

export default Taro
