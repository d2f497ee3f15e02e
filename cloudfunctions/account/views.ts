import type { BindingRequestView, HomeView, StaffView } from '../../src/domain/identity';
import { maskPhoneTail } from '../../src/domain/membership';
import type { Database } from '../_lib/cloud';
import type { MembershipDoc, StaffDoc } from '../_lib/caller';

/**
 * Loads unit labels and community names for a set of memberships in two queries. Someone
 * else's phone shows its last 4 digits only; with `forDesk`, pending requests carry the
 * claimant's whole `phone` (to call and verify), why they wait, and the unit's flag.
 */
export async function homeViews(db: Database, ms: MembershipDoc[], opts: { revealPhoneOf?: string; forDesk?: boolean } = {}): Promise<BindingRequestView[]> {
  if (ms.length === 0) return [];
  const _ = db.command;
  const unitIds = [...new Set(ms.map((m) => m.unitId))];
  const communityIds = [...new Set(ms.map((m) => m.communityId))];
  const [units, communities] = await Promise.all([
    db
      .collection('units')
      .where({ _id: _.in(unitIds) })
      .field({ label: true, bindingFlag: true })
      .limit(100)
      .get(),
    db
      .collection('communities')
      .where({ _id: _.in(communityIds) })
      .field({ name: true })
      .limit(100)
      .get(),
  ]);
  const label = new Map(units.data.map((u: any) => [u._id, u.label]));
  const flag = new Map(units.data.filter((u: any) => u.bindingFlag).map((u: any) => [u._id, u.bindingFlag]));
  const cname = new Map(communities.data.map((c: any) => [c._id, c.name]));
  return views(ms, label, flag, cname, opts);
}

function views(
  ms: MembershipDoc[],
  label: Map<string, string>,
  flag: Map<string, any>,
  cname: Map<string, string>,
  opts: { revealPhoneOf?: string; forDesk?: boolean },
): BindingRequestView[] {
  return ms.map((m) => ({
    membershipId: m._id,
    unitId: m.unitId,
    label: label.get(m.unitId) ?? '',
    communityId: m.communityId,
    communityName: cname.get(m.communityId) ?? '',
    relation: m.relation,
    status: m.status,
    name: m.name,
    phoneMasked: opts.revealPhoneOf && m.openid === opts.revealPhoneOf ? m.phone : maskPhoneTail(m.phone),
    createdAt: new Date(m.createdAt).toISOString(),
    ...(m.decidedAt ? { decidedAt: new Date(m.decidedAt).toISOString() } : {}),
    ...(m.reason ? { reason: m.reason } : {}),
    ...(opts.forDesk && m.status === 'pending' ? { phone: m.phone } : {}),
    ...(opts.forDesk && m.review ? { review: m.review as BindingRequestView['review'] } : {}),
    ...(opts.forDesk && flag.has(m.unitId) ? { unitFlag: { at: new Date(flag.get(m.unitId).at).toISOString(), misses: flag.get(m.unitId).misses ?? 0 } } : {}),
  }));
}

/** A membership with its unit and community joined in (`withPlaces`). */
export type PlacedMembership = MembershipDoc & {
  unit?: { label?: string; bindingFlag?: { at: Date; misses?: number } }[];
  community?: { name?: string; hotline?: string }[];
  /** With `household`: every membership of the same unit (any status; the caller filters). */
  household?: MembershipDoc[];
};

/**
 * Memberships matching `where` with their unit's label and community's name joined in by the
 * database: one round trip where `find` + `homeViews` take two steps. `household` also joins the
 * unit's memberships (the desk's review facts) into the same round trip.
 */
export async function withPlaces(
  db: Database,
  where: Record<string, unknown>,
  opts: { sort: 1 | -1; limit: number; skip?: number; household?: boolean },
): Promise<PlacedMembership[]> {
  let q = db.collection('memberships').aggregate().match(where).sort({ createdAt: opts.sort });
  if (opts.skip) q = q.skip(opts.skip);
  q = q
    .limit(opts.limit)
    .lookup({ from: 'units', localField: 'unitId', foreignField: '_id', as: 'unit' })
    .lookup({ from: 'communities', localField: 'communityId', foreignField: '_id', as: 'community' });
  if (opts.household) q = q.lookup({ from: 'memberships', localField: 'unitId', foreignField: 'unitId', as: 'household' });
  const res = await q.end();
  return (res as any).data as PlacedMembership[];
}

/** `homeViews` of memberships whose unit and community are already joined in (no round trip). */
export function placedViews(ms: PlacedMembership[], opts: { revealPhoneOf?: string; forDesk?: boolean } = {}): BindingRequestView[] {
  return views(
    ms,
    new Map(ms.map((m) => [m.unitId, m.unit?.[0]?.label ?? ''])),
    new Map(ms.filter((m) => m.unit?.[0]?.bindingFlag).map((m) => [m.unitId, m.unit![0].bindingFlag])),
    new Map(ms.map((m) => [m.communityId, m.community?.[0]?.name ?? ''])),
    opts,
  );
}

export async function communityName(db: Database, communityId: string): Promise<string> {
  const c = await db.collection('communities').doc(communityId).field({ name: true }).get();
  return (c.data[0] as any)?.name ?? '';
}

/** A staff record as the client sees it; pass the community's name when listing many. */
export async function staffView(db: Database, s: StaffDoc, name?: string): Promise<StaffView> {
  return {
    staffId: s._id,
    communityId: s.communityId,
    communityName: name ?? (await communityName(db, s.communityId)),
    name: s.name,
    roles: s.roles,
    active: s.active,
    onDuty: s.onDuty,
  };
}

export async function audit(db: Database, entry: { communityId: string; actor: string; action: string; target: string; at: Date; detail?: unknown }) {
  await db.collection('audit_log').add(entry);
}
