/** A client request id: makes a create idempotent across retries and double taps (8–64 chars). */
export function newRequestId(prefix = 'req'): string {
  const rand = Math.random().toString(36).slice(2, 10).padEnd(8, '0')
  return `${prefix}-${Date.now().toString(36)}-${rand}`
}
