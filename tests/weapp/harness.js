/**
 * Renders Taro's compiled weapp pages (dist/weapp) with miniprogram-simulate.
 *
 * Taro pages call `Page(config)`; miniprogram-simulate renders custom components. The harness
 * stubs the WeChat globals (wx, App, getApp, getCurrentPages, Page), loads dist/weapp/app.js,
 * turns each captured Page config into a Component (its functions as methods, page lifecycle run
 * on attach) and renders it with the official wcc compiler from `miniprogram-compiler`.
 *
 * One harness per test file (Taro's runtime keeps module state, such as the `me` store).
 */
const fs = require('node:fs')
const path = require('node:path')

const DIST = path.resolve(__dirname, '../../dist/weapp')

function assertBuilt() {
  if (!fs.existsSync(path.join(DIST, 'app.js')) || !fs.existsSync(path.join(DIST, 'app.json'))) {
    throw new Error('dist/weapp is missing. Build the mini-program first: npx taro build --type weapp')
  }
}

/** A WeChat async API: calls success/complete with `result` (or fail with `error`). */
function api(result = {}) {
  return jest.fn((opts = {}) => {
    const res = { errMsg: 'ok', ...(typeof result === 'function' ? result(opts) : result) }
    opts.success && opts.success(res)
    opts.complete && opts.complete(res)
  })
}

/**
 * `answers` maps `<function>.<action>` (or `<action>`) to the `data` to return, or to a function
 * of the call's data; anything else answers UNKNOWN_ACTION like the backend would.
 */
function createWx(answers) {
  const callFunction = jest.fn(async ({ name, data }) => {
    const answer = answers[`${name}.${data.action}`] ?? answers[data.action]
    if (answer === undefined) return { result: { ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } } }
    return { result: { ok: true, data: typeof answer === 'function' ? answer(data.data) : answer } }
  })
  const info = {
    platform: 'devtools',
    windowWidth: 375,
    windowHeight: 667,
    screenWidth: 375,
    screenHeight: 667,
    pixelRatio: 2,
    SDKVersion: '3.3.4',
    language: 'zh_CN',
    statusBarHeight: 20,
  }
  // wx storage in memory (the round page caches its round and offline queue there).
  const storage = new Map()
  return {
    cloud: { init: jest.fn(), callFunction },
    storage,
    getStorageSync: (key) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key, value) => void storage.set(key, value),
    removeStorageSync: (key) => void storage.delete(key),
    onNetworkStatusChange: jest.fn(),
    getSystemInfoSync: () => info,
    getWindowInfo: () => info,
    getAppBaseInfo: () => info,
    getDeviceInfo: () => info,
    canIUse: () => true,
    nextTick: (fn) => setTimeout(fn, 0),
    onNeedPrivacyAuthorization: jest.fn(),
    showShareMenu: api(),
    makePhoneCall: api(),
    showToast: api(),
    hideToast: api(),
    showLoading: api(),
    hideLoading: api(),
    showModal: api({ confirm: true, cancel: false }),
    navigateTo: api(),
    redirectTo: api(),
    switchTab: api(),
    navigateBack: api(),
    reLaunch: api(),
    setClipboardData: api(),
    pageScrollTo: api(),
    stopPullDownRefresh: api(),
    setTabBarBadge: api(),
    removeTabBarBadge: api(),
    setNavigationBarTitle: api(),
    previewImage: api(),
    showActionSheet: api({ tapIndex: 0 }),
    requestSubscribeMessage: api(({ tmplIds = [] }) => Object.fromEntries(tmplIds.map((id) => [id, 'accept']))),
    chooseMedia: api({ tempFiles: [] }),
    compressImage: api(({ src }) => ({ tempFilePath: src })),
    createSelectorQuery: () => {
      const q = { select: () => q, selectAll: () => q, in: () => q, boundingClientRect: () => q, scrollOffset: () => q, fields: () => q, exec: (cb) => cb && cb([]) }
      return q
    },
  }
}

/**
 * miniprogram-simulate registers a component by running its JS, which must call Component().
 * Under jest a module runs once, so the second page that uses Taro's shared `comp` (or a page
 * loaded twice) would register nothing. Remember each file's definition and replay it.
 */
function replayComponentDefinitions() {
  const utils = require('miniprogram-simulate/src/utils')
  if (utils.runJs.__replaying) return
  const runJs = utils.runJs
  const simulateComponent = global.Component
  const definitions = new Map()
  let captured = null
  global.Component = (options) => {
    captured = options
    simulateComponent(options)
  }
  utils.runJs = Object.assign(
    (file) => {
      if (definitions.has(file)) return simulateComponent(definitions.get(file))
      captured = null
      runJs(file)
      if (captured) definitions.set(file, captured)
    },
    { __replaying: true },
  )
}

function createHarness({ answers = {} } = {}) {
  assertBuilt()
  const simulate = require('miniprogram-simulate')
  replayComponentDefinitions()
  const wx = createWx(answers)
  const pageStack = []
  let app
  let routeOfNextPage = null
  let queryOfNextPage = {}

  global.wx = wx
  global.App = (config) => {
    app = config
  }
  global.getApp = () => app
  global.getCurrentPages = () => pageStack
  global.Page = (config) => {
    const methods = {}
    for (const [key, value] of Object.entries(config)) if (typeof value === 'function') methods[key] = value
    const route = routeOfNextPage
    global.Component({
      data: config.data || {},
      options: config.options,
      methods,
      lifetimes: {
        attached() {
          this.route = route
          pageStack.push(this)
          this.onLoad && this.onLoad(queryOfNextPage)
          this.onShow && this.onShow()
        },
        ready() {
          this.onReady && this.onReady()
        },
        detached() {
          this.onUnload && this.onUnload()
          pageStack.splice(pageStack.indexOf(this), 1)
        },
      },
    })
  }

  require(path.join(DIST, 'app.js'))
  if (!app) throw new Error('dist/weapp/app.js did not call App()')
  app.onLaunch && app.onLaunch.call(app, { path: 'pages/home/index', query: {}, scene: 1001 })

  const loaded = {}
  function load(route) {
    if (!loaded[route]) {
      routeOfNextPage = route
      loaded[route] = simulate.load(path.join(DIST, route), { compiler: 'official', rootPath: DIST })
    }
    return loaded[route]
  }

  /** Renders `route` (e.g. 'pages/home/index') with its `query` and waits for Taro's first setData. */
  async function render(route, waitMs = 400, query = {}) {
    queryOfNextPage = query
    const comp = simulate.render(load(route))
    comp.attach(document.createElement('parent-wrapper'))
    await simulate.sleep(waitMs)
    return comp
  }

  /**
   * Taps the first rendered node with class `className`. miniprogram-simulate prefixes classes
   * with the owning component's tag: `main--` for the page, `comp--` for nodes Taro renders
   * through its recursive `comp` component (deeper than baseLevel).
   */
  async function tap(comp, className, waitMs = 200) {
    const dom = comp.dom.querySelector(`.main--${className}, .comp--${className}`)
    if (!dom) throw new Error(`nothing has the class ${className}`)
    Object.getPrototypeOf(comp).dispatchEvent.call({ dom }, 'tap')
    await simulate.sleep(waitMs)
  }

  /** Waits until the rendered text contains `expected` (each backend answer is another setData). */
  async function waitForText(comp, expected, timeoutMs = 3000) {
    const deadline = Date.now() + timeoutMs
    while (!comp.dom.textContent.includes(expected)) {
      if (Date.now() > deadline) throw new Error(`"${expected}" never appeared; rendered text: ${comp.dom.textContent}`)
      await simulate.sleep(50)
    }
  }

  return { wx, render, tap, waitForText, sleep: simulate.sleep, DIST }
}

module.exports = { createHarness, DIST, assertBuilt }
