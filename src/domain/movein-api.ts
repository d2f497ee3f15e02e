import { z } from 'zod';
import { clientRequestIdSchema, idSchema, personNameSchema, phoneSchema } from './identity';
import { DOCUMENT_KINDS, INSPECTION_ITEMS, KEY_TYPES, METERS, ROOMS, type DocumentKind, type InspectionItem, type KeyType, type Room } from './movein';

/** Inputs of the `movein` function (zod 4); the client's request types are `z.input` of these. */
const fileId = z.string().regex(/^cloud:\/\/[^\s]{1,300}$/, { message: '文件地址无效' });
const isoDate = z.string().datetime({ offset: true, message: '时间格式不正确' });
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '时段格式应为 09:00' });
const dateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 2026-12-04' });
const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { message: `${label}不能超过 ${max} 字` });
const docKind = z.enum(Object.keys(DOCUMENT_KINDS) as [DocumentKind, ...DocumentKind[]], { message: '不支持的资料类型' });
const keyType = z.enum(Object.keys(KEY_TYPES) as [KeyType, ...KeyType[]], { message: '不支持的钥匙类型' });
const room = z.enum(Object.keys(ROOMS) as [Room, ...Room[]], { message: '不支持的房间' });
const item = z.enum(Object.keys(INSPECTION_ITEMS) as [InspectionItem, ...InspectionItem[]], { message: '不支持的检查项' });
const meterReading = z.object({ reading: z.number().min(0).max(1e7), photo: fileId }).strict();
const signature = z.object({ fileId }).strict();

/** A batch as staff fill it in (create and edit share it). */
const batchFields = z.object({
  title: text(40, '批次名称').min(1, { message: '请填写批次名称' }),
  range: z
    .object({
      building: z.string().trim().min(1, { message: '请填写楼栋' }).max(20, { message: '楼栋不能超过 20 字' }),
      unitNos: z
        .array(z.string().trim().min(1).max(20, { message: '单元号不能超过 20 字' }))
        .max(20, { message: '单元最多 20 个' })
        .optional(),
      rooms: z
        .array(z.string().trim().min(1).max(20, { message: '房号不能超过 20 字' }))
        .max(200, { message: '房号最多 200 个' })
        .optional(),
    })
    .strict(),
  startDate: dateOnly,
  endDate: dateOnly,
  /** Daily slots (北京时间). */
  slots: z
    .array(
      z
        .object({
          start: hhmm,
          end: hhmm,
          capacity: z
            .number({ message: '容量应为数字' })
            .int({ message: '容量应为整数' })
            .min(1, { message: '每个时段至少可约 1 户' })
            .max(500, { message: '每个时段最多 500 户' }),
        })
        .strict(),
    )
    .min(1, { message: '请至少设置一个时段' })
    .max(12, { message: '每天最多 12 个时段' }),
  requiredDocuments: z.array(docKind).min(1, { message: '请至少选择一项所需资料' }).max(5),
  feesNotice: text(2000, '收费告知').default(''),
  preparation: z
    .array(z.object({ task: text(40, '准备事项').min(1, { message: '请填写准备事项' }), who: text(20, '负责人').default(''), done: z.boolean().default(false) }).strict())
    .max(20, { message: '准备事项最多 20 项' })
    .optional(),
  cutoffHours: z.number({ message: '截止时间应为数字' }).int().min(0, { message: '截止时间不能为负' }).max(168, { message: '截止时间最多提前 168 小时' }).default(24),
});

export const moveinInputs = {
  createBatch: batchFields
    .extend({ clientRequestId: clientRequestIdSchema })
    .strict()
    .refine((b) => b.startDate <= b.endDate, { message: '结束日期不能早于开始日期', path: ['endDate'] }),
  /** Edit a batch: a draft entirely; an open one only its title, fees notice, preparation and cutoff (bookings hang on the rest). */
  updateBatch: batchFields
    .extend({ batchId: idSchema })
    .strict()
    .refine((b) => b.startDate <= b.endDate, { message: '结束日期不能早于开始日期', path: ['endDate'] }),
  getBatch: z.object({ batchId: idSchema }).strict(),
  publishBatch: z.object({ batchId: idSchema, announce: z.boolean().default(true) }).strict(),
  setPreparation: z.object({ batchId: idSchema, index: z.number().int().min(0).max(19), done: z.boolean(), who: text(20, '负责人').optional() }).strict(),
  listBatches: z.object({}).strict(),
  myMovein: z.object({}).strict(),
  slots: z.object({ batchId: idSchema.optional() }).strict(),
  book: z
    .object({
      slotId: idSchema,
      unitId: idSchema.optional(),
      name: personNameSchema.optional(),
      phone: phoneSchema.optional(),
    })
    .strict()
    .refine((b) => (b.unitId === undefined) === (b.name === undefined) && (b.name === undefined) === (b.phone === undefined), {
      message: '请同时填写房屋、业主姓名和手机号',
    }),
  cancel: z.object({ bookingId: idSchema }).strict(),
  submitDocument: z
    .object({ bookingId: idSchema, kind: docKind, fileIds: z.array(fileId).min(1, { message: '请上传资料' }).max(6, { message: '每项资料最多 6 个文件' }) })
    .strict(),
  documentUrls: z.object({ bookingId: idSchema, kind: docKind }).strict(),
  listBookings: z.object({ batchId: idSchema, status: z.enum(['review', 'all']).default('all') }).strict(),
  getBooking: z.object({ bookingId: idSchema }).strict(),
  reviewDocument: z
    .object({ bookingId: idSchema, kind: docKind, approve: z.boolean(), reason: text(200, '原因').optional() })
    .strict()
    .refine((r) => r.approve || !!r.reason, { message: '请填写未通过的原因', path: ['reason'] }),
  handover: z.discriminatedUnion('step', [
    z.object({ bookingId: idSchema, step: z.literal('arrival') }).strict(),
    z.object({ bookingId: idSchema, step: z.literal('documents') }).strict(),
    z
      .object({
        bookingId: idSchema,
        step: z.literal('keys'),
        keys: z
          .array(z.object({ type: keyType, count: z.number().int().min(1).max(50), note: text(40, '说明').optional() }).strict())
          .min(1, { message: '请登记钥匙' })
          .max(10),
      })
      .strict(),
    z
      .object({
        bookingId: idSchema,
        step: z.literal('meters'),
        meters: z.object({ water: meterReading, electricity: meterReading, gas: meterReading }).strict(),
      })
      .strict(),
    z.object({ bookingId: idSchema, step: z.literal('manuals') }).strict(),
  ]),
  signReceipt: z.object({ bookingId: idSchema, signature }).strict(),
  receipt: z.object({ bookingId: idSchema }).strict(),
  inspect: z
    .object({
      bookingId: idSchema,
      items: z
        .array(
          z
            .object({
              room,
              item,
              ok: z.boolean(),
              location: text(60, '位置').optional(),
              note: text(300, '说明').optional(),
              photos: z.array(fileId).max(6).optional(),
              category: z.string().trim().min(1).max(40).optional(),
              warranty: z
                .object({ contractor: text(40, '施工单位').min(1, { message: '请填写施工单位' }) })
                .strict()
                .optional(),
            })
            .strict()
            .refine((i) => i.ok || (!!i.note && !!i.category), { message: '问题项请填写说明并选择报修类别' }),
        )
        .min(1)
        .max(80),
      clientRequestId: clientRequestIdSchema,
    })
    .strict(),
  reinspect: z
    .object({
      bookingId: idSchema,
      signature,
      refuse: z
        .array(z.object({ defectId: idSchema, note: text(200, '原因').min(1, { message: '请说明不认可的原因' }) }).strict())
        .max(80)
        .default([]),
    })
    .strict(),
  dashboard: z.object({ batchId: idSchema }).strict(),
  exportBatch: z.object({ batchId: idSchema }).strict(),
  remindTomorrow: z.object({}).strict(),
};
export type MoveinInput<K extends keyof typeof moveinInputs> = z.input<(typeof moveinInputs)[K]>;
