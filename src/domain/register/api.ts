import { z } from 'zod';
import { CATEGORY_CODES, DEPARTMENTS } from '../tickets/catalog';
import { CHANNELS, CONTACT_TYPES, OUTCOMES, PERIOD_KEY_RE } from './index';

// ---------------------------------------------------------------- inputs

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const registerFilters = z
  .object({
    from: day.optional(),
    to: day.optional(),
    type: z.enum(CONTACT_TYPES, { error: '未知的类型' }).optional(),
    category: z.enum(CATEGORY_CODES, { error: '未知的类别' }).optional(),
    building: z.string().trim().min(1).max(20).optional(),
    staffId: z.string().min(1).max(64).optional(),
    channel: z.enum(CHANNELS, { error: '未知的渠道' }).optional(),
    outcome: z.enum(OUTCOMES, { error: '未知的结果' }).optional(),
    department: z.enum(DEPARTMENTS, { error: '未知的部门' }).optional(),
    state: z.enum(['open', 'closed'], { error: '状态只能是 open 或 closed' }).optional(),
    q: z.string().trim().min(1).max(40, '搜索词最多 40 个字').optional(),
  })
  .strict()
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: '开始日期不能晚于结束日期', path: ['from'] })
  .refine((f) => !f.from || !Number.isNaN(Date.parse(`${f.from}T00:00:00+08:00`)), { message: '开始日期无效', path: ['from'] })
  .refine((f) => !f.to || !Number.isNaN(Date.parse(`${f.to}T00:00:00+08:00`)), { message: '结束日期无效', path: ['to'] });
export type RegisterFilters = z.infer<typeof registerFilters>;

const period = z.object({
  kind: z.enum(['week', 'month'], { error: '周期只能是 week 或 month' }),
  key: z.string().regex(PERIOD_KEY_RE, '周期格式应为 M2026-11 或 W2026-11-30').optional(),
});

export const registerInputs = {
  list: z.object({ filters: registerFilters.default({}), cursor: z.string().max(120).optional(), pageSize: z.number().int().min(1).max(50).default(20) }).strict(),
  log: z
    .object({
      requestKey: z.string().min(8).max(64),
      type: z.enum(['inquiry', 'suggestion', 'praise', 'complaint', 'consultation'], { error: '未知的类型' }),
      channel: z.enum(CHANNELS, { error: '未知的渠道' }),
      text: z.string().trim().min(2, '请填写内容（至少 2 个字）').max(300, '内容最多 300 字'),
      who: z.string().trim().max(20).default(''),
      phone: z
        .string()
        .regex(/^1\d{10}$/, '手机号格式不正确')
        .optional(),
      building: z.string().trim().max(20).default(''),
      outcome: z.enum(['answered', 'recorded'], { error: '未知的结果' }).default('answered'),
    })
    .strict(),
  analysis: z.object({ period, scope: z.enum(['community', 'building', 'department', 'person']).default('community') }).strict(),
  export: z.object({ kind: z.enum(['register', 'analysis']), filters: registerFilters.default({}), period: period.optional() }).strict(),
  download: z.object({ exportId: z.string().min(1).max(80) }).strict(),
  project: z.object({ settleSeconds: z.number().int().min(0).max(3600).optional(), maxBatches: z.number().int().min(1).max(1000).optional() }).strict(),
  backfill: z.object({}).strict(),
};
export type RegisterInputs = { [K in keyof typeof registerInputs]: z.input<(typeof registerInputs)[K]> };
