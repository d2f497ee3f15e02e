/**
 * Subscribe messages for request progress (accepted / done / replied). WeChat shows its consent
 * popup only when `requestSubscribeMessage` runs inside a user's tap, so callers must call
 * `requestTicketSubscriptions()` synchronously in the tap handler, before their first `await`.
 */
import Taro from '@tarojs/taro'

// Build-time constants (config/index.ts, from TARO_APP_TPL_* with placeholder defaults).
declare const LINLI_TPL_PROGRESS: string
declare const LINLI_TPL_DONE: string
declare const LINLI_TPL_REPLY: string

/** The three templates a request can send (WeChat allows at most 3 per request). */
export function ticketTemplates(): string[] {
  return [LINLI_TPL_PROGRESS, LINLI_TPL_DONE, LINLI_TPL_REPLY]
}

/**
 * Asks for the templates and resolves with those the user accepted. Never rejects: a refused,
 * failed or unsupported request resolves with [] so it can never block a report.
 */
export function requestTicketSubscriptions(): Promise<string[]> {
  const tmplIds = ticketTemplates()
  if (process.env.TARO_ENV === 'h5') {
    // The local H5 demo has no WeChat and no consent popup: treat all three as accepted, so the
    // local backend records them and its outbox shows the messages a resident would receive.
    return Promise.resolve(tmplIds)
  }
  let asked: Promise<Record<string, string>>
  try {
    asked = Taro.requestSubscribeMessage({ tmplIds } as Parameters<typeof Taro.requestSubscribeMessage>[0]) as unknown as Promise<Record<string, string>>
  } catch {
    return Promise.resolve([])
  }
  return Promise.resolve(asked).then(
    (res) => tmplIds.filter((id) => res && res[id] === 'accept'),
    () => [],
  )
}
