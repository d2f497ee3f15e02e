import { z } from 'zod';
import { clientRequestIdSchema, idSchema } from './identity';
import { AGE_GROUPS, EVENT_LIMITS, FEEDBACK_QUESTIONS, INTERESTS, type FeedbackQuestion } from './events';

const fileId = z.string().regex(/^cloud:\/\/[^\s]{1,300}$/, { message: '文件地址无效' });
const isoDate = z.string().datetime({ offset: true, message: '时间格式不正确' });
const text = (label: string, max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min, { message: `请填写${label}` })
    .max(max, { message: `${label}不超过 ${max} 个字` });
const eventId = z.object({ eventId: idSchema }).strict();
const QUESTION_KEYS = Object.keys(FEEDBACK_QUESTIONS) as [FeedbackQuestion, ...FeedbackQuestion[]];
const rating = z.number().int().min(1, { message: '请选择 1–5 分' }).max(5, { message: '请选择 1–5 分' });

export const eventPlanSchema = z
  .object({
    title: text('活动主题', 30),
    theme: z.enum(INTERESTS, { message: '请选择活动类别' }),
    startAt: isoDate,
    endAt: isoDate,
    place: text('活动地点', 40),
    agenda: text('活动内容', 1000),
    ageGroups: z.array(z.enum(AGE_GROUPS)).min(1, { message: '请选择面向的年龄段' }).max(AGE_GROUPS.length),
    interests: z.array(z.enum(INTERESTS)).max(INTERESTS.length).default([]),
    organisation: z
      .object({
        lead: text('负责人', 20),
        staff: z.array(text('工作人员', 20)).max(20).default([]),
        volunteers: z.array(text('志愿者', 20)).max(50).default([]),
        roles: text('分工', 300, 0).default(''),
      })
      .strict(),
    safety: text('安全保障措施', 500),
    capacity: z
      .number({ message: '请填写名额' })
      .int()
      .min(1, { message: '名额至少 1 人' })
      .max(EVENT_LIMITS.capacityMax, { message: `名额不超过 ${EVENT_LIMITS.capacityMax} 人` }),
    perHousehold: z
      .number()
      .int()
      .min(1)
      .max(EVENT_LIMITS.perHouseholdMax, { message: `每户最多 ${EVENT_LIMITS.perHouseholdMax} 人` })
      .default(1),
    membersCount: z.boolean().default(true),
    signUpOpensAt: isoDate,
    signUpClosesAt: isoDate,
    cancelCutoffHours: z.number().int().min(0).max(EVENT_LIMITS.cutoffHoursMax, { message: '取消截止不超过活动前 14 天' }).default(2),
    cost: text('费用说明', 100, 0).default(''),
    budget: z.number().min(0).max(1_000_000).default(0),
    cover: fileId.nullable().default(null),
    feedbackQuestions: z.array(z.enum(QUESTION_KEYS)).max(QUESTION_KEYS.length).default(['content', 'organisation']),
  })
  .strict();

export const eventInputs = {
  create: eventPlanSchema.extend({ clientRequestId: clientRequestIdSchema }).strict(),
  update: eventPlanSchema.extend({ eventId: idSchema }).strict(),
  submit: eventId,
  review: z.object({ eventId: idSchema, approve: z.boolean(), reason: text('退回原因', 200, 0).optional() }).strict(),
  change: z
    .object({
      eventId: idSchema,
      startAt: isoDate.optional(),
      endAt: isoDate.optional(),
      place: text('活动地点', 40).optional(),
      message: text('变更说明', 200),
    })
    .strict(),
  cancelEvent: z.object({ eventId: idSchema, reason: text('取消原因', 200) }).strict(),
  staffList: z.object({ phase: z.enum(['all', 'draft', 'review', 'upcoming', 'ongoing', 'ended', 'closed', 'cancelled']).default('all') }).strict(),
  get: eventId,
  registrations: eventId,
  export: eventId,
  checkIn: z
    .object({
      eventId: idSchema,
      code: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9]{6,40}$/, { message: '签到码格式不正确' })
        .optional(),
      registrationId: idSchema.optional(),
    })
    .strict()
    .refine((v) => !!v.code !== !!v.registrationId, { message: '请扫描签到码或从名单中选择' }),
  note: z.object({ eventId: idSchema, text: text('现场记录', 500, 0).default(''), photos: z.array(fileId).max(9, { message: '最多上传 9 张图片' }).default([]) }).strict(),
  close: z
    .object({
      eventId: idSchema,
      actualCost: z.number().min(0).max(1_000_000),
      keep: text('值得保留的做法', 500, 0).default(''),
      change: text('需要改进的地方', 500, 0).default(''),
    })
    .strict(),
  summary: eventId,
  analysis: z.object({}).strict(),
  // Residents
  list: z.object({ tab: z.enum(['upcoming', 'mine', 'past']).default('upcoming') }).strict(),
  signUp: z
    .object({
      eventId: idSchema,
      people: z
        .number()
        .int({ message: '人数需为整数' })
        .min(1, { message: '至少报名 1 人' })
        .max(EVENT_LIMITS.perHouseholdMax, { message: `每户最多 ${EVENT_LIMITS.perHouseholdMax} 人` })
        .default(1),
      unitId: idSchema.optional(),
      clientRequestId: clientRequestIdSchema.optional(),
    })
    .strict(),
  cancel: eventId,
  myCode: eventId,
  feedback: z
    .object({
      eventId: idSchema,
      rating,
      answers: z.partialRecord(z.enum(QUESTION_KEYS), rating).default({}),
      comment: text('评价', 300, 0).default(''),
    })
    .strict(),
  profile: z
    .object({ unitId: idSchema.optional(), ageGroups: z.array(z.enum(AGE_GROUPS)).max(AGE_GROUPS.length), interests: z.array(z.enum(INTERESTS)).max(INTERESTS.length) })
    .strict(),
} as const;

export type EventPlanInput = z.input<typeof eventPlanSchema>;
export type SignUpInput = z.input<(typeof eventInputs)['signUp']>;
export type FeedbackInput = z.input<(typeof eventInputs)['feedback']>;

/** One event in a resident's list (the public contract has eventId, title, startAt, capacity, seatsLeft, waitlisted). */
export interface EventListItem {
  eventId: string;
  title: string;
  theme: string;
  themeLabel: string;
  startAt: string;
  endAt: string;
  place: string;
  capacity: number;
  seatsLeft: number;
  /** How many households wait for a seat. */
  waitlisted: number;
  phase: string;
  phaseLabel: string;
  cover: string | null;
  recommended: boolean;
  mine: { status: string; statusLabel: string; people: number; position?: number } | null;
}
