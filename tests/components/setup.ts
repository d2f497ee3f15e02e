/**
 * Component tests mock exactly one boundary: `callFunction` in src/services/cloud.ts (the rest of
 * that module, CloudError and errorMessage, stays real). Tests answer calls with `mockCloud`.
 */
import { cleanup, configure } from '@testing-library/react'

// Taro's H5 components are Stencil custom elements that render asynchronously; on a busy 2-core
// machine the default 1 s for findBy/waitFor is too tight.
configure({ asyncUtilTimeout: 5000 })
// Per-test budget; set here (not `testTimeout`) so the config also works in a jest `projects` list.
jest.setTimeout(20000)

// Build-time constants (config/index.ts defineConstants) that jest.components.config.js does not list.
Object.assign(globalThis, {
  LINLI_TPL_PROGRESS: 'TPL_TICKET_PROGRESS',
  LINLI_TPL_DONE: 'TPL_TICKET_DONE',
  LINLI_TPL_REPLY: 'TPL_TICKET_REPLY',
  LINLI_TPL_STAFF: ['TPL_STAFF_ASSIGNED', 'TPL_STAFF_EMERGENCY', 'TPL_STAFF_DEADLINE', 'TPL_STAFF_CALLBACK'],
  LINLI_TPL_MOVEIN: 'TPL_MOVEIN_REMIND',
})

// jsdom has no IntersectionObserver; Taro's H5 <Image lazyLoad> needs one to exist.
if (!('IntersectionObserver' in globalThis)) {
  ;(globalThis as any).IntersectionObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
    takeRecords() {
      return []
    }
  }
}

// jsdom has no media playback; Taro's H5 <Video> calls load() when it mounts.
if (typeof HTMLMediaElement !== 'undefined') {
  Object.defineProperty(HTMLMediaElement.prototype, 'load', { configurable: true, value: () => undefined })
  Object.defineProperty(HTMLMediaElement.prototype, 'pause', { configurable: true, value: () => undefined })
  Object.defineProperty(HTMLMediaElement.prototype, 'play', { configurable: true, value: () => Promise.resolve() })
}

jest.mock('@/services/cloud', () => ({ ...jest.requireActual('@/services/cloud'), callFunction: jest.fn() }))

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { resetMe } = require('@/features/account') as typeof import('@/features/account')

afterEach(() => {
  cleanup()
  resetMe()
  jest.clearAllMocks()
  // Taro storage (e.g. 首页's offline cache) starts empty in every test.
  ;(require('./taro-double') as typeof import('./taro-double')).storage.clear()
})

// NutUI's loading icon sets `-webkitMask` inline; React warns about the spelling. Known, harmless
// third-party noise: drop only that warning.
const consoleError = console.error
beforeAll(() => {
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('Unsupported style property %s') && String(args[1]).includes('webkitMask')) return
    if (typeof args[0] === 'string' && args[0].includes('-webkitMask')) return
    consoleError(...args)
  })
})
