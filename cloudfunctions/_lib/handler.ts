import { z } from 'zod';
import { AppError, ERROR_MESSAGES, type ErrorBody, type Result } from '../../src/domain/errors';
import type { Audience } from '../../src/domain/roles';
import { cloud, cloudbaseContext, database, type Database } from './cloud';
import { invocationClock, type Clock } from './clock';
import { resolveCaller, type Caller, type CallerParts, type MembershipDoc } from './caller';
import { enforce, limitsFor, type RateLimit } from './rate-limit';

export interface ActionContext {
  caller: Caller;
  db: Database;
  app: ReturnType<typeof cloud>;
  clock: Clock;
  requestId: string;
  /** The raw event, for timer triggers. */
  event: unknown;
  /** What the action's `prefetch` read (undefined without one). */
  prefetched?: unknown;
}

/** What a prefetch may use: only who calls (it runs before they are authorised). */
export interface PrefetchContext {
  db: Database;
  openid: string;
  clock: Clock;
}

export interface ActionDef<S extends z.ZodType = z.ZodType, R = unknown> {
  description: string;
  /** Who may call: any one of these. */
  audience: readonly Audience[];
  input: S;
  /**
   * Per-person limits of this action (see `_lib/rate-limit.ts`): omitted = the default for
   * writes (none for the reads listed in READ_ACTIONS); tighter ones for guessable lookups.
   */
  rateLimit?: readonly RateLimit[] | 'none';
  /**
   * Which parts of the caller `run` reads (default: all). Authorisation always gets what the
   * audience needs (homes for 'resident', the staff record for a staff role), whatever this says;
   * a part neither needs is not read (one round trip less) and stays empty in `ctx.caller`.
   */
  needs?: readonly (keyof CallerParts)[] | ((input: z.infer<S>) => readonly (keyof CallerParts)[]);
  /**
   * Reads that depend only on who calls, sent together with resolving the caller (same
   * round-trip step); `run` finds the result in `ctx.prefetched`. Reads only: it runs before
   * the caller is authorised, and its result is dropped when they are not.
   */
  prefetch?: (input: z.infer<S>, ctx: PrefetchContext) => Promise<unknown>;
  /**
   * For a 'resident' audience: the caller's homes the action is judged on, when its prefetch
   * has them already (e.g. the members of the home the input names, joined into a read the action
   * makes anyway) — then the homes are not read on their own unless `needs` asks (one round trip
   * less). Only approved memberships of the caller count; when there is none, the homes are read
   * as usual, so the answer is the same as without it. `ctx.caller.homes` holds what was judged:
   * with a prefetch that found them, only the caller's homes among those (in `create`, the one
   * home reported for) — not all of the caller's homes.
   */
  homesFrom?: (prefetched: unknown) => readonly MembershipDoc[] | undefined;
  run: (input: z.infer<S>, ctx: ActionContext) => Promise<R>;
}

export type ActionMap = Record<string, ActionDef<any, any>>;

/** Helps TypeScript infer each action's input type from its schema. */
export function action<S extends z.ZodType, R>(def: ActionDef<S, R>): ActionDef<S, R> {
  return def;
}

/** What an action table entry may add to who, what and how: its rate limit, the caller parts it reads, its prefetch. */
export type ActionExtras<S extends z.ZodType> = Pick<ActionDef<S>, 'rateLimit' | 'needs' | 'prefetch'>;

/**
 * One action table entry on one line: who may call, the input schema, what runs, what it does
 * (the catalogue's description), then any extras. The same definition as `action({...})`.
 */
export function act<S extends z.ZodType, R>(audience: readonly Audience[], input: S, run: ActionDef<S, R>['run'], description: string, extras?: ActionExtras<S>): ActionDef<S, R> {
  return { description, audience, input, ...extras, run };
}

/**
 * The request envelope: the action, its input, and — for staff of several communities — the
 * community the call acts in (checked against the caller's own staff records, `_lib/caller.ts`).
 */
const eventSchema = z.object({ action: z.string().min(1).max(64), data: z.unknown().optional(), communityId: z.string().min(1).max(64).optional() });

/** CloudBase's timer trigger event. */
const timerEventSchema = z.object({ Type: z.literal('Timer'), TriggerName: z.string(), Time: z.string().optional() });

const fail = (code: ErrorBody['code'], message?: string, details?: unknown): Result<never> => ({
  ok: false,
  error: { code, message: message ?? ERROR_MESSAGES[code], ...(details === undefined ? {} : { details }) },
});

/** The caller parts an action reads: what it declares plus what its audience is judged on. */
export function partsFor(def: Pick<ActionDef, 'audience' | 'needs' | 'homesFrom'>, input?: unknown): CallerParts {
  const needs = (typeof def.needs === 'function' ? def.needs(input) : def.needs) ?? ['homes', 'staff'];
  return {
    homes: needs.includes('homes') || (def.audience.includes('resident') && !def.homesFrom),
    staff: needs.includes('staff') || def.audience.some((a) => a !== 'any' && a !== 'system' && a !== 'resident'),
  };
}

function allowed(audience: readonly Audience[], caller: Caller, isSystem: boolean): boolean {
  return audience.some((a) => {
    if (a === 'system') return isSystem;
    if (!caller.openid) return false;
    if (a === 'any') return true;
    if (a === 'resident') return caller.homes.length > 0;
    return caller.roles.has(a);
  });
}

/** The caller with the homes an action's prefetch found (`homesFrom`): the caller's approved ones, else all read as usual. */
async function homesJudged(db: Database, caller: Caller, found: readonly MembershipDoc[] | undefined): Promise<Caller> {
  const homes = (found ?? []).filter((m) => m.openid === caller.openid && m.status === 'approved');
  if (homes.length) return { ...caller, homes };
  const read = await resolveCaller(db, caller.openid, { homes: true, staff: false });
  return { ...caller, homes: read.homes, resolved: { ...caller.resolved, homes: true } };
}

/**
 * The shared handler every function is built from:
 * validate → identify → authorise → run → shape errors. Nothing thrown inside reaches
 * the client as a stack trace; unexpected errors become INTERNAL and are logged.
 */
export function createFunction(name: string, actions: ActionMap) {
  return async function main(event: unknown, context: unknown): Promise<Result<unknown>> {
    const env = cloudbaseContext(context);
    const clock = invocationClock({ ...process.env, ...env });
    const requestId = String((context as any)?.request_id ?? '');
    let actionName: string;
    let rawData: unknown;
    let community: string | undefined;
    const timer = timerEventSchema.safeParse(event);
    if (timer.success) {
      actionName = `timer:${timer.data.TriggerName}`;
      rawData = {};
    } else {
      const parsed = eventSchema.safeParse(event);
      if (!parsed.success) return fail('INVALID_INPUT', '请求格式错误：需要 action 字段');
      actionName = parsed.data.action;
      rawData = parsed.data.data ?? {};
      community = parsed.data.communityId;
    }
    const def = Object.prototype.hasOwnProperty.call(actions, actionName) ? actions[actionName] : undefined;
    if (!def) return fail('UNKNOWN_ACTION', `不支持的操作：${actionName}`);

    const input = def.input.safeParse(rawData);
    if (!input.success) {
      const issues = input.error.issues.map((i: z.core.$ZodIssue) => ({ path: i.path.join('.'), message: i.message }));
      return fail('INVALID_INPUT', issues[0]?.message && /[\u4e00-\u9fa5]/.test(issues[0].message) ? issues[0].message : undefined, { issues });
    }

    try {
      const db = database();
      const openid = env.WX_OPENID || null;
      const isSystem = !openid;
      if (!openid && !def.audience.includes('system')) return fail('UNAUTHENTICATED');
      // A person's writes and guessable lookups take a rate-limit slot, alongside (not after)
      // resolving who they are, so the check adds no round trip; reads and timers take none.
      const limits = openid ? limitsFor(name, actionName, def.rateLimit) : [];
      // Likewise the action's own reads that depend only on the OPENID (prefetch).
      const [resolved, , prefetched] = await Promise.all([
        resolveCaller(db, openid, partsFor(def, input.data), community),
        enforce(db, `${name}.${actionName}`, openid ?? '', limits, clock.now()),
        openid && def.prefetch ? def.prefetch(input.data, { db, openid, clock }) : undefined,
      ]);
      const caller = openid && def.homesFrom && !resolved.resolved.homes ? await homesJudged(db, resolved, def.homesFrom(prefetched)) : resolved;
      if (!allowed(def.audience, caller, isSystem)) return fail('FORBIDDEN');
      const data = await def.run(input.data, { caller, db, app: cloud(), clock, requestId, event, prefetched });
      return { ok: true, data };
    } catch (e) {
      if (e instanceof AppError) return fail(e.code, e.message, e.details);
      const code = (e as any)?.code;
      if (code === 'DATABASE_TRANSACTION_CONFLICT') return fail('CONFLICT');
      if (code === 'DATABASE_DUPLICATE_WRITE') return fail('CONFLICT', '该记录已存在');
      console.error(`[${name}.${actionName}] ${requestId}`, e);
      return fail('INTERNAL');
    }
  };
}

/** A description of the actions, for the catalogue and the README's API reference (with the function's name, their rate limits). */
export function describe(actions: ActionMap, fn?: string) {
  return Object.entries(actions).map(([name, def]) => ({
    action: name,
    description: def.description,
    audience: def.audience,
    ...(fn ? { rateLimit: limitsFor(fn, name, def.rateLimit) } : {}),
    input: z.toJSONSchema(def.input, { unrepresentable: 'any', io: 'input' }),
  }));
}
