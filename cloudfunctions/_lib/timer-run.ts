import type { Database } from './cloud';

/**
 * What every timer run shares: a time budget (a run stops before the function's timeout and the
 * next run resumes from the data), indexed due-time reads in batches, and bounded parallelism.
 */

/** A run's clock: `left()` is true while the run is within its budget (LINLI_TIMER_BUDGET_MS, else `defaultMs`). */
export function timeBudget(defaultMs: number): () => boolean {
  const started = Date.now();
  const budget = Number(process.env.LINLI_TIMER_BUDGET_MS) || defaultMs;
  return () => Date.now() - started < budget;
}

/** Runs `fn` over the items, at most `parallel` at a time. */
export async function inParallel<T>(items: T[], parallel: number, fn: (x: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += parallel) await Promise.all(items.slice(i, i + parallel).map(fn));
}

/**
 * One batch of the documents whose time in `field` has come (at or before `until`; strictly
 * before with `before: true`), earliest first: a range read on the field's index.
 */
export async function dueBatch<T>(db: Database, collection: string, field: string, until: Date, limit: number, where: Record<string, unknown> = {}, before = false): Promise<T[]> {
  const _ = db.command;
  const res = await db
    .collection(collection)
    .where({ ...where, [field]: before ? _.lt(until) : _.lte(until) })
    .orderBy(field, 'asc')
    .limit(limit)
    .get();
  return res.data as T[];
}

/**
 * Works through batches (`next`) until none is left; answers false when the run's time ran out
 * first (the caller reports `more` and the next run carries on).
 */
export async function drain<T>(left: () => boolean, next: () => Promise<T[]>, handle: (batch: T[]) => Promise<void>): Promise<boolean> {
  for (;;) {
    if (!left()) return false;
    const batch = await next();
    if (batch.length === 0) return true;
    await handle(batch);
  }
}
