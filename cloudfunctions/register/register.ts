import type { z } from 'zod';
import { AppError } from '../../src/domain/errors';
import {
  ANALYSIS_ROLES,
  analysisRow,
  dayBounds,
  foldDeskLog,
  maskPhone,
  periodKey,
  periodLabel,
  PHONE_ROLES,
  previousPeriod,
  sliceOf,
  sortKey,
  type Contribution,
  type RegisterEntry,
} from '../../src/domain/register';
import type { RegisterFilters, registerInputs } from '../../src/domain/register/api';
import { checkText } from '../_lib/content-check';
import type { ActionContext } from '../_lib/handler';
import { isDuplicate, stableId } from '../_lib/ids';
import { applyCounters } from './project';

type In<K extends keyof typeof registerInputs> = z.infer<(typeof registerInputs)[K]>;

/** The caller's community: staff only; residents never reach the register. */
export function communityOf(ctx: ActionContext): string {
  const s = ctx.caller.staff;
  if (!s) throw new AppError('FORBIDDEN', '仅物业员工可查看沟通记录');
  return s.communityId;
}
export const maySeePhones = (ctx: ActionContext) => PHONE_ROLES.some((r) => ctx.caller.roles.has(r));

/** The query of a filtered register: every filter an equality on an indexed field, then time order. */
export function whereOf(ctx: ActionContext, communityId: string, f: RegisterFilters, cursor?: string) {
  const _ = ctx.db.command;
  const { from, to } = dayBounds(f);
  const w: Record<string, unknown> = { communityId };
  if (f.type) w.type = f.type;
  if (f.category) w.category = f.category;
  if (f.building) w.building = f.building;
  if (f.staffId) w.staffId = f.staffId;
  if (f.channel) w.channel = f.channel;
  if (f.outcome) w.outcome = f.outcome;
  if (f.department) w.department = f.department;
  if (f.state) w.open = f.state === 'open';
  if (f.q) w.text = ctx.db.RegExp({ regexp: f.q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), options: 'i' });
  const sk = [from ? _.gte(sortKey(from, '')) : null, to ? _.lt(sortKey(to, '')) : null, cursor ? _.lt(cursor) : null].filter(Boolean) as any[];
  if (sk.length) w.sk = sk.length === 1 ? sk[0] : _.and(...sk);
  return w;
}

export interface RegisterItem extends Omit<RegisterEntry, 'at'> {
  at: string;
}
export const view = (e: RegisterEntry, phones: boolean): RegisterItem => ({ ...e, at: new Date(e.at).toISOString(), phone: phones ? e.phone : maskPhone(e.phone) });

export async function readPage(ctx: ActionContext, communityId: string, filters: RegisterFilters, cursor: string | undefined, pageSize: number) {
  const docs = (
    await ctx.db
      .collection('register_entries')
      .where(whereOf(ctx, communityId, filters, cursor))
      .orderBy('sk', 'desc')
      .limit(pageSize + 1)
      .get()
  ).data as RegisterEntry[];
  const items = docs.slice(0, pageSize);
  return { items, nextCursor: docs.length > pageSize ? items[items.length - 1].sk : undefined };
}

export async function list(input: In<'list'>, ctx: ActionContext) {
  const communityId = communityOf(ctx);
  const phones = maySeePhones(ctx);
  const page = await readPage(ctx, communityId, input.filters, input.cursor, input.pageSize);
  return { items: page.items.map((e) => view(e, phones)), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

/** Desk logs a contact that never became a ticket; a retry with the same requestKey returns the same entry. */
export async function log(input: In<'log'>, ctx: ActionContext) {
  const communityId = communityOf(ctx);
  const me = ctx.caller.staff!;
  await checkText(ctx, input.text, input.who, input.building);
  const id = stableId('dl', ctx.caller.openid!, input.requestKey);
  const now = ctx.clock.now();
  const entry: RegisterEntry = {
    _id: id,
    sk: sortKey(now, id),
    communityId,
    at: now,
    source: 'desk',
    action: 'logged',
    type: input.type,
    category: '',
    building: input.building,
    unitId: null,
    department: 'desk',
    channel: input.channel,
    who: input.who,
    phone: input.phone ?? '',
    text: input.text,
    outcome: input.outcome,
    staffId: me._id,
    staffName: me.name,
    ownerStaffId: me._id,
    ownerName: me.name,
    ticketId: null,
    ticketNo: '',
    open: false,
  };
  const contributions = new Map<string, Contribution[]>([[communityId, foldDeskLog(entry)]]);
  for (let attempt = 0; ; attempt++) {
    try {
      await ctx.db.runTransaction(async (tx: any) => {
        await tx.collection('register_entries').add(entry);
        await applyCounters(tx, contributions);
      });
      return { id, created: true };
    } catch (e) {
      if (isDuplicate(e)) return { id, created: false };
      if ((e as any)?.code === 'DATABASE_TRANSACTION_CONFLICT' && attempt < 3) continue;
      throw e;
    }
  }
}

const SCOPE_DIMS = { community: 'community', building: 'building', department: 'department', person: 'person' } as const;

/** The period's analysis: the community's document, the previous period's (trend), the chosen breakdown and the reach. */
export async function analysis(input: In<'analysis'>, ctx: ActionContext) {
  const communityId = communityOf(ctx);
  if (!ANALYSIS_ROLES.some((r) => ctx.caller.roles.has(r))) throw new AppError('FORBIDDEN', '仅主管或管理员可查看服务分析');
  return readAnalysis(ctx, communityId, input.period.kind, input.period.key, input.scope);
}

export async function readAnalysis(ctx: ActionContext, communityId: string, kind: 'week' | 'month', key: string | undefined, scope: keyof typeof SCOPE_DIMS) {
  const period = key ?? periodKey(kind, ctx.clock.now());
  if ((kind === 'month') !== period.startsWith('M')) throw new AppError('INVALID_INPUT', '周期类型与周期不一致');
  const prev = previousPeriod(period);
  const stats = ctx.db.collection('register_stats');
  const [cur, before, reach, parts] = await Promise.all([
    stats.doc(`${communityId}:${period}:community:all`).get(),
    stats.doc(`${communityId}:${prev}:community:all`).get(),
    period.startsWith('M') ? stats.doc(`${communityId}:${period}:reach:all`).get() : Promise.resolve({ data: [] }),
    scope === 'community' ? Promise.resolve({ data: [] }) : stats.where({ communityId, period, dim: SCOPE_DIMS[scope] }).limit(200).get(),
  ]);
  const c = ((cur.data as any[])[0]?.counts ?? {}) as Record<string, number>;
  const p = ((before.data as any[])[0]?.counts ?? {}) as Record<string, number>;
  const prevCats = new Map(sliceOf(p, 'category').map((x) => [x.key, x.n]));
  return {
    period,
    label: periodLabel(period),
    previous: prev,
    summary: analysisRow('all', '全小区', c),
    previousSummary: analysisRow('all', '全小区', p),
    types: sliceOf(c, 'type'),
    channels: sliceOf(c, 'channel'),
    topCategories: sliceOf(c, 'category')
      .slice(0, 8)
      .map((x) => ({ ...x, previous: prevCats.get(x.key) ?? 0 })),
    reach: ((reach.data as any[])[0]?.counts ?? { notices: 0, sent: 0, reads: 0 }) as Record<string, number>,
    rows: (parts.data as any[]).map((d) => analysisRow(d.key, d.label, d.counts)).sort((a, b) => b.contacts + b.tickets - (a.contacts + a.tickets)),
  };
}
