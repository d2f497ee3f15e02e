import { z } from 'zod';
import { MAINTENANCE_TASKS, REGULATED, SYSTEM_CODES, type MaintenanceTask, type RegulatedKind } from './facilities';

/** Inputs of the `facilities` function (设施设备: assets, rounds, maintenance). */
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `不能超过 ${max} 字` });
const id = z.string().trim().min(1).max(64);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { message: '时间格式应为 HH:mm' });
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' });

const windowHours = (max: number) =>
  z
    .number({ message: '完成时限应为数字' })
    .min(0.5, { message: '完成时限至少 0.5 小时' })
    .max(max, { message: `完成时限最多 ${max} 小时` });
const schedule = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('hourly'),
      everyHours: z.number({ message: '间隔小时应为数字' }).int({ message: '间隔小时应为整数' }).min(1, { message: '间隔至少 1 小时' }).max(24, { message: '间隔最多 24 小时' }),
      from: hhmm,
      to: hhmm,
    })
    .strict(),
  z.object({ kind: z.literal('daily'), at: hhmm, windowHours: windowHours(24) }).strict(),
  z
    .object({
      kind: z.literal('weekly'),
      weekday: z.number().int().min(1, { message: '星期应为 1–7' }).max(7, { message: '星期应为 1–7' }),
      at: hhmm,
      windowHours: windowHours(168),
    })
    .strict(),
  z
    .object({
      kind: z.literal('monthly'),
      day: z.number().int().min(1).max(28, { message: '每月日期应为 1–28 日（每个月都有）' }),
      at: hhmm,
      windowHours: windowHours(672),
    })
    .strict(),
]);

const itemId = z.string().regex(/^[a-z0-9_-]{1,32}$/i, { message: '检查项编号只能是字母、数字、-、_' });
const label = text(40).min(1, { message: '请填写检查项名称' });
const item = z.discriminatedUnion('kind', [
  z
    .object({
      id: itemId,
      kind: z.literal('number'),
      label,
      unit: text(10).min(1, { message: '请填写读数单位' }),
      min: z.number({ message: '正常范围应为数字' }).nullable().optional(),
      max: z.number({ message: '正常范围应为数字' }).nullable().optional(),
    })
    .strict(),
  z
    .object({
      id: itemId,
      kind: z.literal('choice'),
      label,
      options: z
        .array(text(20).min(1, { message: '选项不能为空' }))
        .min(2, { message: '选择题至少 2 个选项' })
        .max(10, { message: '选择题最多 10 个选项' }),
      bad: z.array(text(20)).max(10).default([]),
    })
    .strict(),
  z.object({ id: itemId, kind: z.literal('yesno'), label, ok: z.boolean().default(true) }).strict(),
  z.object({ id: itemId, kind: z.literal('photo'), label }).strict(),
  z.object({ id: itemId, kind: z.literal('note'), label }).strict(),
]);

const value = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('number'), value: z.number(), unit: text(10) }).strict(),
  z.object({ kind: z.literal('choice'), value: text(20) }).strict(),
  z.object({ kind: z.literal('yesno'), value: z.boolean() }).strict(),
  z.object({ kind: z.literal('photo'), fileIds: z.array(z.string().max(300)).min(1).max(9) }).strict(),
  z.object({ kind: z.literal('note'), text: text(500) }).strict(),
]);

const interval = z.union([
  z
    .object({ days: z.number({ message: '周期应为数字' }).int({ message: '周期应为整数' }).min(1, { message: '周期至少 1 天' }).max(3660, { message: '周期最多 3660 天' }) })
    .strict(),
  z
    .object({ months: z.number({ message: '周期应为数字' }).int({ message: '周期应为整数' }).min(1, { message: '周期至少 1 个月' }).max(120, { message: '周期最多 120 个月' }) })
    .strict(),
]);
const mschedule = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('fixed'), every: interval, anchor: date }).strict(),
  z
    .object({
      mode: z.literal('floating'),
      afterDays: z.number({ message: '间隔天数应为数字' }).int({ message: '间隔天数应为整数' }).min(1, { message: '间隔至少 1 天' }).max(3660, { message: '间隔最多 3660 天' }),
    })
    .strict(),
]);
const taskKinds = Object.keys(MAINTENANCE_TASKS) as [MaintenanceTask, ...MaintenanceTask[]];
const regulatedKinds = Object.keys(REGULATED) as [RegulatedKind, ...RegulatedKind[]];
const part = z.object({ name: text(40).min(1), qty: z.number().positive().max(10_000), unitCost: z.number().min(0).max(1_000_000).default(0) }).strict();

export const facilitiesInputs = {
  addSystem: z.object({ code: z.string().regex(/^[a-z][a-z0-9-]{1,23}$/, { message: '系统编码为小写字母开头的 2–24 位字母数字' }), label: text(20).min(1) }).strict(),
  systems: z.object({}).strict(),
  saveAsset: z
    .object({
      assetId: id.optional(),
      /** A create's request id: a double tap or a retry registers the asset once. */
      clientRequestId: id.optional(),
      name: text(40).min(1, { message: '请填写设备名称' }),
      system: z.string().trim().min(1).max(24),
      building: text(20).default(''),
      floor: text(10).default(''),
      area: text(40).min(1, { message: '请填写位置' }),
      model: text(40).default(''),
      manufacturer: text(40).default(''),
      installDate: date.nullable().default(null),
      contractor: text(40).default(''),
      contractorPhone: text(20).default(''),
      regulated: z.enum(regulatedKinds).nullable().default(null),
    })
    .strict(),
  assets: z.object({ system: z.string().max(24).optional() }).strict(),
  asset: z.union([
    z
      .object({
        code: z
          .string()
          .trim()
          .regex(/^[A-Z0-9]{12}$/, { message: '设备码应为 12 位字母数字' }),
      })
      .strict(),
    z.object({ assetId: id }).strict(),
  ]),
  labels: z.object({ assetIds: z.array(id).max(500).optional() }).strict(),
  report: z.object({ assetId: id, description: text(500).min(2, { message: '请描述故障' }), clientRequestId: id }).strict(),
  savePlan: z
    .object({
      planId: id.optional(),
      clientRequestId: id.optional(),
      name: text(40).min(1, { message: '请填写计划名称' }),
      schedule,
      stops: z
        .array(z.object({ assetId: id.nullable().default(null), area: text(40).min(1, { message: '请填写巡检点位置' }) }).strict())
        .min(1, { message: '请至少设置一个巡检点' })
        .max(100, { message: '巡检点最多 100 个' }),
      items: z.array(item).min(1, { message: '检查表至少一项' }).max(50, { message: '检查表最多 50 项' }),
      role: z.enum(['engineer', 'security']),
      assigneeStaffId: id.nullable().default(null),
      active: z.boolean().default(true),
    })
    .strict(),
  plans: z.object({}).strict(),
  rounds: z.object({ status: z.enum(['open', 'done', 'all']).default('open') }).strict(),
  round: z.object({ roundId: id }).strict(),
  /** Readings recorded on the phone (possibly offline), with their real times and the phone's ids: idempotent per (round, stop, item). */
  sync: z
    .object({
      roundId: id,
      stops: z
        .array(z.object({ stop: z.number().int().min(0).max(99), arrivedAt: z.iso.datetime(), how: z.enum(['scan', 'confirm']), code: z.string().max(20).optional() }).strict())
        .max(100)
        .default([]),
      readings: z
        .array(z.object({ clientId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/), stop: z.number().int().min(0).max(99), itemId: itemId, value, at: z.iso.datetime() }).strict())
        .max(500)
        .default([]),
      close: z.boolean().default(false),
    })
    .strict(),
  saveMaintenancePlan: z
    .object({
      planId: id.optional(),
      clientRequestId: id.optional(),
      assetId: id,
      name: text(40).min(1, { message: '请填写计划名称' }),
      schedule: mschedule,
      tasks: z
        .array(z.enum(taskKinds, { message: '不支持的维护项目' }))
        .min(1, { message: '请至少选择一项维护项目' })
        .max(5),
      start: date,
    })
    .strict(),
  maintenancePlans: z.object({ assetId: id.optional() }).strict(),
  tasks: z.object({ status: z.enum(['due', 'done', 'all']).default('due') }).strict(),
  recordMaintenance: z
    .object({
      clientRequestId: id,
      assetId: id,
      taskId: id.nullable().default(null),
      kind: z.enum(['maintenance', 'cleaning', 'water-quality', 'repair']).default('maintenance'),
      tasks: z.array(z.enum(taskKinds)).max(5).default([]),
      summary: text(500).min(1, { message: '请填写维护内容' }),
      doneAt: z.iso.datetime(),
      contractor: text(40).default(''),
      technician: text(20).default(''),
      witnessStaffId: id.nullable().default(null),
      parts: z.array(part).max(30).default([]),
      result: text(100).min(1, { message: '请填写维护结果' }),
      qualified: z.boolean().default(true),
      reportFiles: z.array(z.string().max(300)).max(9).default([]),
    })
    .strict(),
  record: z.object({ assetId: id.optional(), from: date.optional(), to: date.optional() }).strict(),
  exportRecord: z.object({ assetId: id.optional(), from: date.optional(), to: date.optional() }).strict(),
  analysis: z.object({ days: z.number().int().min(7).max(366).default(90) }).strict(),
  publicStatus: z.object({}).strict(),
  prepareUpload: z.object({ contentType: z.enum(['image/jpeg', 'image/png', 'image/webp', 'application/pdf']) }).strict(),
  generate: z.object({}).strict(),
};
export type SyncInput = z.input<typeof facilitiesInputs.sync>;
export type SaveAssetInput = z.input<typeof facilitiesInputs.saveAsset>;
export type FacilitiesInput<K extends keyof typeof facilitiesInputs> = z.input<(typeof facilitiesInputs)[K]>;
export const SYSTEM_CODE_LIST = SYSTEM_CODES;
