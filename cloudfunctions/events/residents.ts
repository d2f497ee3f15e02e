import { AppError } from '../../src/domain/errors';
import { EVENT_PHASE_LABELS, INTEREST_LABELS, cancelRefusal, fitsNow, phaseOf, promote, recommendScore, seatsFor, signUpRefusal } from '../../src/domain/events';
import type { EventListItem } from '../../src/domain/events-api';
import { formatMonthDay } from '../../src/domain/time';
import { checkText } from '../_lib/content-check';
import type { ActionContext } from '../_lib/handler';
import { isDuplicate, stableId } from '../_lib/ids';
import { notify } from '../_lib/notify';
import {
  COUNTERS,
  EVENTS,
  FEEDBACK,
  PROFILES,
  REGS,
  loadForResident,
  newCode,
  withCounter,
  type CounterDoc,
  type EventDoc,
  type FeedbackDoc,
  type In,
  type RegistrationDoc,
} from './model';
import { counterLookup, counterOf, type WithCounter } from './staff';
import { myRegistration, residentView } from './views';

/** A household's registration id: one per (event, unit), so retries and two members of a home meet the same document. */
export const regId = (eventId: string, unitId: string) => stableId('er', eventId, unitId);

/** The caller's home in the event's community (the one named, or the first). */
function homeFor(ctx: ActionContext, communityId: string, unitId?: string) {
  const homes = ctx.caller.homes.filter((h) => h.communityId === communityId && (!unitId || h.unitId === unitId));
  if (!homes.length) throw new AppError(unitId ? 'FORBIDDEN' : 'NOT_FOUND', unitId ? '您不是该房屋的住户' : '活动不存在');
  return homes[0]!;
}

/** The registrations of the caller's homes, by event: of these events, or of all (read alongside the events, not after them). */
async function myRegs(ctx: ActionContext, eventIds?: string[]): Promise<Map<string, RegistrationDoc>> {
  const units = [...new Set(ctx.caller.homes.map((h) => h.unitId))];
  if ((eventIds && !eventIds.length) || !units.length) return new Map();
  const _ = ctx.db.command;
  const res = await ctx.db
    .collection(REGS)
    .where({ ...(eventIds ? { eventId: _.in(eventIds) } : {}), unitId: _.in(units) })
    .limit(1000)
    .get();
  const out = new Map<string, RegistrationDoc>();
  for (const r of res.data as RegistrationDoc[]) {
    const prev = out.get(r.eventId);
    if (!prev || prev.status === 'cancelled') out.set(r.eventId, r);
  }
  return out;
}

async function profileOf(ctx: ActionContext) {
  const units = [...new Set(ctx.caller.homes.map((h) => h.unitId))];
  if (!units.length) return null;
  const res = await ctx.db
    .collection(PROFILES)
    .where({ _id: ctx.db.command.in(units) })
    .limit(10)
    .get();
  if (!res.data.length) return null;
  return { ageGroups: [...new Set(res.data.flatMap((p: any) => p.ageGroups as string[]))], interests: [...new Set(res.data.flatMap((p: any) => p.interests as string[]))] };
}

export async function list(input: In<'list'>, ctx: ActionContext) {
  const now = ctx.clock.now();
  const communities = [...new Set(ctx.caller.homes.map((h) => h.communityId))];
  const _ = ctx.db.command;
  // The events (each with its seat counter joined in), the homes' registrations and profile: one step.
  const [res, regs, profile] = await Promise.all([
    ctx.db
      .collection(EVENTS)
      .aggregate()
      .match({ communityId: _.in(communities), status: _.in(['published', 'cancelled', 'closed']) })
      .sort({ startAt: -1 })
      .limit(200)
      .lookup(counterLookup)
      .end(),
    myRegs(ctx),
    profileOf(ctx),
  ]);
  const events = (res as any).data as WithCounter[];
  let chosen = events.filter((e) => {
    const p = phaseOf(e, now);
    const mine = regs.get(e._id);
    if (input.tab === 'upcoming') return p === 'upcoming' || p === 'ongoing';
    if (input.tab === 'mine') return !!mine && mine.status !== 'cancelled';
    return p === 'ended' || p === 'closed';
  });
  if (input.tab === 'upcoming') {
    chosen = chosen
      .map((e, i) => ({ e, i, s: recommendScore(e, profile) }))
      .sort((a, b) => b.s - a.s || new Date(a.e.startAt).getTime() - new Date(b.e.startAt).getTime() || a.i - b.i)
      .map((x) => x.e);
  }
  const items: EventListItem[] = chosen.map((e) => {
    const c = e.counter[0] ?? null;
    const p = phaseOf(e, now);
    return {
      eventId: e._id,
      title: e.title,
      theme: e.theme,
      themeLabel: INTEREST_LABELS[e.theme],
      startAt: new Date(e.startAt).toISOString(),
      endAt: new Date(e.endAt).toISOString(),
      place: e.place,
      capacity: e.capacity,
      seatsLeft: Math.max(0, e.capacity - (c?.taken ?? 0)),
      waitlisted: c?.waitlist.length ?? 0,
      phase: p,
      phaseLabel: EVENT_PHASE_LABELS[p],
      cover: null,
      recommended: recommendScore(e, profile) > 0,
      mine: myRegistration(regs.get(e._id) ?? null, c),
    };
  });
  return { items, profileSet: !!profile };
}

export async function get(input: In<'get'>, ctx: ActionContext) {
  const e = await loadForResident(ctx, input.eventId);
  const [c, regs, fb] = await Promise.all([
    counterOf(ctx, e._id),
    myRegs(ctx, [e._id]),
    ctx.db
      .collection(FEEDBACK)
      .doc(stableId('ef', e._id, ctx.caller.openid!))
      .get(),
  ]);
  return residentView(ctx, e, c, regs.get(e._id) ?? null, fb.data.length > 0);
}

/**
 * Sign a household up. One transaction on the event's counter decides: confirmed when the seats
 * fit and nobody waits, otherwise the end of the waitlist. The registration's id is the
 * household's, so a retry finds what the first call decided.
 */
export async function signUp(input: In<'signUp'>, ctx: ActionContext) {
  const e = await loadForResident(ctx, input.eventId);
  const home = homeFor(ctx, e.communityId, input.unitId);
  const now = ctx.clock.now();
  const refusal = signUpRefusal(e, now);
  if (refusal) throw new AppError('CONFLICT', refusal);
  if (input.people > e.perHousehold) throw new AppError('INVALID_INPUT', `该活动每户最多报名 ${e.perHousehold} 人`);
  const seats = seatsFor(input.people, e.membersCount);
  if (seats > e.capacity) throw new AppError('INVALID_INPUT', `该活动共 ${e.capacity} 个名额`);
  const id = regId(e._id, home.unitId);
  const requestKey = `${ctx.caller.openid}:${input.clientRequestId ?? 'none'}`;
  const [unit, profile] = await Promise.all([ctx.db.collection('units').doc(home.unitId).get(), ctx.db.collection(PROFILES).doc(home.unitId).get()]);
  const unitLabel = (unit.data[0] as any)?.label ?? home.unitId;
  const ageGroups = ((profile.data[0] as any)?.ageGroups as string[]) ?? [];

  const out = await withCounter(ctx, async (tx) => {
    const c = (await tx.collection(COUNTERS).doc(e._id).get()).data as CounterDoc | null;
    if (!c) throw new AppError('CONFLICT', '活动尚未开放报名');
    const prev = (await tx.collection(REGS).doc(id).get()).data as RegistrationDoc | null;
    if (prev && prev.status !== 'cancelled') {
      // The same request again (a retry, a double tap): the first answer stands.
      if (input.clientRequestId && prev.requestKey === requestKey) return { r: prev, c };
      throw new AppError('CONFLICT', prev.status === 'waitlisted' ? '您家已在该活动的候补名单中' : '您家已报名该活动，无需重复报名');
    }
    const confirmed = fitsNow(c.capacity, c.taken, c.waitlist.length, seats);
    const seq = c.seq + 1;
    const r: RegistrationDoc = {
      _id: id,
      eventId: e._id,
      communityId: e.communityId,
      unitId: home.unitId,
      unitLabel,
      openid: ctx.caller.openid!,
      name: home.name,
      phone: home.phone,
      people: input.people,
      seats,
      status: confirmed ? 'confirmed' : 'waitlisted',
      seq,
      requestKey,
      code: newCode(),
      ageGroups,
      createdAt: now,
      updatedAt: now,
      promotedAt: null,
      cancelledAt: null,
      attendedAt: null,
      checkedInBy: null,
    };
    const next = { seq, taken: confirmed ? c.taken + seats : c.taken, waitlist: confirmed ? c.waitlist : [...c.waitlist, { id, seats }] };
    await tx.collection(COUNTERS).doc(e._id).update({ seq: next.seq, taken: next.taken, waitlist: next.waitlist });
    if (prev) {
      const { _id, ...rest } = r;
      await tx.collection(REGS).doc(id).set(rest);
    } else await tx.collection(REGS).add(r);
    return { r, c: { ...c, ...next } };
  });
  return { eventId: e._id, status: out.r.status === 'waitlisted' ? 'waitlisted' : 'confirmed', people: out.r.people, ...myRegistration(out.r, out.c) };
}

/** Cancel the household's registration before the cutoff; a freed seat goes to the waitlist in order, and the promoted are told. */
export async function cancel(input: In<'cancel'>, ctx: ActionContext) {
  const e = await loadForResident(ctx, input.eventId);
  const now = ctx.clock.now();
  if (e.status !== 'published') throw new AppError('CONFLICT', e.status === 'cancelled' ? '活动已取消，无需取消报名' : '活动已结束');
  const refusal = cancelRefusal(e, now);
  if (refusal) throw new AppError('CONFLICT', refusal);
  const regs = await myRegs(ctx, [e._id]);
  const mine = regs.get(e._id);
  if (!mine || mine.status === 'cancelled') throw new AppError('NOT_FOUND', '您没有报名该活动');
  const promoted = await withCounter(ctx, async (tx) => {
    const r = (await tx.collection(REGS).doc(mine._id).get()).data as RegistrationDoc | null;
    if (!r || r.status === 'cancelled') return null;
    if (r.status === 'attended') throw new AppError('CONFLICT', '已签到，不能取消');
    const c = (await tx.collection(COUNTERS).doc(e._id).get()).data as CounterDoc;
    let taken = c.taken;
    let waitlist = c.waitlist;
    if (r.status === 'confirmed') taken -= r.seats;
    else waitlist = waitlist.filter((w) => w.id !== r._id);
    const p = promote(c.capacity, taken, waitlist);
    await tx.collection(REGS).doc(r._id).update({ status: 'cancelled', cancelledAt: now, updatedAt: now });
    for (const w of p.promoted) await tx.collection(REGS).doc(w.id).update({ status: 'confirmed', promotedAt: now, updatedAt: now });
    await tx.collection(COUNTERS).doc(e._id).update({ taken: p.taken, waitlist: p.rest });
    return p.promoted;
  });
  if (promoted === null) throw new AppError('NOT_FOUND', '您没有报名该活动');
  await tellPromoted(
    ctx,
    e,
    promoted.map((w) => w.id),
  );
  return { eventId: e._id, status: 'cancelled' as const };
}

export async function tellPromoted(ctx: ActionContext, e: EventDoc, ids: string[]) {
  if (!ids.length) return;
  const res = await ctx.db
    .collection(REGS)
    .where({ _id: ctx.db.command.in(ids) })
    .limit(ids.length)
    .get();
  await notify(
    ctx,
    (res.data as RegistrationDoc[]).map((r) => ({
      key: `${r._id}:promoted:${r.seq}`,
      to: [{ openid: r.openid, name: r.name }],
      kind: 'event-promoted' as const,
      title: `候补成功：${e.title}`,
      body: `您已从候补转为正式报名（${r.people} 人），活动时间 ${formatMonthDay(e.startAt)}，地点 ${e.place}。届时请出示签到码。`,
      communityId: e.communityId,
      target: { kind: 'event' as const, id: e._id },
    })),
  );
}

/** My household's check-in code (confirmed or attended only). */
export async function myCode(input: In<'myCode'>, ctx: ActionContext) {
  const e = await loadForResident(ctx, input.eventId);
  const mine = (await myRegs(ctx, [e._id])).get(e._id);
  if (!mine || (mine.status !== 'confirmed' && mine.status !== 'attended')) throw new AppError('NOT_FOUND', '您还没有获得该活动的名额');
  return { eventId: e._id, code: mine.code, people: mine.people, unitLabel: mine.unitLabel, status: mine.status };
}

export async function feedback(input: In<'feedback'>, ctx: ActionContext) {
  const e = await loadForResident(ctx, input.eventId);
  const p = phaseOf(e, ctx.clock.now());
  if (p !== 'ended' && p !== 'closed') throw new AppError('CONFLICT', '活动结束后才能评价');
  const mine = (await myRegs(ctx, [e._id])).get(e._id);
  if (!mine || (mine.status !== 'confirmed' && mine.status !== 'attended')) throw new AppError('FORBIDDEN', '只有报名参加的住户可以评价');
  const extra = Object.keys(input.answers).filter((k) => !e.feedbackQuestions.includes(k as any));
  if (extra.length) throw new AppError('INVALID_INPUT', '评价中有本活动没有的问题');
  await checkText(ctx, input.comment);
  const doc: FeedbackDoc = {
    _id: stableId('ef', e._id, ctx.caller.openid!),
    eventId: e._id,
    communityId: e.communityId,
    openid: ctx.caller.openid!,
    unitId: mine.unitId,
    rating: input.rating,
    answers: input.answers,
    comment: input.comment,
    at: ctx.clock.now(),
  };
  try {
    await ctx.db.collection(FEEDBACK).add(doc);
  } catch (err) {
    if (isDuplicate(err)) throw new AppError('CONFLICT', '您已评价过该活动，感谢您的反馈');
    throw err;
  }
  return { eventId: e._id, saved: true };
}

/** Tell the app the household's age groups and interests (for recommendations and planning). */
export async function profile(input: In<'profile'>, ctx: ActionContext) {
  const home = input.unitId ? ctx.caller.homes.find((h) => h.unitId === input.unitId) : ctx.caller.homes[0];
  if (!home) throw new AppError('FORBIDDEN', '您不是该房屋的住户');
  const doc = { communityId: home.communityId, ageGroups: input.ageGroups, interests: input.interests, updatedAt: ctx.clock.now() };
  await ctx.db.collection(PROFILES).doc(home.unitId).set(doc);
  return { unitId: home.unitId, ...doc };
}
