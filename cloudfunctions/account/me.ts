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
 * Who am I: my homes, my staff record, and my community. Two round trips in one step; a
 * staff member's community is read once more only when none of their homes is in it.
 */
export async function me(_input: unknown, { caller, db, prefetched }: ActionContext): Promise<MeView> {
  const mine = prefetched as PlacedMembership[];
  const homes = placedViews(mine, { revealPhoneOf: caller.openid ?? undefined });
  const communityId = caller.staff?.communityId ?? homes.find((h) => h.status === 'approved')?.communityId ?? homes[0]?.communityId;
  let c: any = mine.find((m) => m.communityId === communityId)?.community?.[0];
  if (!c && communityId) c = (await db.collection('communities').doc(communityId).get()).data[0] as any;
  const community: MeView['community'] = c ? { _id: c._id, name: c.name, hotline: c.hotline } : null;
  const staff = caller.staff ? await staffView(db, caller.staff, c?.name ?? '') : null;
  return { openid: caller.openid!, homes, staff, community, staffCommunities: await staffCommunities(db, caller.staffships, c) };
}

/** The communities the person serves (the switcher's choices): names read in one query, only when there are several. */
async function staffCommunities(db: ActionContext['db'], records: readonly StaffDoc[], known: any): Promise<MeView['staffCommunities']> {
  const ids = records.map((s) => s.communityId).filter((id) => id !== known?._id);
  const names = new Map<string, string>(known ? [[known._id, known.name]] : []);
  if (ids.length) {
    const res = await db
      .collection('communities')
      .where({ _id: db.command.in(ids) })
      .field({ name: true })
      .limit(ids.length)
      .get();
    for (const d of res.data as any[]) names.set(d._id, d.name);
  }
  return records
    .map((s) => ({ communityId: s.communityId, communityName: names.get(s.communityId) ?? '', roles: s.roles }))
    .sort((a, b) => a.communityName.localeCompare(b.communityName, 'zh'));
}
