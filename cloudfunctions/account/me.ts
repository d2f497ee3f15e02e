import type { MeView } from '../../src/domain/identity';
import type { StaffDoc } from '../_lib/caller';
import type { ActionContext, PrefetchContext } from '../_lib/handler';
import { placedViews, staffView, withPlaces, type PlacedMembership } from './views';

/**
 * My homes (any state but removed) with their units and communities joined in: read together
 * with the staff record while the caller is resolved (one round-trip step).
 */
export function myHomes(_input: unknown, { db, openid }: PrefetchContext): Promise<PlacedMembership[]> {
  return withPlaces(db, { openid, status: db.command.in(['approved', 'pending', 'rejected']) }, { sort: -1, limit: 50 });
}

/**
 * Who am I: my homes, my staff record, and my community. Two round trips in one step; the
 * communities none of my homes joined in (a staff member's own, the others they serve, for the
 * switcher) are read once more, together, in one query.
 */
export async function me(_input: unknown, { caller, db, prefetched }: ActionContext): Promise<MeView> {
  const mine = prefetched as PlacedMembership[];
  const homes = placedViews(mine, { revealPhoneOf: caller.openid ?? undefined });
  const communityId = caller.staff?.communityId ?? homes.find((h) => h.status === 'approved')?.communityId ?? homes[0]?.communityId;
  const known = new Map<string, any>();
  for (const m of mine) if (m.community?.[0]) known.set(m.communityId, m.community[0]);
  const missing = [...new Set([communityId, ...caller.staffships.map((s) => s.communityId)])].filter((id): id is string => !!id && !known.has(id));
  if (missing.length) {
    const res = await db
      .collection('communities')
      .where({ _id: db.command.in(missing) })
      .field({ name: true, hotline: true })
      .limit(missing.length)
      .get();
    for (const d of res.data as any[]) known.set(d._id, d);
  }
  const c = communityId ? known.get(communityId) : undefined;
  const community: MeView['community'] = c ? { _id: c._id, name: c.name, hotline: c.hotline } : null;
  const staff = caller.staff ? await staffView(db, caller.staff, c?.name ?? '') : null;
  return { openid: caller.openid!, homes, staff, community, staffCommunities: staffCommunities(caller.staffships, known) };
}

/** The communities the person serves (the switcher's choices), by name. */
function staffCommunities(records: readonly StaffDoc[], known: Map<string, { name?: string }>): MeView['staffCommunities'] {
  return records
    .map((s) => ({ communityId: s.communityId, communityName: known.get(s.communityId)?.name ?? '', roles: s.roles }))
    .sort((a, b) => a.communityName.localeCompare(b.communityName, 'zh'));
}
