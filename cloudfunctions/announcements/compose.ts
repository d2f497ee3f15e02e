import type { z } from 'zod';
import { AppError } from '../../src/domain/errors';
import {
  canDoAnnouncement,
  interruptionSummary,
  isInterruption,
  noticeShortfallHours,
  NOTICE_PERIOD_HOURS,
  ANNOUNCEMENT_TYPE_LABELS,
  type AnnouncementAction,
} from '../../src/domain/announcements';
import type { announcementInputs } from '../../src/domain/announcements-api';
import { communitySettings } from '../_lib/community-settings';
import type { ActionContext } from '../_lib/handler';
import { stableId } from '../_lib/ids';
import { claim } from '../_lib/bulk';
import { checkText } from '../_lib/content-check';
import { useFiles } from '../_lib/files';
import type { AnnouncementDoc } from './model';
import { announcementRole, announcementState, view } from './views';

type In<K extends keyof typeof announcementInputs> = z.infer<(typeof announcementInputs)[K]>;
type Draft = In<'create'>;

const reviewer = (ctx: ActionContext) => ctx.caller.roles.has('supervisor') || ctx.caller.roles.has('admin');

/** The state machine's verdict, or the status-specific refusal (CONFLICT) the caller reads. */
function allow(ctx: ActionContext, a: AnnouncementDoc, action: AnnouncementAction, message: string) {
  if (!canDoAnnouncement(announcementState(a), announcementRole(ctx, a), action)) throw new AppError('CONFLICT', message);
}

export async function load(ctx: ActionContext, id: string): Promise<AnnouncementDoc> {
  const a = (await ctx.db.collection('announcements').doc(id).get()).data[0] as AnnouncementDoc | undefined;
  if (!a || a.communityId !== ctx.caller.staff!.communityId) throw new AppError('NOT_FOUND', '公告不存在');
  return a;
}

/** Checks shared by create and update: interruption details, scope units, expiry. */
async function validate(ctx: ActionContext, d: Omit<Draft, 'clientRequestId'>) {
  if (isInterruption(d.type) && !d.interruption) throw new AppError('INVALID_INPUT', `${ANNOUNCEMENT_TYPE_LABELS[d.type]}通知需填写原因、影响范围、开始时间和预计恢复时间`);
  if (!isInterruption(d.type) && d.interruption) throw new AppError('INVALID_INPUT', '只有停水、停电等停用通知需要填写停用信息');
  if (d.scope.kind === 'units') {
    const _ = ctx.db.command;
    const ids = [...new Set(d.scope.unitIds)];
    const found = await ctx.db
      .collection('units')
      .where({ _id: _.in(ids), communityId: ctx.caller.staff!.communityId })
      .count();
    if (found.total !== ids.length) throw new AppError('INVALID_INPUT', '影响范围中有不存在的房屋');
  }
  if (d.scope.kind === 'buildings') {
    const units = await ctx.db
      .collection('units')
      .where({ communityId: ctx.caller.staff!.communityId, building: ctx.db.command.in(d.scope.buildings) })
      .field({ building: true })
      .limit(1000)
      .get();
    const known = new Set(units.data.map((u: any) => u.building));
    const missing = d.scope.buildings.filter((b) => !known.has(b));
    if (missing.length) throw new AppError('INVALID_INPUT', `影响范围中的楼栋不存在：${missing.join('、')}`);
  }
}

/** The texts others will read, through the content check; the files, which must be the caller's (or their community's) uploads. */
async function checkContent(ctx: ActionContext, d: Omit<Draft, 'clientRequestId'>, announcementId: string) {
  await checkText(ctx, d.title, d.summary, d.body, d.interruption?.reason, ...d.attachments.map((x) => x.name));
  await useFiles(ctx, [...d.images, ...d.attachments.map((x) => x.fileId)], `notice:${announcementId}`);
}

/**
 * An update that replaces nested values: the SDK turns a plain object in `update()` into dot
 * paths (merging it into what is stored), so object-valued fields are written with `_.set()`.
 */
export function replacing(ctx: ActionContext, patch: Record<string, unknown>): Record<string, unknown> {
  const _ = ctx.db.command;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) out[k] = v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype ? _.set(v) : v;
  return out;
}

const startOf = (x: { interruption: { startAt: Date } | null }) => (x.interruption ? new Date(x.interruption.startAt).getTime() : null);
/** Whether a change moves when an interruption starts (or makes one): the notice period is checked again. */
const timesChanged = (a: AnnouncementDoc, next: { type: AnnouncementDoc['type']; interruption: { startAt: Date } | null }) => a.type !== next.type || startOf(a) !== startOf(next);

function fields(d: Omit<Draft, 'clientRequestId'>) {
  const interruption = d.interruption ? { reason: d.interruption.reason, startAt: new Date(d.interruption.startAt), endAt: new Date(d.interruption.endAt) } : null;
  // An interruption notice expires a day after the expected restoration unless told otherwise.
  const expiresAt = d.expiresAt ? new Date(d.expiresAt) : interruption ? new Date(interruption.endAt.getTime() + 86400_000) : null;
  return {
    type: d.type,
    title: d.title,
    // An interruption's summary is its times, from the fields: a typed copy could contradict them.
    summary: interruption ? interruptionSummary(interruption.startAt, interruption.endAt) : d.summary || d.title,
    body: d.body,
    scope: d.scope,
    images: d.images,
    attachments: d.attachments,
    interruption,
    pinned: d.pinned,
    expiresAt,
  };
}

/** Lifecycle fields of a notice that nothing has happened to yet. */
function fresh(ctx: ActionContext, now: Date) {
  const s = ctx.caller.staff!;
  return {
    communityId: s.communityId,
    publishAt: null,
    publishedAt: null,
    revisedAt: null,
    restoredOf: null,
    override: null,
    review: null,
    withdrawn: null,
    broadcastState: null,
    broadcastCursor: null,
    targeted: 0,
    createdBy: s._id,
    createdByName: s.name,
    createdAt: now,
    updatedAt: now,
  } as const;
}

async function insertOnce(ctx: ActionContext, doc: AnnouncementDoc) {
  // The same client request again (a double tap, a retry): the first one stands.
  await claim(ctx.db, 'announcements', doc);
  return view(ctx, await load(ctx, doc._id));
}

export async function create(input: In<'create'>, ctx: ActionContext) {
  await validate(ctx, input);
  const s = ctx.caller.staff!;
  const now = ctx.clock.now();
  const id = stableId('an', s.openid, input.clientRequestId);
  await checkContent(ctx, input, id);
  return insertOnce(ctx, { ...fresh(ctx, now), _id: id, ...fields(input), status: 'draft' });
}

/**
 * Edit a notice. A published (or scheduled) notice is something a supervisor may have approved:
 * where review is on and the editor is not a supervisor, a published notice's change waits as a
 * revision (the published version stays live until approved) and a scheduled one goes back to
 * review. Moving an interruption's start re-checks the notice period.
 */
export async function update(input: In<'update'>, ctx: ActionContext) {
  const a = await load(ctx, input.announcementId);
  allow(ctx, a, 'edit', '已撤回或过期的公告不能修改');
  await validate(ctx, input);
  await checkContent(ctx, input, a._id);
  const now = ctx.clock.now();
  const s = ctx.caller.staff!;
  const next = fields(input);
  const live = a.status === 'published' || a.status === 'scheduled';
  const goesOutAt = a.status === 'scheduled' && a.publishAt && new Date(a.publishAt) > now ? new Date(a.publishAt) : now;
  const override = live && timesChanged(a, next) ? checkNoticePeriod(ctx, { ...a, ...next }, goesOutAt, input.override?.reason, now) : null;
  const needsReview = live && !reviewer(ctx) && (await communitySettings(ctx.db, a.communityId)).announcementReview;
  let patch: Record<string, unknown>;
  if (needsReview && a.status === 'published') {
    patch = { revision: { fields: next, by: s._id, byName: s.name, at: now, override }, updatedAt: now };
  } else if (needsReview) {
    patch = { ...next, status: 'review', override: override ?? a.override, updatedAt: now };
  } else {
    patch = { ...next, updatedAt: now, ...(override ? { override } : {}), ...(a.status === 'published' ? { revisedAt: now, revision: null } : {}) };
  }
  // Optimistic: a concurrent change (a review, a publish) wins and this one is refused.
  const res = await ctx.db.collection('announcements').where({ _id: a._id, updatedAt: a.updatedAt }).update(replacing(ctx, patch));
  if (res.updated !== 1) throw new AppError('CONFLICT', '公告已被他人修改，请刷新');
  return view(ctx, await load(ctx, a._id));
}

/** Publish now or at a time — or, where review is on and the author is not a supervisor, submit for review. */
export async function publish(input: In<'publish'>, ctx: ActionContext) {
  const a = await load(ctx, input.announcementId);
  allow(ctx, a, 'publish', `公告当前为「${a.status === 'review' ? '待审核' : '已处理'}」，不能重复提交`);
  const now = ctx.clock.now();
  const at = input.publishAt ? new Date(input.publishAt) : now;
  if (at.getTime() < now.getTime() - 60_000) throw new AppError('INVALID_INPUT', '定时发布时间不能早于现在');
  const override = checkNoticePeriod(ctx, a, at, input.override?.reason, now);
  const reviewOn = (await communitySettings(ctx.db, a.communityId)).announcementReview;
  if (reviewOn && !reviewer(ctx)) {
    await transition(ctx, a, { status: 'review', publishAt: at, override });
  } else {
    await transition(ctx, a, goLive(a, at, now, override));
  }
  return view(ctx, await load(ctx, a._id));
}

function checkNoticePeriod(ctx: ActionContext, a: Pick<AnnouncementDoc, 'type' | 'interruption'>, at: Date, reason: string | undefined, now: Date) {
  const short = noticeShortfallHours(a.type, at, a.interruption?.startAt ?? null);
  if (!short) return null;
  if (!reason) {
    const need = NOTICE_PERIOD_HOURS[a.type]!;
    const period = need % 24 === 0 && need >= 48 ? `${need / 24} 天` : `${need} 小时`;
    throw new AppError('INVALID_INPUT', `${ANNOUNCEMENT_TYPE_LABELS[a.type]}需至少提前 ${period}通知（还差 ${short} 小时）。如确需发布，请填写原因`, { shortfallHours: short });
  }
  return { reason, by: ctx.caller.staff!._id, byName: ctx.caller.staff!.name, at: now };
}

function goLive(a: AnnouncementDoc, at: Date, now: Date, override: AnnouncementDoc['override']): Partial<AnnouncementDoc> {
  if (at.getTime() > now.getTime()) return { status: 'scheduled', publishAt: at, override: override ?? a.override };
  return { status: 'published', publishAt: at, publishedAt: now, override: override ?? a.override, broadcastState: 'targeting', broadcastCursor: null };
}

async function transition(ctx: ActionContext, a: AnnouncementDoc, patch: Partial<AnnouncementDoc>) {
  const res = await ctx.db
    .collection('announcements')
    .where({ _id: a._id, status: a.status, updatedAt: a.updatedAt })
    .update(replacing(ctx, { ...patch, updatedAt: ctx.clock.now() }));
  if (res.updated !== 1) throw new AppError('CONFLICT', '公告状态已变化，请刷新');
}

export async function review(input: In<'review'>, ctx: ActionContext) {
  const a = await load(ctx, input.announcementId);
  const revision = a.status === 'published' ? a.revision : null;
  allow(ctx, a, 'review', '该公告不在待审核状态');
  if (!input.approve && !input.reason) throw new AppError('INVALID_INPUT', '请填写退回原因');
  if (input.reason) await checkText(ctx, input.reason);
  const now = ctx.clock.now();
  const s = ctx.caller.staff!;
  const rev = { by: s._id, byName: s.name, at: now, approved: input.approve, ...(input.reason ? { reason: input.reason } : {}) };
  if (revision) {
    // A change to a published notice: approved, it becomes the published version (已更新);
    // returned, the published version simply stays.
    if (!input.approve) {
      await transition(ctx, a, { revision: null, review: rev });
    } else {
      const next = revision.fields;
      const override = timesChanged(a, next) ? (revision.override ?? checkNoticePeriod(ctx, next, now, input.override?.reason, now)) : null;
      await transition(ctx, a, { ...next, revisedAt: now, revision: null, review: rev, ...(override ? { override } : {}) });
    }
  } else if (!input.approve) {
    await transition(ctx, a, { status: 'draft', review: rev, publishAt: null });
  } else {
    // The requested time may have passed while waiting: then it goes out now — and the
    // notice period is checked again for that time.
    const at = a.publishAt && a.publishAt > now ? new Date(a.publishAt) : now;
    const override = a.override ?? checkNoticePeriod(ctx, a, at, input.override?.reason, now);
    await transition(ctx, a, { ...goLive(a, at, now, override), review: rev });
  }
  return view(ctx, await load(ctx, a._id));
}

export async function withdraw(input: In<'withdraw'>, ctx: ActionContext) {
  const a = await load(ctx, input.announcementId);
  await checkText(ctx, input.reason);
  allow(ctx, a, 'withdraw', '该公告当前不能撤回');
  await transition(ctx, a, { status: 'withdrawn', pinned: false, withdrawn: { by: ctx.caller.staff!._id, at: ctx.clock.now(), reason: input.reason } });
  // Messages not yet sent are not sent.
  await ctx.db.collection('announcement_deliveries').where({ announcementId: a._id, status: 'pending' }).update({ status: 'skipped', reason: 'withdrawn' });
  return view(ctx, await load(ctx, a._id));
}

export async function pin(input: In<'pin'>, ctx: ActionContext) {
  const a = await load(ctx, input.announcementId);
  allow(ctx, a, 'pin', '该公告当前不能置顶');
  await ctx.db.collection('announcements').doc(a._id).update({ pinned: input.pinned, updatedAt: ctx.clock.now() });
  return view(ctx, await load(ctx, a._id));
}

const RESTORED_TEXT: Partial<Record<AnnouncementDoc['type'], string>> = {
  water: '供水已恢复，恢复初期如水质浑浊请先放水几分钟',
  power: '供电已恢复',
  gas: '供气已恢复，使用前请检查燃气灶具',
  elevator: '电梯已恢复运行',
  renovation: '设施改造已完成，恢复正常使用',
};

/** "已恢复": one tap from an interruption notice, to the same scope, published at once. */
export async function restore(input: In<'restore'>, ctx: ActionContext) {
  const a = await load(ctx, input.announcementId);
  allow(ctx, a, 'restore', '只有已发布的停用通知可以发布恢复通知');
  const s = ctx.caller.staff!;
  const now = ctx.clock.now();
  const id = stableId('an', s.openid, input.clientRequestId);
  const title = `已恢复：${a.title}`.slice(0, 20);
  await checkText(ctx, input.body);
  const body = input.body || `${RESTORED_TEXT[a.type] ?? '相关设施已恢复使用'}，感谢您的理解与配合。`;
  const followUp: AnnouncementDoc = {
    ...fresh(ctx, now),
    _id: id,
    communityId: a.communityId,
    type: 'general',
    title,
    summary: title,
    body,
    scope: a.scope,
    images: [],
    attachments: [],
    interruption: null,
    pinned: false,
    status: 'published',
    publishAt: now,
    publishedAt: now,
    expiresAt: new Date(now.getTime() + 3 * 86400_000),
    restoredOf: a._id,
    broadcastState: 'targeting',
  };
  const result = await insertOnce(ctx, followUp);
  // The interruption notice itself is no longer pinned once service is back.
  await ctx.db.collection('announcements').doc(a._id).update({ pinned: false });
  return result;
}
