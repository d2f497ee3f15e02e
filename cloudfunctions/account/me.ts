import type { MeView } from '../../src/domain/identity';
import type { ActionContext } from '../_lib/handler';
import type { MembershipDoc } from '../_lib/caller';
import { homeViews, staffView } from './views';

/** Who am I: my homes (any state but removed), my staff record, and my community. */
export async function me(_input: unknown, { caller, db }: ActionContext): Promise<MeView> {
  const _ = db.command;
  const mine = await db
    .collection('memberships')
    .where({ openid: caller.openid, status: _.in(['approved', 'pending', 'rejected']) })
    .orderBy('createdAt', 'desc')
    .limit(50)
    .get();
  const homes = await homeViews(db, mine.data as MembershipDoc[], { revealPhoneOf: caller.openid ?? undefined });
  const staff = caller.staff ? await staffView(db, caller.staff) : null;
  const communityId = caller.staff?.communityId ?? homes.find((h) => h.status === 'approved')?.communityId ?? homes[0]?.communityId;
  let community: MeView['community'] = null;
  if (communityId) {
    const c = (await db.collection('communities').doc(communityId).get()).data[0] as any;
    if (c) community = { _id: c._id, name: c.name, hotline: c.hotline };
  }
  return { openid: caller.openid!, homes, staff, community };
}
