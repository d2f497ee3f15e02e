import type { z } from 'zod';
import type { accountInputs, UnitView } from '../../src/domain/identity';
import type { ActionContext } from '../_lib/handler';

export async function listCommunities(_input: unknown, { db }: ActionContext) {
  // The service hotline is public (it is on every notice board): someone not yet bound can call it from 首页.
  const res = await db.collection('communities').field({ name: true, address: true, hotline: true }).orderBy('name', 'asc').limit(100).get();
  return res.data.map((c: any) => ({ _id: c._id, name: c.name, address: c.address ?? '', hotline: c.hotline ?? '' }));
}

/** Units of a community (optionally one building), in building/unit/room order. */
export async function listUnits(input: z.infer<typeof accountInputs.listUnits>, { db }: ActionContext): Promise<UnitView[]> {
  const where: Record<string, string> = { communityId: input.communityId };
  if (input.building) where.building = input.building;
  const res = await db
    .collection('units')
    .where(where)
    .field({ communityId: true, building: true, unitNo: true, room: true, label: true })
    .orderBy('building', 'asc')
    .orderBy('unitNo', 'asc')
    .orderBy('room', 'asc')
    .limit(1000)
    .get();
  return res.data as UnitView[];
}
