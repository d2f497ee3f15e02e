/**
 * The time a function sees. In CloudBase it is the machine's time; the local CloudBase
 * passes its (movable) clock as LINLI_NOW at the start of each invocation, and the
 * function's clock runs on from there (or stands still while the emulator's clock is frozen).
 */
export interface Clock {
  now(): Date;
}

export function invocationClock(env: Record<string, string | undefined>): Clock {
  const base = Number(env.LINLI_NOW);
  if (!env.LINLI_NOW || !Number.isFinite(base)) return { now: () => new Date() };
  if (env.LINLI_CLOCK_FROZEN === '1') return { now: () => new Date(base) };
  const startedAt = Date.now();
  return { now: () => new Date(base + (Date.now() - startedAt)) };
}
