import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../src/domain/errors';
import { phaseOf, type EventStatus, type RegistrationStatus, type WaitEntry } from '../../src/domain/events';
import type { eventInputs, eventPlanSchema } from '../../src/domain/events-api';
import type { ActionContext } from '../_lib/handler';

export type In<K extends keyof typeof eventInputs> = z.infer<(typeof eventInputs)[K]>;
export type Plan = z.infer<typeof eventPlanSchema>;

export interface EventDoc extends Omit<Plan, 'startAt' | 'endAt' | 'signUpOpensAt' | 'signUpClosesAt'> {
  _id: string;
  communityId: string;
  status: EventStatus;
  startAt: Date;
  endAt: Date;
  signUpOpensAt: Date;
  signUpClosesAt: Date;
  createdBy: string;
  createdByName: string;
  createdAt: Date;
  updatedAt: Date;
  review: { by: string; byName: string; approved: boolean; reason: string; at: Date } | null;
  publishedAt: Date | null;
  cancelled: { reason: string; by: string; at: Date } | null;
  changes: { message: string; by: string; at: Date }[];
  notes: { text: string; photos: string[]; by: string; byName: string; at: Date }[];
  closing: { actualCost: number; keep: string; change: string; by: string; at: Date } | null;
  reminderSent: boolean;
  feedbackSent: boolean;
}

/** The per-event counter every sign-up and cancel serialises on (in a transaction). */
export interface CounterDoc {
  _id: string;
  capacity: number;
  taken: number;
  seq: number;
  waitlist: WaitEntry[];
}

export interface RegistrationDoc {
  _id: string;
  eventId: string;
  communityId: string;
  unitId: string;
  unitLabel: string;
  openid: string;
  name: string;
  phone: string;
  people: number;
  seats: number;
  status: RegistrationStatus;
  seq: number;
  requestKey: string;
  code: string;
  ageGroups: string[];
  createdAt: Date;
  updatedAt: Date;
  promotedAt: Date | null;
  cancelledAt: Date | null;
  attendedAt: Date | null;
  checkedInBy: string | null;
}

export interface FeedbackDoc {
  _id: string;
  eventId: string;
  communityId: string;
  openid: string;
  unitId: string;
  rating: number;
  answers: Record<string, number>;
  comment: string;
  at: Date;
}

export const EVENTS = 'events';
export const COUNTERS = 'event_counters';
export const REGS = 'event_registrations';
export const FEEDBACK = 'event_feedback';
export const PROFILES = 'household_profiles';

/** An unguessable check-in code (64 bits, as 16 upper-case hex characters). */
export const newCode = () => randomBytes(8).toString('hex').toUpperCase();

export const phase = (e: EventDoc, ctx: ActionContext) => phaseOf(e, ctx.clock.now());

/** Staff: an event of their own community. */
export async function loadForStaff(ctx: ActionContext, id: string): Promise<EventDoc> {
  const e = (await ctx.db.collection(EVENTS).doc(id).get()).data[0] as EventDoc | undefined;
  if (!e || !ctx.caller.staff || e.communityId !== ctx.caller.staff.communityId) throw new AppError('NOT_FOUND', '活动不存在');
  return e;
}

/** Residents: a published (or since cancelled/closed) event of a community they live in. Drafts stay unseen. */
export async function loadForResident(ctx: ActionContext, id: string): Promise<EventDoc> {
  const e = (await ctx.db.collection(EVENTS).doc(id).get()).data[0] as EventDoc | undefined;
  const communities = new Set(ctx.caller.homes.map((h) => h.communityId));
  if (!e || !communities.has(e.communityId) || e.status === 'draft' || e.status === 'review') throw new AppError('NOT_FOUND', '活动不存在');
  return e;
}

/**
 * Runs a transaction on the event's counter, retrying when a concurrent one wins: many people
 * tapping 报名 at once all get an answer, in the order their transactions commit.
 */
export async function withCounter<T>(ctx: ActionContext, run: (tx: any) => Promise<T>): Promise<T> {
  // Bounded by time, not by a count of attempts: under a burst (a hundred taps at once on a
  // loaded machine) every caller keeps its turn until it commits, well within the function timeout.
  const deadline = Date.now() + 50_000;
  for (let attempt = 0; ; attempt++) {
    try {
      let out: T;
      await ctx.db.runTransaction(async (tx: any) => {
        out = await run(tx);
      }, 1);
      return out!;
    } catch (e) {
      if ((e as any)?.code !== 'DATABASE_TRANSACTION_CONFLICT') throw e;
      if (Date.now() > deadline) throw new AppError('CONFLICT', '报名人数较多，请稍后重试');
      await new Promise((r) => setTimeout(r, 5 + Math.random() * Math.min(250, 10 * 2 ** Math.min(attempt, 5))));
    }
  }
}
