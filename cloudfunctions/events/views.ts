import {
  EVENT_ACTION_LABELS,
  EVENT_PHASE_LABELS,
  INTEREST_LABELS,
  REGISTRATION_STATUS_LABELS,
  AGE_GROUP_LABELS,
  FEEDBACK_QUESTIONS,
  cancelDeadline,
  phaseOf,
  residentActions,
  staffActions,
  type EventAction,
} from '../../src/domain/events';
import type { ActionContext } from '../_lib/handler';
import type { CounterDoc, EventDoc, RegistrationDoc } from './model';

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

async function urls(ctx: ActionContext, ids: string[]): Promise<Record<string, string>> {
  if (!ids.length) return {};
  try {
    const res: any = await ctx.app.getTempFileURL({ fileList: ids.map((fileID) => ({ fileID, maxAge: 3600 })) } as any);
    return Object.fromEntries((res?.fileList ?? []).filter((f: any) => f.tempFileURL).map((f: any) => [f.fileID, f.tempFileURL]));
  } catch {
    return {};
  }
}

const actionList = (a: EventAction[]) => a.map((key) => ({ key, label: EVENT_ACTION_LABELS[key] }));

function common(e: EventDoc, c: CounterDoc | null, now: Date) {
  const p = phaseOf(e, now);
  const taken = c?.taken ?? 0;
  return {
    eventId: e._id,
    title: e.title,
    theme: e.theme,
    themeLabel: INTEREST_LABELS[e.theme],
    startAt: iso(e.startAt)!,
    endAt: iso(e.endAt)!,
    place: e.place,
    agenda: e.agenda,
    safety: e.safety,
    ageGroups: e.ageGroups,
    ageGroupLabels: e.ageGroups.map((g) => AGE_GROUP_LABELS[g]),
    interests: e.interests,
    organisation: e.organisation,
    capacity: e.capacity,
    seatsLeft: Math.max(0, e.capacity - taken),
    waitlisted: c?.waitlist.length ?? 0,
    perHousehold: e.perHousehold,
    membersCount: e.membersCount,
    signUpOpensAt: iso(e.signUpOpensAt)!,
    signUpClosesAt: iso(e.signUpClosesAt)!,
    cancelCutoffHours: e.cancelCutoffHours,
    cancelDeadline: iso(cancelDeadline(e))!,
    cost: e.cost,
    feedbackQuestions: e.feedbackQuestions.map((key) => ({ key, label: FEEDBACK_QUESTIONS[key] })),
    phase: p,
    phaseLabel: EVENT_PHASE_LABELS[p],
    cancelled: e.cancelled ? { reason: e.cancelled.reason, at: iso(e.cancelled.at) } : null,
    changes: (e.changes ?? []).map((x) => ({ message: x.message, at: iso(x.at) })),
  };
}

export async function staffView(ctx: ActionContext, e: EventDoc, c: CounterDoc | null) {
  const now = ctx.clock.now();
  const files = await urls(ctx, [...(e.cover ? [e.cover] : []), ...e.notes.flatMap((n) => n.photos)]);
  return {
    ...common(e, c, now),
    status: e.status,
    budget: e.budget,
    cover: e.cover,
    coverUrl: e.cover ? (files[e.cover] ?? null) : null,
    review: e.review ? { byName: e.review.byName, approved: e.review.approved, reason: e.review.reason, at: iso(e.review.at) } : null,
    createdByName: e.createdByName,
    notes: e.notes.map((n) => ({ text: n.text, byName: n.byName, at: iso(n.at), photos: n.photos.map((p) => files[p] ?? null).filter(Boolean) })),
    closing: e.closing ? { actualCost: e.closing.actualCost, keep: e.closing.keep, change: e.closing.change, at: iso(e.closing.at) } : null,
    actions: actionList(staffActions(phaseOf(e, now), ctx.caller.roles)),
  };
}

export function myRegistration(r: RegistrationDoc | null, c: CounterDoc | null) {
  if (!r) return null;
  const position = r.status === 'waitlisted' && c ? c.waitlist.findIndex((w) => w.id === r._id) + 1 : undefined;
  return { status: r.status, statusLabel: REGISTRATION_STATUS_LABELS[r.status], people: r.people, unitLabel: r.unitLabel, ...(position ? { position } : {}) };
}

export async function residentView(ctx: ActionContext, e: EventDoc, c: CounterDoc | null, r: RegistrationDoc | null, feedbackGiven: boolean) {
  const now = ctx.clock.now();
  const files = await urls(ctx, e.cover ? [e.cover] : []);
  const mine = myRegistration(r, c);
  const active = r && r.status !== 'cancelled' ? { status: r.status, feedbackGiven } : null;
  return {
    ...common(e, c, now),
    coverUrl: e.cover ? (files[e.cover] ?? null) : null,
    mine,
    actions: actionList(residentActions(e, active, now)),
  };
}

export const regView = (r: RegistrationDoc, position?: number) => ({
  registrationId: r._id,
  unitLabel: r.unitLabel,
  name: r.name,
  phone: r.phone,
  people: r.people,
  seats: r.seats,
  status: r.status,
  statusLabel: REGISTRATION_STATUS_LABELS[r.status],
  at: iso(r.createdAt),
  attendedAt: iso(r.attendedAt),
  ...(position ? { position } : {}),
});
