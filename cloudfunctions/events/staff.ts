import { AppError } from '../../src/domain/errors';
import {
  AGE_GROUP_LABELS,
  EVENT_REVIEWERS,
  FEEDBACK_QUESTIONS,
  INTEREST_LABELS,
  REGISTRATION_STATUS_LABELS,
  TIME_BAND_LABELS,
  WEEKDAY_LABELS,
  phaseOf,
  planRefusal,
  timeBand,
} from '../../src/domain/events';
import { beijing, formatMinute, formatMonthDay } from '../../src/domain/time';
import { communitySettings } from '../_lib/community-settings';
import { checkText } from '../_lib/content-check';
import { useFiles } from '../_lib/files';
import type { ActionContext } from '../_lib/handler';
import { isDuplicate, stableId } from '../_lib/ids';
import { notify } from '../_lib/notify';
import { storeSheet, type SheetColumn } from '../_lib/sheet';
import {
  COUNTERS,
  EVENTS,
  FEEDBACK,
  REGS,
  loadForStaff,
  phase,
  withCounter,
  type CounterDoc,
  type EventDoc,
  type FeedbackDoc,
  type In,
  type Plan,
  type RegistrationDoc,
} from './model';
import { regView, staffView } from './views';

const isReviewer = (ctx: ActionContext) => EVENT_REVIEWERS.some((r) => ctx.caller.roles.has(r));
const target = (id: string) => ({ kind: 'event' as const, id });

function fields(p: Plan) {
  const refusal = planRefusal(p);
  if (refusal) throw new AppError('INVALID_INPUT', refusal);
  const { startAt, endAt, signUpOpensAt, signUpClosesAt, ...rest } = p;
  return { ...rest, startAt: new Date(startAt), endAt: new Date(endAt), signUpOpensAt: new Date(signUpOpensAt), signUpClosesAt: new Date(signUpClosesAt) };
}

async function checkPlan(ctx: ActionContext, p: Plan, id: string) {
  await checkText(ctx, p.title, p.place, p.agenda, p.safety, p.cost, p.organisation.roles);
  if (p.cover) await useFiles(ctx, [p.cover], `event:${id}`);
}

/** An event with its seat counter joined in by the database (`counterLookup`: same id). */
export type WithCounter = EventDoc & { counter: CounterDoc[] };
export const counterLookup = { from: COUNTERS, localField: '_id', foreignField: '_id', as: 'counter' };

export async function counterOf(ctx: ActionContext, id: string): Promise<CounterDoc | null> {
  return ((await ctx.db.collection(COUNTERS).doc(id).get()).data[0] as CounterDoc | undefined) ?? null;
}

export async function get(input: In<'get'>, ctx: ActionContext) {
  const e = await loadForStaff(ctx, input.eventId);
  return staffView(ctx, e, await counterOf(ctx, e._id));
}

export async function create(input: In<'create'>, ctx: ActionContext) {
  const s = ctx.caller.staff!;
  const { clientRequestId, ...plan } = input;
  const id = stableId('ev', s.openid, clientRequestId);
  const f = fields(plan);
  await checkPlan(ctx, plan, id);
  const now = ctx.clock.now();
  const doc: EventDoc = {
    _id: id,
    communityId: s.communityId,
    status: 'draft',
    ...f,
    createdBy: s._id,
    createdByName: s.name,
    createdAt: now,
    updatedAt: now,
    review: null,
    publishedAt: null,
    cancelled: null,
    changes: [],
    notes: [],
    closing: null,
    reminderSent: false,
    feedbackSent: false,
  };
  try {
    await ctx.db.collection(EVENTS).add(doc);
  } catch (e) {
    if (!isDuplicate(e)) throw e;
  }
  return get({ eventId: id }, ctx);
}

/** Edit a draft (or one sent back). Published events change through `change`, which tells everyone registered. */
export async function update(input: In<'update'>, ctx: ActionContext) {
  const e = await loadForStaff(ctx, input.eventId);
  if (e.status !== 'draft') throw new AppError('CONFLICT', '只有草稿可以编辑；已发布的活动请使用「变更活动」');
  const { eventId, ...plan } = input;
  const f = fields(plan);
  await checkPlan(ctx, plan, e._id);
  const res = await ctx.db
    .collection(EVENTS)
    .where({ _id: e._id, status: 'draft', updatedAt: e.updatedAt })
    .update({ ...f, organisation: ctx.db.command.set(f.organisation), updatedAt: ctx.clock.now() });
  if (res.updated !== 1) throw new AppError('CONFLICT', '活动已被他人修改，请刷新');
  return get({ eventId }, ctx);
}

async function goLive(ctx: ActionContext, e: EventDoc, from: 'draft' | 'review', extra: Record<string, unknown> = {}) {
  const now = ctx.clock.now();
  // The counter first (idempotent), then the status: a published event always has its counter.
  try {
    await ctx.db.collection(COUNTERS).add({ _id: e._id, capacity: e.capacity, taken: 0, seq: 0, waitlist: [] });
  } catch (err) {
    if (!isDuplicate(err)) throw err;
  }
  const res = await ctx.db
    .collection(EVENTS)
    .where({ _id: e._id, status: from })
    .update({ status: 'published', publishedAt: now, updatedAt: now, ...extra });
  if (res.updated !== 1) throw new AppError('CONFLICT', '活动状态已变化，请刷新');
}

/** Submit: publish at once, or — where review is on and the planner is not a supervisor — send for review. */
export async function submit(input: In<'submit'>, ctx: ActionContext) {
  const e = await loadForStaff(ctx, input.eventId);
  if (e.status !== 'draft') throw new AppError('CONFLICT', '该活动已提交，不能重复提交');
  if (new Date(e.signUpClosesAt).getTime() <= ctx.clock.now().getTime()) throw new AppError('INVALID_INPUT', '报名截止时间已过，请修改活动时间后再提交');
  const reviewOn = (await communitySettings(ctx.db, e.communityId)).announcementReview;
  if (reviewOn && !isReviewer(ctx)) {
    const res = await ctx.db.collection(EVENTS).where({ _id: e._id, status: 'draft' }).update({ status: 'review', updatedAt: ctx.clock.now() });
    if (res.updated !== 1) throw new AppError('CONFLICT', '活动状态已变化，请刷新');
    await notify(ctx, [
      {
        key: `${e._id}:review:${e.updatedAt.valueOf?.() ?? ''}`,
        to: [{ role: 'supervisor', communityId: e.communityId }],
        kind: 'event-review',
        title: `活动待审核：${e.title}`,
        body: `${ctx.caller.staff!.name} 提交了活动方案，请审核`,
        communityId: e.communityId,
        target: target(e._id),
      },
    ]);
  } else {
    await goLive(ctx, e, 'draft');
  }
  return get(input, ctx);
}

export async function review(input: In<'review'>, ctx: ActionContext) {
  const e = await loadForStaff(ctx, input.eventId);
  if (e.status !== 'review') throw new AppError('CONFLICT', '该活动不在待审核状态');
  if (!input.approve && !input.reason) throw new AppError('INVALID_INPUT', '请填写退回原因');
  if (input.reason) await checkText(ctx, input.reason);
  const s = ctx.caller.staff!;
  const rec = { by: s._id, byName: s.name, approved: input.approve, reason: input.reason ?? '', at: ctx.clock.now() };
  if (input.approve) await goLive(ctx, e, 'review', { review: rec });
  else {
    const res = await ctx.db.collection(EVENTS).where({ _id: e._id, status: 'review' }).update({ status: 'draft', review: rec, updatedAt: ctx.clock.now() });
    if (res.updated !== 1) throw new AppError('CONFLICT', '活动状态已变化，请刷新');
  }
  return get(input, ctx);
}

async function registered(ctx: ActionContext, eventId: string, statuses = ['confirmed', 'waitlisted', 'attended']): Promise<RegistrationDoc[]> {
  const out: RegistrationDoc[] = [];
  for (;;) {
    const page = await ctx.db
      .collection(REGS)
      .where({ eventId, status: ctx.db.command.in(statuses) })
      .orderBy('seq', 'asc')
      .skip(out.length)
      .limit(100)
      .get();
    out.push(...(page.data as RegistrationDoc[]));
    if (page.data.length < 100) return out;
  }
}

async function tellRegistered(ctx: ActionContext, e: EventDoc, key: string, kind: 'event-changed' | 'event-cancelled', title: string, body: string) {
  const regs = await registered(ctx, e._id, ['confirmed', 'waitlisted']);
  const to = [...new Map(regs.map((r) => [r.openid, { openid: r.openid, name: r.name }])).values()];
  if (!to.length) return 0;
  await notify(ctx, [{ key, to, kind, title, body, communityId: e.communityId, target: target(e._id), tone: 'warning' }]);
  return to.length;
}

/** Change the time or place of a published event; everyone registered is told. A planner who is not a reviewer cannot move what a supervisor approved. */
export async function change(input: In<'change'>, ctx: ActionContext) {
  const e = await loadForStaff(ctx, input.eventId);
  if (phase(e, ctx) !== 'upcoming') throw new AppError('CONFLICT', '只有未开始的已发布活动可以变更');
  const reviewOn = (await communitySettings(ctx.db, e.communityId)).announcementReview;
  if (reviewOn && e.review && !isReviewer(ctx)) throw new AppError('FORBIDDEN', '该活动经主管审核发布，变更请联系主管操作');
  await checkText(ctx, input.message, input.place);
  const next = { startAt: input.startAt ? new Date(input.startAt) : e.startAt, endAt: input.endAt ? new Date(input.endAt) : e.endAt, place: input.place ?? e.place };
  const refusal = planRefusal({ ...e, ...next, signUpClosesAt: new Date(Math.min(new Date(e.signUpClosesAt).getTime(), next.startAt.getTime())) });
  if (refusal) throw new AppError('INVALID_INPUT', refusal);
  const now = ctx.clock.now();
  const n = (e.changes ?? []).length;
  const res = await ctx.db
    .collection(EVENTS)
    .where({ _id: e._id, updatedAt: e.updatedAt })
    .update({
      ...next,
      signUpClosesAt: new Date(Math.min(new Date(e.signUpClosesAt).getTime(), next.startAt.getTime())),
      changes: ctx.db.command.push([{ message: input.message, by: ctx.caller.staff!._id, at: now }]),
      reminderSent: false,
      updatedAt: now,
    });
  if (res.updated !== 1) throw new AppError('CONFLICT', '活动已被他人修改，请刷新');
  const told = await tellRegistered(
    ctx,
    e,
    `${e._id}:change:${n + 1}`,
    'event-changed',
    `活动变更：${e.title}`,
    `${input.message}（现时间：${formatMonthDay(next.startAt)}，地点：${next.place}）`,
  );
  return { ...(await get(input, ctx)), told };
}

export async function cancelEvent(input: In<'cancelEvent'>, ctx: ActionContext) {
  const e = await loadForStaff(ctx, input.eventId);
  const p = phase(e, ctx);
  if (!['draft', 'review', 'upcoming'].includes(p)) throw new AppError('CONFLICT', '活动已开始或已结束，不能取消');
  await checkText(ctx, input.reason);
  const now = ctx.clock.now();
  const res = await ctx.db
    .collection(EVENTS)
    .where({ _id: e._id, status: e.status })
    .update({ status: 'cancelled', cancelled: ctx.db.command.set({ reason: input.reason, by: ctx.caller.staff!._id, at: now }), updatedAt: now });
  if (res.updated !== 1) throw new AppError('CONFLICT', '活动状态已变化，请刷新');
  const told = await tellRegistered(
    ctx,
    e,
    `${e._id}:cancelled`,
    'event-cancelled',
    `活动取消：${e.title}`,
    `很抱歉，原定${formatMonthDay(e.startAt)}的活动已取消。原因：${input.reason}`,
  );
  return { ...(await get(input, ctx)), told };
}

export async function staffList(input: In<'staffList'>, ctx: ActionContext) {
  const now = ctx.clock.now();
  // Each event's seat counter joined in by the database (one round trip, not one per event).
  const res = await ctx.db.collection(EVENTS).aggregate().match({ communityId: ctx.caller.staff!.communityId }).sort({ startAt: -1 }).limit(200).lookup(counterLookup).end();
  const items = ((res as any).data as WithCounter[])
    .map((e) => ({ e, p: phaseOf(e, now) }))
    .filter((x) => input.phase === 'all' || x.p === input.phase)
    .sort((a, b) => (a.p === 'review' ? -1 : 0) - (b.p === 'review' ? -1 : 0));
  return { items: await Promise.all(items.map(({ e: { counter, ...e } }) => staffView(ctx, e, counter[0] ?? null))) };
}

export async function registrations(input: In<'registrations'>, ctx: ActionContext) {
  const e = await loadForStaff(ctx, input.eventId);
  const [c, regs] = await Promise.all([counterOf(ctx, e._id), registered(ctx, e._id, ['confirmed', 'waitlisted', 'attended', 'cancelled'])]);
  const pos = new Map((c?.waitlist ?? []).map((w, i) => [w.id, i + 1]));
  const active = regs.filter((r) => r.status !== 'waitlisted' && r.status !== 'cancelled');
  const waiting = regs.filter((r) => r.status === 'waitlisted').sort((a, b) => (pos.get(a._id) ?? 0) - (pos.get(b._id) ?? 0));
  return {
    confirmed: active.map((r) => regView(r)),
    waitlist: waiting.map((r) => regView(r, pos.get(r._id))),
    cancelled: regs.filter((r) => r.status === 'cancelled').map((r) => regView(r)),
    counts: { seatsTaken: c?.taken ?? 0, capacity: e.capacity, attended: regs.filter((r) => r.status === 'attended').length },
  };
}

/** The export's columns (times in 北京时间). */
const REGISTRATION_COLUMNS: SheetColumn<ReturnType<typeof regView>>[] = [
  ['序号', 6, (_r, i) => i + 1],
  ['房屋', 16, (r) => r.unitLabel],
  ['姓名', 10, (r) => r.name],
  ['电话', 14, (r) => r.phone],
  ['人数', 6, (r) => r.people],
  ['状态', 8, (r) => REGISTRATION_STATUS_LABELS[r.status]],
  ['候补位次', 8, (r) => (r as any).position ?? ''],
  ['报名时间（北京时间）', 20, (r) => (r.at ? formatMinute(r.at) : '')],
  ['签到时间（北京时间）', 20, (r) => (r.attendedAt ? formatMinute(r.attendedAt) : '')],
];

/** The registrations as an .xlsx in storage, with a temporary link for the requester. */
export async function exportXlsx(input: In<'export'>, ctx: ActionContext) {
  const e = await loadForStaff(ctx, input.eventId);
  const list = await registrations(input, ctx);
  const rows = [...list.confirmed, ...list.waitlist, ...list.cancelled];
  const { fileID, url } = await storeSheet(ctx, `exports/events/${e._id}-${ctx.clock.now().getTime()}.xlsx`, '报名名单', REGISTRATION_COLUMNS, rows);
  return { fileID, url, fileName: `${e.title}-报名名单.xlsx`, rows: rows.length };
}

/** Check a person in by their code (scanned or typed) or from the list. */
export async function checkIn(input: In<'checkIn'>, ctx: ActionContext) {
  const e = await loadForStaff(ctx, input.eventId);
  const now = ctx.clock.now();
  const p = phaseOf(e, now);
  if (p !== 'upcoming' && p !== 'ongoing') throw new AppError('CONFLICT', p === 'cancelled' ? '活动已取消' : '活动已结束，不能签到');
  if (p === 'upcoming' && new Date(e.startAt).getTime() - now.getTime() > 60 * 60_000) throw new AppError('CONFLICT', '签到在活动开始前 1 小时开放');
  let r: RegistrationDoc | undefined;
  if (input.code) {
    const res = await ctx.db.collection(REGS).where({ eventId: e._id, code: input.code.toUpperCase() }).limit(1).get();
    r = res.data[0] as RegistrationDoc | undefined;
  } else {
    r = (await ctx.db.collection(REGS).doc(input.registrationId!).get()).data[0] as RegistrationDoc | undefined;
    if (r && r.eventId !== e._id) r = undefined;
  }
  if (!r) throw new AppError('NOT_FOUND', '签到码无效，请核对后重试');
  if (r.status === 'attended') return { ...regView(r), already: true };
  if (r.status !== 'confirmed') throw new AppError('CONFLICT', r.status === 'waitlisted' ? '该住户仍在候补中，未获得名额' : '该报名已取消');
  await ctx.db.collection(REGS).where({ _id: r._id, status: 'confirmed' }).update({ status: 'attended', attendedAt: now, checkedInBy: ctx.caller.staff!._id, updatedAt: now });
  return { ...regView({ ...r, status: 'attended', attendedAt: now }), already: false };
}

export async function note(input: In<'note'>, ctx: ActionContext) {
  const e = await loadForStaff(ctx, input.eventId);
  if (!['ongoing', 'ended'].includes(phase(e, ctx))) throw new AppError('CONFLICT', '活动开始后才能记录现场情况');
  if (!input.text && !input.photos.length) throw new AppError('INVALID_INPUT', '请填写记录或上传照片');
  await checkText(ctx, input.text);
  await useFiles(ctx, input.photos, `event:${e._id}`);
  const s = ctx.caller.staff!;
  await ctx.db
    .collection(EVENTS)
    .doc(e._id)
    .update({ notes: ctx.db.command.push([{ text: input.text, photos: input.photos, by: s._id, byName: s.name, at: ctx.clock.now() }]) });
  return get(input, ctx);
}

export async function close(input: In<'close'>, ctx: ActionContext) {
  const e = await loadForStaff(ctx, input.eventId);
  if (phase(e, ctx) !== 'ended') throw new AppError('CONFLICT', '活动结束后才能写总结');
  await checkText(ctx, input.keep, input.change);
  const now = ctx.clock.now();
  const res = await ctx.db
    .collection(EVENTS)
    .where({ _id: e._id, status: 'published' })
    .update({
      status: 'closed',
      closing: ctx.db.command.set({ actualCost: input.actualCost, keep: input.keep, change: input.change, by: ctx.caller.staff!._id, at: now }),
      updatedAt: now,
    });
  if (res.updated !== 1) throw new AppError('CONFLICT', '活动状态已变化，请刷新');
  return summary(input, ctx);
}

async function feedbackOf(ctx: ActionContext, eventId: string): Promise<FeedbackDoc[]> {
  const res = await ctx.db.collection(FEEDBACK).where({ eventId }).limit(1000).get();
  return res.data as FeedbackDoc[];
}

export async function summary(input: In<'summary'>, ctx: ActionContext) {
  const e = await loadForStaff(ctx, input.eventId);
  const [regs, fb] = await Promise.all([registered(ctx, e._id, ['confirmed', 'attended']), feedbackOf(ctx, e._id)]);
  const households = regs.length;
  const people = regs.reduce((n, r) => n + r.people, 0);
  const attended = regs.filter((r) => r.status === 'attended');
  const attendedPeople = attended.reduce((n, r) => n + r.people, 0);
  const avg = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null);
  const view = await staffView(ctx, e, await counterOf(ctx, e._id));
  return {
    eventId: e._id,
    title: e.title,
    phase: view.phase,
    phaseLabel: view.phaseLabel,
    startAt: view.startAt,
    registrations: { households, people },
    attended: { households: attended.length, people: attendedPeople },
    attendanceRate: households ? Math.round((attended.length / households) * 100) : null,
    noShows: regs.filter((r) => r.status === 'confirmed').map((r) => ({ unitLabel: r.unitLabel, name: r.name, people: r.people })),
    satisfaction: {
      responses: fb.length,
      rating: avg(fb.map((f) => f.rating)),
      questions: e.feedbackQuestions.map((q) => ({
        key: q,
        label: FEEDBACK_QUESTIONS[q],
        average: avg(fb.map((f) => f.answers[q]).filter((x): x is number => typeof x === 'number')),
      })),
    },
    comments: fb.filter((f) => f.comment).map((f) => ({ comment: f.comment, rating: f.rating, at: f.at.toISOString?.() ?? String(f.at) })),
    photos: view.notes.flatMap((n) => n.photos),
    notes: view.notes,
    costs: {
      budget: e.budget,
      actual: e.closing?.actualCost ?? null,
      perAttendee: e.closing && attendedPeople ? Math.round((e.closing.actualCost / attendedPeople) * 100) / 100 : null,
    },
    closing: view.closing,
  };
}

/** Across ended events: which themes, weekdays and times of day drew which age groups (attended people, by their household's age groups). */
export async function analysis(_: In<'analysis'>, ctx: ActionContext) {
  const now = ctx.clock.now();
  const res = await ctx.db
    .collection(EVENTS)
    .where({ communityId: ctx.caller.staff!.communityId, status: ctx.db.command.in(['published', 'closed']) })
    .limit(200)
    .get();
  const ended = (res.data as EventDoc[]).filter((e) => ['ended', 'closed'].includes(phaseOf(e, now)));
  type Row = { key: string; label: string; events: number; attended: number; byAge: Record<string, number> };
  const tables = { theme: new Map<string, Row>(), weekday: new Map<string, Row>(), time: new Map<string, Row>() };
  const bump = (m: Map<string, Row>, key: string, label: string, attended: RegistrationDoc[]) => {
    const row = m.get(key) ?? { key, label, events: 0, attended: 0, byAge: {} };
    row.events++;
    for (const r of attended) {
      row.attended += r.people;
      for (const g of r.ageGroups.length ? r.ageGroups : ['unknown']) row.byAge[g] = (row.byAge[g] ?? 0) + r.people;
    }
    m.set(key, row);
  };
  for (const e of ended) {
    const attended = await registered(ctx, e._id, ['attended']);
    const b = beijing(e.startAt);
    bump(tables.theme, e.theme, INTEREST_LABELS[e.theme], attended);
    bump(tables.weekday, String(b.day()), WEEKDAY_LABELS[b.day()]!, attended);
    const band = timeBand(b.hour());
    bump(tables.time, band, TIME_BAND_LABELS[band], attended);
  }
  const out = (m: Map<string, Row>) =>
    [...m.values()]
      .sort((a, b) => b.attended - a.attended)
      .map((r) => ({ ...r, byAge: Object.entries(r.byAge).map(([g, n]) => ({ ageGroup: g, label: (AGE_GROUP_LABELS as Record<string, string>)[g] ?? '未填写', people: n })) }));
  return { events: ended.length, themes: out(tables.theme), weekdays: out(tables.weekday), times: out(tables.time) };
}
