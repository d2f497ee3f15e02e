import type { z } from 'zod';
import { AppError } from '../../src/domain/errors';
import type { CallerMatch, SearchPage, ticketInputs } from '../../src/domain/tickets/api';
import { isContactPhone } from '../../src/domain/limits-staff';
import { maskPhoneTail } from '../../src/domain/membership';
import { RELATION_LABELS, type Relation } from '../../src/domain/roles';
import type { ActionContext } from '../_lib/handler';
import type { TicketDoc } from './model';
import { summary } from './views';

type In<K extends keyof typeof ticketInputs> = z.infer<(typeof ticketInputs)[K]>;

/** Who may look people up by phone: those who take calls and already see callers' numbers. */
const PHONE_ROLES = ['desk', 'supervisor', 'admin'] as const;
const mayUsePhones = (ctx: ActionContext) => PHONE_ROLES.some((r) => ctx.caller.roles.has(r));
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NO_RE = /^(BX|TS|ZX)-?(\d{8})-?(\d{1,4})$/i;
const beijingMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`);

/** Keyset cursor over createdAt (newest first): the time of the last item and how many items at exactly that time were already shown. */
function readCursor(cursor?: string): { at: number; skip: number } | null {
  const m = cursor ? /^(\d{1,15})\.(\d{1,4})$/.exec(cursor) : null;
  return m ? { at: Number(m[1]), skip: Number(m[2]) } : null;
}

async function unitsWhere(ctx: ActionContext, where: object, limit: number): Promise<{ _id: string; label: string }[]> {
  const res = await ctx.db.collection('units').where(where).field({ _id: true, label: true }).limit(limit).get();
  return res.data as { _id: string; label: string }[];
}

/**
 * Staff search over the community's tickets, closed ones included: the text is read as a ticket
 * number, a phone (desk, supervisors, admins only), a unit (label contains it) or a contact name;
 * filters narrow by type, category, building, status group and 北京时间 days. Each text kind has
 * its own index (schema.ts), newest first, keyset-paged.
 */
export async function search(input: In<'search'>, ctx: ActionContext): Promise<SearchPage> {
  const _ = ctx.db.command;
  const communityId = ctx.caller.staff!.communityId;
  const where: Record<string, unknown> = { communityId };
  let matchedBy: SearchPage['matchedBy'];
  let unitIds: string[] | null = input.unitId ? [input.unitId] : null;
  const narrowUnits = (ids: string[]) => (unitIds = unitIds ? unitIds.filter((u) => ids.includes(u)) : ids);

  const q = input.q?.replace(/\s+/g, '');
  if (q) {
    const no = NO_RE.exec(q);
    if (no) {
      where.no = `${no[1].toUpperCase()}-${no[2]}-${no[3].padStart(4, '0')}`;
      matchedBy = 'no';
    } else if (isContactPhone(q)) {
      if (!mayUsePhones(ctx)) throw new AppError('FORBIDDEN', '仅客服、主管和管理员可以按电话查找');
      where.contactPhone = q;
      matchedBy = 'phone';
    } else {
      const units = await unitsWhere(ctx, { communityId, label: ctx.db.RegExp({ regexp: escapeRe(q), options: 'i' }) }, 200);
      if (units.length) {
        narrowUnits(units.map((u) => u._id));
        matchedBy = 'unit';
      } else {
        where.contactName = q;
        matchedBy = 'name';
      }
    }
  }
  if (input.building) narrowUnits((await unitsWhere(ctx, { communityId, building: input.building }, 2000)).map((u) => u._id));
  if (unitIds) {
    if (unitIds.length === 0) return { items: [], ...(matchedBy ? { matchedBy } : {}) };
    where.unitId = unitIds.length === 1 ? unitIds[0] : _.in(unitIds);
  }
  if (input.type) where.type = input.type;
  if (input.category) where.category = input.category;
  if (input.status === 'open') where.open = true;
  else if (input.status === 'resolved') where.status = 'resolved';
  else if (input.status === 'closed') where.status = _.in(['closed', 'cancelled']);

  const cursor = readCursor(input.cursor);
  const toEnd = input.to ? beijingMidnight(input.to).getTime() + 86400_000 : Infinity;
  const upper = Math.min(toEnd, cursor ? cursor.at + 1 : Infinity);
  const lower = input.from ? beijingMidnight(input.from) : null;
  if (lower && upper !== Infinity) where.createdAt = _.gte(lower).and(_.lt(new Date(upper)));
  else if (lower) where.createdAt = _.gte(lower);
  else if (upper !== Infinity) where.createdAt = _.lt(new Date(upper));

  const res = await ctx.db
    .collection('tickets')
    .where(where)
    .orderBy('createdAt', 'desc')
    .skip(cursor?.skip ?? 0)
    .limit(input.pageSize + 1)
    .get();
  const docs = res.data as TicketDoc[];
  const page = docs.slice(0, input.pageSize);
  const now = ctx.clock.now();
  let nextCursor: string | undefined;
  if (docs.length > input.pageSize) {
    const last = new Date(page[page.length - 1].createdAt).getTime();
    const same = page.filter((t) => new Date(t.createdAt).getTime() === last).length;
    nextCursor = `${last}.${same + (cursor && cursor.at === last ? cursor.skip : 0)}`;
  }
  return { items: page.map((t) => summary(t, now)), ...(nextCursor ? { nextCursor } : {}), ...(matchedBy ? { matchedBy } : {}) };
}

/**
 * Desk logging: who is calling. By phone — members of a home in this community with that number,
 * then earlier callers with it (历史来电); by unit — the home's members, their numbers masked (the
 * desk asks the caller rather than learning a number from a flat). Rate-limited like a lookup.
 */
export async function lookupCaller(input: In<'lookupCaller'>, ctx: ActionContext): Promise<CallerMatch[]> {
  const communityId = ctx.caller.staff!.communityId;
  if (input.phone) {
    const [members, tickets] = await Promise.all([
      ctx.db.collection('memberships').where({ communityId, phone: input.phone, status: 'approved' }).limit(10).get(),
      ctx.db.collection('tickets').where({ communityId, contactPhone: input.phone }).orderBy('createdAt', 'desc').limit(5).get(),
    ]);
    const ms = members.data as { name: string; unitId: string; relation: Relation }[];
    const labels = await labelsOf(
      ctx,
      communityId,
      ms.map((m) => m.unitId),
    );
    const out: CallerMatch[] = ms.map((m) => ({
      name: m.name,
      unitId: m.unitId,
      ...(labels.get(m.unitId) ? { unitLabel: labels.get(m.unitId) } : {}),
      source: RELATION_LABELS[m.relation] ?? '住户',
    }));
    for (const t of tickets.data as TicketDoc[]) {
      if (out.some((o) => o.name === t.contactName && o.unitId === (t.unitId ?? undefined))) continue;
      out.push({ name: t.contactName, ...(t.unitId ? { unitId: t.unitId, unitLabel: t.location.label } : {}), source: '历史来电' });
    }
    return out;
  }
  const unit = (await ctx.db.collection('units').doc(input.unitId!).get()).data[0] as { communityId: string; label: string } | undefined;
  if (!unit || unit.communityId !== communityId) throw new AppError('NOT_FOUND', '房屋不存在');
  const members = await ctx.db.collection('memberships').where({ unitId: input.unitId, status: 'approved' }).limit(10).get();
  return (members.data as { name: string; phone: string; relation: Relation }[]).map((m) => ({
    name: m.name,
    unitId: input.unitId!,
    unitLabel: unit.label,
    phoneMasked: maskPhoneTail(m.phone),
    source: RELATION_LABELS[m.relation] ?? '住户',
  }));
}

async function labelsOf(ctx: ActionContext, communityId: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const units = await unitsWhere(ctx, { communityId, _id: ctx.db.command.in([...new Set(ids)]) }, 20);
  return new Map(units.map((u) => [u._id, u.label]));
}
