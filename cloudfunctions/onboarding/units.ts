import type { z } from 'zod';
import { AppError } from '../../src/domain/errors';
import { buildingLabel, generateUnits as unitsOf, patternSize, UNIT_PATTERN_MAX, unitKey, unitLabel, unitNoLabel, type UnitSpec } from '../../src/domain/onboarding';
import type { onboardingInputs } from '../../src/domain/onboarding-api';
import { claim, insertMissing, readAll } from '../_lib/bulk';
import type { Database } from '../_lib/cloud';
import type { ActionContext } from '../_lib/handler';
import { stableId } from '../_lib/ids';
import { requireManager } from './access';

type In<K extends keyof typeof onboardingInputs> = z.infer<(typeof onboardingInputs)[K]>;

/** A unit's id follows from its community and address: the same unit generated or imported twice is one document. */
export const unitIdOf = (communityId: string, u: { building: string; unitNo: string; room: string }) => stableId('u', communityId, u.building, u.unitNo, u.room);

export function unitDoc(communityId: string, u: Omit<UnitSpec, 'label' | 'floor'> & { floor?: number }, now: Date) {
  return {
    _id: unitIdOf(communityId, u),
    communityId,
    building: u.building,
    unitNo: u.unitNo,
    room: u.room,
    label: unitLabel(u),
    ...(u.floor !== undefined ? { floor: u.floor } : {}),
    ...(u.shop ? { shop: true } : {}),
    createdAt: now,
  };
}

/** Every unit of a community (by pages of 1000, in id order), only the fields asked for. */
export const allUnits = (db: Database, communityId: string, fields: Record<string, true>): Promise<any[]> => readAll(db, 'units', { communityId }, fields);

function checkSize(p: In<'previewUnits'>['pattern']) {
  if (patternSize(p) > UNIT_PATTERN_MAX) throw new AppError('INVALID_INPUT', `一次最多生成 ${UNIT_PATTERN_MAX} 套房屋`);
}

export async function previewUnits(input: In<'previewUnits'>, ctx: ActionContext) {
  await requireManager(ctx, input.communityId);
  checkSize(input.pattern);
  const units = unitsOf(input.pattern);
  const existing = new Set((await allUnits(ctx.db, input.communityId, { building: true, unitNo: true, room: true })).map(unitKey));
  const fresh = units.filter((u) => !existing.has(unitKey(u)));
  const floors = [...new Set(units.filter((u) => !u.shop).map((u) => u.floor))];
  return {
    total: units.length,
    create: fresh.length,
    existing: units.length - fresh.length,
    shops: units.filter((u) => u.shop).length,
    floors,
    sample: units.slice(0, 12).map((u) => u.label),
    last: units[units.length - 1]?.label ?? null,
  };
}

/** Writes the units of a pattern that do not exist yet (keyed ids: a retry writes nothing twice). */
export async function generateUnits(input: In<'generateUnits'>, ctx: ActionContext) {
  await requireManager(ctx, input.communityId);
  checkSize(input.pattern);
  const now = ctx.clock.now();
  const existing = new Set((await allUnits(ctx.db, input.communityId, { building: true, unitNo: true, room: true })).map(unitKey));
  const units = unitsOf(input.pattern).filter((u) => !existing.has(unitKey(u)));
  const inserted = await insertMissing(
    ctx.db,
    'units',
    units.map((u) => unitDoc(input.communityId, u, now)),
  );
  await ctx.db
    .collection('audit_log')
    .add({ communityId: input.communityId, actor: ctx.caller.openid, action: 'units.generated', target: input.communityId, at: now, detail: { created: inserted.size } });
  return { created: inserted.size, existing: existing.size };
}

export async function listUnits(input: In<'listUnits'>, ctx: ActionContext) {
  await requireManager(ctx, input.communityId);
  const units = await allUnits(ctx.db, input.communityId, { building: true, unitNo: true, room: true, label: true, shop: true, ownerName: true });
  const buildings = [...new Set(units.map((u) => u.building))].sort((a, b) => a.localeCompare(b, 'zh-Hans-CN', { numeric: true }));
  const building = input.building ?? buildings[0];
  return {
    buildings,
    total: units.length,
    building: building ?? null,
    units: units
      .filter((u) => u.building === building)
      .sort((a, b) => a.label.localeCompare(b.label, 'zh-Hans-CN', { numeric: true }))
      .slice(0, 1000)
      .map((u) => ({ id: u._id, building: u.building, unitNo: u.unitNo, room: u.room, label: u.label, shop: !!u.shop, hasOwner: !!u.ownerName })),
  };
}

/** Refuses a unit the community already has (same building, unit number and room). */
async function refuseTaken(ctx: ActionContext, communityId: string, u: Pick<UnitSpec, 'building' | 'unitNo' | 'room'>) {
  const found = await ctx.db
    .collection('units')
    .where({ communityId, ...u })
    .limit(1)
    .get();
  if (found.data.length > 0) throw new AppError('CONFLICT', `房屋 ${unitLabel(u)} 已存在`);
}

export async function addUnit(input: In<'addUnit'>, ctx: ActionContext) {
  await requireManager(ctx, input.communityId);
  const u = { building: buildingLabel(input.building), unitNo: unitNoLabel(input.unitNo), room: input.room };
  await refuseTaken(ctx, input.communityId, u);
  const doc = unitDoc(input.communityId, u, ctx.clock.now());
  if (!(await claim(ctx.db, 'units', doc))) throw new AppError('CONFLICT', `房屋 ${unitLabel(u)} 已存在`);
  return { id: doc._id, label: doc.label };
}

async function editableUnit(ctx: ActionContext, unitId: string) {
  const unit = (await ctx.db.collection('units').doc(unitId).get()).data[0] as any;
  if (!unit) throw new AppError('NOT_FOUND', '房屋不存在');
  await requireManager(ctx, unit.communityId);
  const _ = ctx.db.command;
  const held = (
    await ctx.db
      .collection('memberships')
      .where({ unitId, status: _.in(['pending', 'approved']) })
      .count()
  ).total;
  if (held > 0) throw new AppError('CONFLICT', '该房屋已有住户绑定或申请，不能修改或删除');
  return unit;
}

export async function renameUnit(input: In<'renameUnit'>, ctx: ActionContext) {
  const unit = await editableUnit(ctx, input.unitId);
  const u = { building: unit.building, unitNo: unit.unitNo, room: input.room };
  await refuseTaken(ctx, unit.communityId, u);
  await ctx.db
    .collection('units')
    .doc(unit._id)
    .update({ room: input.room, label: unitLabel(u) });
  return { id: unit._id, label: unitLabel(u) };
}

export async function removeUnit(input: In<'removeUnit'>, ctx: ActionContext) {
  const unit = await editableUnit(ctx, input.unitId);
  await ctx.db.collection('owner_registry').where({ unitId: unit._id }).remove();
  await ctx.db.collection('units').doc(unit._id).remove();
  await ctx.db
    .collection('audit_log')
    .add({ communityId: unit.communityId, actor: ctx.caller.openid, action: 'unit.removed', target: unit._id, at: ctx.clock.now(), detail: unit.label });
  return { removed: unit._id };
}
