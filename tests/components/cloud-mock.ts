/**
 * The component layer's only seam: `callFunction` from src/services/cloud.ts (mocked for every
 * component test in setup.ts) answers from per-action handlers.
 */
import { CloudError, callFunction } from '@/services/cloud'
import { ERROR_MESSAGES } from '@/domain/errors'

export type Handler = (data: any) => unknown

export const callFunctionMock = () => callFunction as unknown as jest.Mock

/**
 * Answers `account.<action>` from `handlers`; a handler may return a value, a promise, or throw a
 * CloudError. Unknown actions reject with UNKNOWN_ACTION so a test cannot silently pass.
 */
export function mockCloud(handlers: Record<string, Handler>) {
  callFunctionMock().mockImplementation(async (name: string, action: string, data: unknown = {}) => {
    const h = handlers[`${name}.${action}`] ?? handlers[action]
    if (!h) throw new CloudError('UNKNOWN_ACTION', `${ERROR_MESSAGES.UNKNOWN_ACTION}: ${name}.${action}`)
    return h(data)
  })
}

/** Calls made for one action, as their `data` arguments. */
export function callsOf(action: string): any[] {
  return callFunctionMock()
    .mock.calls.filter((c) => c[1] === action)
    .map((c) => c[2])
}

export function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}
