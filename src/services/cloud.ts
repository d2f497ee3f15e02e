/**
 * The one transport between the mini-program and the cloud functions.
 *
 * weapp: `wx.cloud.callFunction({ name, data: { action, data } })`.
 * H5 (local CloudBase gateway): `POST /api/functions/:name` with the caller's openid in `x-wx-openid`.
 * Both answer `{ ok: true, data }` or `{ ok: false, error: { code, message } }`.
 */
import Taro from '@tarojs/taro'
import { ERROR_MESSAGES } from '@/domain/errors'
import type { Result } from '@/domain/errors'

export class CloudError extends Error {
  readonly code: string
  /** The backend's machine-readable extras, e.g. `{ shortfallHours }` for a notice-period refusal. */
  readonly details?: unknown
  constructor(code: string, message: string, details?: unknown) {
    super(message)
    this.name = 'CloudError'
    this.code = code
    if (details !== undefined) this.details = details
    // Keep `instanceof` working when classes are down-levelled.
    Object.setPrototypeOf(this, CloudError.prototype)
  }
}

export interface CallOptions {
  /** The action only reads: safe to retry once after a network failure. */
  idempotent?: boolean
}

/** Supplies the H5 caller's openid (the dev persona). Registered by the H5-only persona feature. */
type IdentityProvider = () => Promise<string | undefined>
let identityProvider: IdentityProvider | undefined
export function setIdentityProvider(provider: IdentityProvider | undefined): void {
  identityProvider = provider
}

/** H5: the caller's openid for the local gateway (`x-wx-openid`); undefined when none is registered. */
export async function callerOpenid(): Promise<string | undefined> {
  return identityProvider ? identityProvider() : undefined
}

function networkError(): CloudError {
  return new CloudError('NETWORK', ERROR_MESSAGES.NETWORK)
}

function unwrap<T>(result: unknown): T {
  const r = result as Result<T> | undefined
  if (r && typeof r === 'object' && 'ok' in r) {
    if (r.ok) return r.data
    const code = r.error?.code ?? 'INTERNAL'
    const message = r.error?.message || (ERROR_MESSAGES as Record<string, string>)[code] || ERROR_MESSAGES.INTERNAL
    throw new CloudError(code, message, r.error?.details)
  }
  throw new CloudError('INTERNAL', ERROR_MESSAGES.INTERNAL)
}

let cloudReady = false
function ensureCloud(): void {
  if (cloudReady) return
  Taro.cloud.init({ env: LINLI_CLOUD_ENV, traceUser: true })
  cloudReady = true
}

async function sendWeapp(name: string, action: string, data: object): Promise<unknown> {
  ensureCloud()
  let res: { result?: unknown }
  try {
    res = (await Taro.cloud.callFunction({ name, data: { action, data } })) as { result?: unknown }
  } catch {
    throw networkError()
  }
  return res.result
}

async function sendH5(name: string, action: string, data: object): Promise<unknown> {
  const openid = await callerOpenid()
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (openid) headers['x-wx-openid'] = openid
  let res: Response
  try {
    res = await fetch('/api/functions/' + encodeURIComponent(name), {
      method: 'POST',
      headers,
      body: JSON.stringify({ action, data }),
    })
  } catch {
    throw networkError()
  }
  try {
    return await res.json()
  } catch {
    // A gateway that answers without JSON (proxy error page, 502…) is a transport failure.
    throw res.status >= 500 || res.status === 0 ? networkError() : new CloudError('INTERNAL', ERROR_MESSAGES.INTERNAL)
  }
}

function send(name: string, action: string, data: object): Promise<unknown> {
  return process.env.TARO_ENV === 'h5' ? sendH5(name, action, data) : sendWeapp(name, action, data)
}

/**
 * Calls `action` of cloud function `name`; resolves with `data`, rejects with a CloudError whose
 * message is the Chinese text to show. Network failures are retried once when repeating cannot
 * duplicate anything: read-only actions (`idempotent`) and creates carrying a `clientRequestId`.
 */
export async function callFunction<T>(name: string, action: string, data: object = {}, options: CallOptions = {}): Promise<T> {
  const retryable = options.idempotent === true || typeof (data as { clientRequestId?: unknown }).clientRequestId === 'string'
  let result: unknown
  try {
    result = await send(name, action, data)
  } catch (err) {
    if (!(retryable && err instanceof CloudError && err.code === 'NETWORK')) throw err
    result = await send(name, action, data)
  }
  return unwrap<T>(result)
}

/** The message to show for any thrown value. */
export function errorMessage(err: unknown): string {
  if (err instanceof CloudError) return err.message
  return ERROR_MESSAGES.INTERNAL
}

/**
 * Whether trying again can help: a network failure or the system being busy can pass; a notice
 * that does not exist, a refusal or bad input will answer the same (no 重试 for those).
 */
export function isRetryable(err: unknown): boolean {
  return !(err instanceof CloudError) || err.code === 'NETWORK' || err.code === 'INTERNAL'
}
