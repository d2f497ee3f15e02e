import { z } from 'zod';
import { IMPORT_KINDS, normalizeSetupCode, SETUP_CODE_LENGTH } from './onboarding';
import { STAFF_ROLES } from './roles';

/** Inputs of the `onboarding` function (zod; kept apart from the rules so the client bundles no zod). */

const text = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, { message: `请填写${what}` })
    .max(max, { message: `${what}不超过 ${max} 个字` });
const idSchema = z.string().trim().min(1).max(64);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '时间格式应为 HH:mm' });

export const communityInput = z
  .object({
    name: text(30, '小区名称'),
    address: text(80, '地址'),
    hotline: z
      .string()
      .trim()
      .regex(/^[\d-]{5,20}$/, { message: '服务电话格式不正确' }),
    deskHours: z.object({ open: hhmm, close: hhmm }).strict(),
  })
  .strict();

export const unitPatternInput = z
  .object({
    /** Building numbers, e.g. 1..buildings → 1栋 … */
    buildings: z.number().int().min(1).max(100),
    /** Stair units (单元) per building. */
    unitsPerBuilding: z.number().int().min(1).max(10),
    floors: z.number().int().min(1).max(60),
    roomsPerFloor: z.number().int().min(1).max(20),
    /** Floor numbers a community skips (4, 13, 14 …): the floor above keeps its own number. */
    skipFloors: z.array(z.number().int().min(1).max(99)).max(20).default([]),
    /** Ground-floor shops per building (商铺), numbered S01… under 1单元. */
    shopsPerBuilding: z.number().int().min(0).max(50).default(0),
    /** First building number (default 1). */
    firstBuilding: z.number().int().min(1).max(999).default(1),
  })
  .strict();

// ---------------------------------------------------------------- action inputs

export const onboardingInputs = {
  me: z.object({}).strict(),
  redeemSetupCode: z
    .object({
      code: z
        .string()
        .transform(normalizeSetupCode)
        .pipe(z.string().length(SETUP_CODE_LENGTH, { message: `初始化码为 ${SETUP_CODE_LENGTH} 位` })),
      name: z.string().trim().min(1, { message: '请填写姓名' }).max(20),
    })
    .strict(),
  createCommunity: communityInput.extend({ clientRequestId: z.string().trim().min(8).max(64) }).strict(),
  listCommunities: z.object({}).strict(),
  appointStaff: z.object({ communityId: idSchema, roles: z.array(z.enum(STAFF_ROLES)).min(1).max(STAFF_ROLES.length), note: z.string().trim().max(40).optional() }).strict(),
  previewUnits: z.object({ communityId: idSchema, pattern: unitPatternInput }).strict(),
  generateUnits: z.object({ communityId: idSchema, pattern: unitPatternInput }).strict(),
  listUnits: z.object({ communityId: idSchema, building: z.string().trim().max(20).optional() }).strict(),
  addUnit: z
    .object({ communityId: idSchema, building: z.string().trim().min(1).max(20), unitNo: z.string().trim().min(1).max(20), room: z.string().trim().min(1).max(20) })
    .strict(),
  renameUnit: z.object({ unitId: idSchema, room: z.string().trim().min(1).max(20) }).strict(),
  removeUnit: z.object({ unitId: idSchema }).strict(),
  prepareUpload: z.object({ communityId: idSchema }).strict(),
  previewImport: z.object({ communityId: idSchema, kind: z.enum(IMPORT_KINDS), fileID: z.string().min(1).max(300) }).strict(),
  confirmImport: z.object({ importId: idSchema }).strict(),
  importStatus: z.object({ importId: idSchema }).strict(),
  template: z.object({ kind: z.enum(IMPORT_KINDS) }).strict(),
  /** Company admin: the company's staff people (one row per person, the communities they serve). */
  listPeople: z.object({}).strict(),
  /** Company admin: appoints a person already on staff (any of their records) to another community, with roles there. */
  appointExisting: z.object({ communityId: idSchema, staffId: idSchema, roles: z.array(z.enum(STAFF_ROLES)).min(1).max(STAFF_ROLES.length) }).strict(),
};
