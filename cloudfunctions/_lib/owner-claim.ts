import { canAutoApprove, hasRegistry, OWNER_CLAIM_LIMITS } from '../../src/domain/membership';
import type { ActionContext } from './handler';
import { giveBack, take, used, type RateLimit } from './rate-limit';

/**
 * The owner-registry guess counters, shared by every way a person claims a unit by name and
 * phone (account's owner binding, movein's booking by a person not yet bound). The scopes and
 * keys are exactly those of `account/bindings.ts`, so a guess spent in one place counts in the
 * other: per person and unit (ever) and per unit (per Beijing day).
 */
export const MISS_PERSON: RateLimit = { limit: OWNER_CLAIM_LIMITS.perPersonUnit, windowSec: null };
export const MISS_UNIT: RateLimit = { limit: OWNER_CLAIM_LIMITS.perUnitPerDay, windowSec: 86400 };
export const MISS_PERSON_SCOPE = 'owner-claim-miss:person';
export const MISS_UNIT_SCOPE = 'owner-claim-miss:unit';

export type RegistryCheck = 'match' | 'mismatch' | 'limited' | 'no-registry';

/**
 * Checks a claimant's name and phone against the unit's owner registry, spending a slot of both
 * guess counters (atomically) first; a match gives them back, a miss keeps them. With no slot
 * left the check is not made at all and the unit is flagged for the desk, as account does.
 */
export async function checkOwnerRegistry(
  ctx: ActionContext,
  unit: { _id: string; ownerName?: string; ownerPhone?: string },
  claim: { name: string; phone: string },
  now: Date,
): Promise<RegistryCheck> {
  const { db } = ctx;
  if (!hasRegistry(unit)) return 'no-registry';
  const personKey = `${ctx.caller.openid}:${unit._id}`;
  const [p, u] = await Promise.all([take(db, MISS_PERSON_SCOPE, personKey, MISS_PERSON, now), take(db, MISS_UNIT_SCOPE, unit._id, MISS_UNIT, now)]);
  if (!p.ok || !u.ok) {
    await Promise.all([p.ok && giveBack(db, MISS_PERSON_SCOPE, personKey, MISS_PERSON, now), u.ok && giveBack(db, MISS_UNIT_SCOPE, unit._id, MISS_UNIT, now)]);
    await flag(ctx, unit._id, personKey, now);
    return 'limited';
  }
  if (canAutoApprove(unit, { ...claim, relation: 'owner' })) {
    await Promise.all([giveBack(db, MISS_PERSON_SCOPE, personKey, MISS_PERSON, now), giveBack(db, MISS_UNIT_SCOPE, unit._id, MISS_UNIT, now)]);
    return 'match';
  }
  const [pu, uu] = await Promise.all([used(db, MISS_PERSON_SCOPE, personKey, MISS_PERSON, now), used(db, MISS_UNIT_SCOPE, unit._id, MISS_UNIT, now)]);
  if (pu >= MISS_PERSON.limit || uu >= MISS_UNIT.limit) await flag(ctx, unit._id, personKey, now, Math.max(pu, uu));
  return 'mismatch';
}

async function flag(ctx: ActionContext, unitId: string, personKey: string, now: Date, known?: number) {
  const misses = known ?? Math.max(...(await Promise.all([used(ctx.db, MISS_PERSON_SCOPE, personKey, MISS_PERSON, now), used(ctx.db, MISS_UNIT_SCOPE, unitId, MISS_UNIT, now)])));
  await ctx.db
    .collection('units')
    .doc(unitId)
    .update({ bindingFlag: { at: now, misses, reason: 'owner-claim-misses' } });
}
