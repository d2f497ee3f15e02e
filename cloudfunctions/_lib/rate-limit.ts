import { AppError } from '../../src/domain/errors';
import type { Database } from './cloud';
import { isDuplicate, stableId } from './ids';

/**
 * Fixed-window counters in the `rate_limits` collection, one document per
 * (scope, key, window). A take is one conditional `_.inc` (`count < limit`), so two
 * concurrent takes can never both pass the last slot; the first take of a window inserts
 * the document, and a racing insert falls back to the increment. Windows are aligned to
 * 北京时间 midnight, so a "day" is a Beijing day.
 */
export interface RateLimit {
  /** How many takes per window. */
  limit: number;
  /** Window length in seconds; `null` = one window forever (a lifetime cap). */
  windowSec: number | null;
}

export interface Taken {
  ok: boolean;
  /** Seconds until the window that refused the take ends (only when refused). */
  retryAfterSec?: number;
}

const BEIJING_OFFSET_MS = 8 * 3600_000;

function windowOf(spec: RateLimit, now: Date) {
  if (spec.windowSec === null) return { id: 'all', start: new Date(0), end: null as Date | null };
  const len = spec.windowSec * 1000;
  const startMs = Math.floor((now.getTime() + BEIJING_OFFSET_MS) / len) * len - BEIJING_OFFSET_MS;
  return { id: String(startMs), start: new Date(startMs), end: new Date(startMs + len) };
}

function counterId(scope: string, key: string, spec: RateLimit, now: Date) {
  const w = windowOf(spec, now);
  return { _id: stableId('rl', scope, key, String(spec.windowSec), w.id), window: w };
}

/** Takes one slot; refused (without counting) when the window's limit is reached. */
export async function take(db: Database, scope: string, key: string, spec: RateLimit, now: Date): Promise<Taken> {
  const { _id, window } = counterId(scope, key, spec, now);
  const coll = db.collection('rate_limits');
  const _ = db.command;
  const refused = (): Taken => {
    const retryAfterSec = window.end ? Math.max(1, Math.ceil((window.end.getTime() - now.getTime()) / 1000)) : undefined;
    return { ok: false, ...(retryAfterSec ? { retryAfterSec } : {}) };
  };
  if (spec.limit < 1) return refused();
  const inc = () => coll.where({ _id, count: _.lt(spec.limit) }).update({ count: _.inc(1) });
  if ((await inc()).updated === 1) return { ok: true };
  try {
    await coll.add({ _id, scope, key, windowSec: spec.windowSec, windowStart: window.start, expiresAt: window.end, count: 1 });
    return { ok: true };
  } catch (e) {
    if (!isDuplicate(e)) throw e;
  }
  // Someone else created this window's counter meanwhile (or it is full).
  if ((await inc()).updated === 1) return { ok: true };
  return refused();
}

/** Gives a slot back (e.g. a registry claim that matched is not a failed guess). */
export async function giveBack(db: Database, scope: string, key: string, spec: RateLimit, now: Date): Promise<void> {
  const { _id } = counterId(scope, key, spec, now);
  const _ = db.command;
  await db
    .collection('rate_limits')
    .where({ _id, count: _.gt(0) })
    .update({ count: _.inc(-1) });
}

/** The current count of a window (0 when nothing was taken). */
export async function used(db: Database, scope: string, key: string, spec: RateLimit, now: Date): Promise<number> {
  const { _id } = counterId(scope, key, spec, now);
  const doc = (await db.collection('rate_limits').doc(_id).get()).data[0] as { count?: number } | undefined;
  return doc?.count ?? 0;
}

/** 操作过于频繁，请 N 分钟后再试 */
export function rateLimitedError(retryAfterSec?: number): AppError {
  const wait = !retryAfterSec
    ? '稍后'
    : retryAfterSec < 60
      ? ` ${retryAfterSec} 秒后`
      : retryAfterSec < 3600
        ? ` ${Math.ceil(retryAfterSec / 60)} 分钟后`
        : ` ${Math.ceil(retryAfterSec / 3600)} 小时后`;
  return new AppError('RATE_LIMITED', `操作过于频繁，请${wait}再试`, retryAfterSec ? { retryAfterSec } : undefined);
}

/**
 * Takes a slot of every limit at once; throws RATE_LIMITED with the longest wait when any refuses
 * (and then counts in none of them).
 *
 * One document per (scope, key, the longest window) holds a counter per window of the shorter
 * limits (`c<i>_<window start>`), so a take is one conditional `_.inc` of all of them
 * (`count < limit` for each): one round trip, not one per limit. The first take of the longest
 * window inserts the document; a racing insert falls back to the increment, as in `take`.
 */
export async function enforce(db: Database, scope: string, key: string, specs: readonly RateLimit[], now: Date): Promise<void> {
  if (specs.length === 0) return;
  const windows = specs.map((s) => ({ spec: s, ...windowOf(s, now) }));
  const retryOf = (w: (typeof windows)[number]) => (w.end ? Math.max(1, Math.ceil((w.end.getTime() - now.getTime()) / 1000)) : 0);
  const refuse = (full: typeof windows) => rateLimitedError(Math.max(0, ...full.map(retryOf)) || undefined);
  const never = windows.filter((w) => w.spec.limit < 1);
  if (never.length) throw refuse(never);
  const longest = windows.reduce((a, b) => (a.spec.windowSec === null || (b.spec.windowSec !== null && a.spec.windowSec >= b.spec.windowSec) ? a : b));
  const _id = stableId('rl', scope, key, specs.map((s) => String(s.windowSec)).join(','), longest.id);
  const field = (i: number) => `c${i}_${windows[i].id}`;
  const coll = db.collection('rate_limits');
  const _ = db.command;
  const inc = async () => {
    const room = windows.map((w, i) => _.or([{ [field(i)]: _.exists(false) }, { [field(i)]: _.lt(w.spec.limit) }]));
    const bump = Object.fromEntries(windows.map((_w, i) => [field(i), _.inc(1)]));
    return (await coll.where(_.and([{ _id }, ...room])).update(bump)).updated === 1;
  };
  if (await inc()) return;
  try {
    const counts = Object.fromEntries(windows.map((_w, i) => [field(i), 1]));
    await coll.add({ _id, scope, key, windowSec: longest.spec.windowSec, windowStart: longest.start, expiresAt: longest.end, ...counts });
    return;
  } catch (e) {
    if (!isDuplicate(e)) throw e;
  }
  // Someone else created this window's counter meanwhile (or a window is full).
  if (await inc()) return;
  const doc = ((await coll.doc(_id).get()).data[0] ?? {}) as Record<string, unknown>;
  throw refuse(windows.filter((w, i) => Number(doc[field(i)] ?? 0) >= w.spec.limit));
}

/**
 * Per-person limits of every action, declared in one place.
 *
 * - Reads (listed below) are never counted: no extra round trip.
 * - Every other action of a person (a write) gets `DEFAULT_WRITE_LIMITS` unless its
 *   ActionDef declares `rateLimit` (tighter limits on guessable lookups).
 * - Timer and system calls (no OPENID) are never limited.
 * A new action is a write until it is listed here as a read.
 */
export const READ_ACTIONS: Record<string, readonly string[]> = {
  account: ['me', 'listCommunities', 'listUnits', 'householdMembers', 'listBindingRequests', 'listStaff', 'subscriptions'],
  announcements: ['list', 'reach', 'feed'],
  callbacks: ['counts', 'list', 'getSettings'],
  inbox: ['list', 'unread'],
  movein: ['listBatches', 'slots', 'myMovein', 'documentUrls', 'listBookings', 'getBooking', 'receipt', 'dashboard'],
  events: ['staffList', 'staffGet', 'registrations', 'summary', 'analysis', 'list', 'get', 'myCode'],
  facilities: ['systems', 'assets', 'labels', 'plans', 'rounds', 'round', 'maintenancePlans', 'tasks', 'record', 'analysis', 'publicStatus'],
  onboarding: ['me', 'listCommunities', 'previewUnits', 'listUnits', 'importStatus'],
  ping: ['whoami', 'echo'],
  tickets: ['listMine', 'get', 'queueCounts', 'listQueue', 'departmentStaff', 'getRouting', 'getSla', 'getTicketSettings'],
  register: ['list'],
};

/** A per-person limit of `perWindow` takes in `windowSec` seconds, and of `perDay` in a day. */
export function limits(perWindow: number, windowSec: number, perDay: number): readonly RateLimit[] {
  return [
    { limit: perWindow, windowSec },
    { limit: perDay, windowSec: 86400 },
  ];
}

/** Generous for people (a busy desk taps a few times a minute), tight enough to stop a script. */
export const DEFAULT_WRITE_LIMITS: readonly RateLimit[] = limits(60, 60, 1000);

/** Guessable lookups (a phone, a code): a handful per ten minutes, a few dozen a day. */
export const GUESS_LIMITS = {
  binding: limits(10, 600, 30),
  inviteCode: limits(5, 600, 20),
  /** Event check-in codes: a desk scans a queue of people, a script guessing codes is stopped. */
  eventCode: limits(120, 600, 600),
  /**
   * A published notice is readable by anyone identified (a shared card, a poster's code): ids are
   * unguessable hashes, and a script walking through them is stopped long before it matters.
   */
  publicNotice: limits(120, 600, 1000),
  /** Staff search and the desk's caller lookup: a busy desk's day, not a script walking phone numbers. */
  staffLookup: limits(120, 600, 1000),
} satisfies Record<string, readonly RateLimit[]>;

/** Which limits a call of `fn.action` takes: none for reads, the action's own, or the default. */
export function limitsFor(fn: string, action: string, declared: readonly RateLimit[] | 'none' | undefined): readonly RateLimit[] {
  if (declared === 'none') return [];
  if (declared) return declared;
  if (action.startsWith('timer:')) return [];
  if (READ_ACTIONS[fn]?.includes(action)) return [];
  return DEFAULT_WRITE_LIMITS;
}
