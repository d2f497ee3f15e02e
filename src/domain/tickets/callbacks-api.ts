import { z } from 'zod';
import { idSchema, pageSchema } from '../identity';
import { CALLBACK_ASSIGNEES, CALLBACK_POLICIES, type CallbackStatus } from './reminders';
import { CALLBACK_LIMITS, type WholeLimit } from '../limits-staff';

/** Inputs of the `callbacks` function (回访 tasks). */
const policy = z.enum(CALLBACK_POLICIES);
const whole = (l: WholeLimit) => z.number().int().min(l.min, { message: l.tooSmall }).max(l.max, { message: l.tooLarge });

export const callbackInputs = {
  getSettings: z.object({}).strict(),
  setSettings: z
    .object({
      policy: z.object({ repair: policy, complaint: policy, consultation: policy }).strict(),
      /** Older clients do not send it: the default (the desk). */
      assignTo: z.enum(CALLBACK_ASSIGNEES).default('desk'),
      dueHours: whole(CALLBACK_LIMITS.dueHours),
      maxAttempts: whole(CALLBACK_LIMITS.maxAttempts),
      confirmReminderHours: whole(CALLBACK_LIMITS.confirmReminderHours),
    })
    .strict(),
  counts: z.object({}).strict(),
  list: pageSchema.extend({ status: z.enum(['open', 'closed']).default('open'), mine: z.boolean().default(false) }).strict(),
  record: z
    .object({
      callbackId: idSchema,
      reached: z.boolean(),
      channel: z.enum(['phone', 'message', 'visit']),
      satisfied: z.boolean().optional(),
      comment: z.string().trim().max(200, { message: '备注不超过 200 个字' }).default(''),
    })
    .strict()
    .refine((r) => !r.reached || r.satisfied !== undefined, { message: '请选择住户是否满意', path: ['satisfied'] })
    .refine((r) => r.reached !== true || r.satisfied !== false || r.comment.length > 0, { message: '不满意时请记录住户意见', path: ['comment'] }),
};

export type SetCallbackSettingsInput = z.input<typeof callbackInputs.setSettings>;

export interface CallbackView {
  callbackId: string;
  ticketId: string;
  no: string;
  typeLabel: string;
  categoryLabel: string;
  locationLabel: string;
  contactName: string;
  contactPhone: string;
  assigneeName: string;
  status: CallbackStatus;
  statusLabel: string;
  dueAt: string;
  overdue: boolean;
  attempts: { at: string; by: string; reached: boolean; channel: string; satisfied?: boolean; comment?: string }[];
  resolvedAt: string;
  rating?: number;
}
