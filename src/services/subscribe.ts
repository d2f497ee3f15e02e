/**
 * Subscribe messages for request progress (accepted / done / replied). WeChat shows its consent
 * popup only when `requestSubscribeMessage` runs inside a user's tap, so callers must call
 * `requestTicketSubscriptions()` synchronously in the tap handler, before their first `await`.
 */
import Taro from '@tarojs/taro'
import { callFunction } from './cloud'

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
export function requestTicketSubscriptions(only?: string[]): Promise<string[]> {
  // `only`: the templates that need asking (those with no consent left in reserve); none → no popup.
  const tmplIds = only ?? ticketTemplates()
  if (tmplIds.length === 0) return Promise.resolve([])
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

/**
 * Which of the request templates still need a consent: those with nothing left in reserve (each
 * accepted consent allows one message). Asked once per reserve, not on every submit; unknown
 * reserve (not loaded) → ask for all.
 */
export function templatesToAsk(reserve: Record<string, number> | null): string[] {
  return ticketTemplates().filter((id) => !reserve || (reserve[id] ?? 0) < 1)
}

/** Consents left per template id (`account.subscriptions`), or null when it cannot be read. */
export function loadReserve(): Promise<Record<string, number> | null> {
  return callFunction<Record<string, { templateId: string; remaining: number } | undefined>>('account', 'subscriptions', {}, { idempotent: true }).then(
    (subs) => Object.fromEntries(Object.values(subs).flatMap((x) => (x ? [[x.templateId, x.remaining] as const] : []))),
    () => null,
  )
}
