import { z } from 'zod';
import { clientRequestIdSchema, contactPhoneSchema, idSchema, pageSchema, phoneSchema } from '../identity';
import { categoriesOf, CATEGORY_CODES, DEPARTMENTS, TICKET_TYPES, type Department, type TicketType } from './catalog';
import { ROUTING_MODES, type RoutingRule } from './routing';
import type { StaffRole } from '../roles';
import type { DeadlineKind, DeadlineState } from './sla';
import type { TicketAction, TicketStatus } from './state-machine';
import { AREA_MAX, AREA_REQUIRED, AREA_TOO_LONG, DESCRIPTION_MAX, DESCRIPTION_TOO_LONG, MAX_PHOTOS, TOO_MANY_PHOTOS } from '../limits';
import {
  AUTO_CONFIRM_DAYS_MAX,
  AUTO_CONFIRM_DAYS_MIN,
  AUTO_CONFIRM_DAYS_TOO_LARGE,
  AUTO_CONFIRM_DAYS_TOO_SMALL,
  FIXED_STAFF_REQUIRED,
  GRAB_FALLBACK_MAX,
  GRAB_FALLBACK_MIN,
  GRAB_FALLBACK_OUT_OF_RANGE,
  SLA_MINUTES_MAX,
  SLA_MINUTES_MIN,
  SLA_MINUTES_TOO_LARGE,
  SLA_MINUTES_TOO_SMALL,
  FEE_INVALID,
  FEE_MAX_YUAN,
  PARTS_MAX,
  PARTS_TOO_LONG,
  SEARCH_CATEGORY_MISMATCH,
  SEARCH_DATE_INVALID,
  SEARCH_RANGE_MAX_DAYS,
  SEARCH_RANGE_REVERSED,
  SEARCH_RANGE_TOO_LONG,
  SEARCH_TEXT_MAX,
  SEARCH_TEXT_TOO_LONG,
} from '../limits-staff';

/** What staff can report from patrol: repairs and complaints (a consultation is a resident's question). */
export const STAFF_REPORT_TYPES = ['repair', 'complaint'] as const;

/** Inputs of the `tickets` function, shared by the function and the client. */
export { MAX_PHOTOS };
export const fileIdSchema = z.string().regex(/^cloud:\/\/[^\s]{1,300}$/, { message: '图片地址无效' });
const text = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, { message: `请填写${what}` })
    .max(max, { message: `${what}不超过 ${max} 个字` });
const photos = z.array(fileIdSchema).max(MAX_PHOTOS, { message: TOO_MANY_PHOTOS }).default([]);
const isoDate = z.string().datetime({ offset: true, message: '时间格式不正确' });

export const routingRuleSchema = z
  .object({
    match: z.string().min(1).max(40),
    department: z.enum(DEPARTMENTS),
    mode: z.enum(ROUTING_MODES),
    fixedStaffId: z.string().max(64).optional(),
    grabFallbackMinutes: z
      .number()
      .int()
      .min(GRAB_FALLBACK_MIN, { message: GRAB_FALLBACK_OUT_OF_RANGE })
      .max(GRAB_FALLBACK_MAX, { message: GRAB_FALLBACK_OUT_OF_RANGE })
      .default(10),
  })
  .strict()
  .refine((r) => r.mode !== 'fixed' || !!r.fixedStaffId, { message: FIXED_STAFF_REQUIRED, path: ['fixedStaffId'] });

/** Minutes per timer: at least 1 minute, at most 30 days. */
const minutes = z.number().int().min(SLA_MINUTES_MIN, { message: SLA_MINUTES_TOO_SMALL }).max(SLA_MINUTES_MAX, { message: SLA_MINUTES_TOO_LARGE });
const slaMinutes = z.object({ accept: minutes.optional(), arrive: minutes.optional(), resolve: minutes.optional(), reply: minutes.optional() }).strict();

export const locationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('home'), unitId: idSchema }).strict(),
  z
    .object({
      kind: z.literal('public'),
      building: z.string().max(20).optional(),
      floor: z.string().max(10).optional(),
      area: z.string().trim().min(1, { message: AREA_REQUIRED }).max(AREA_MAX, { message: AREA_TOO_LONG }),
    })
    .strict(),
]);

/** The staff queues (工作台): 待派单 is the desk's; 已关闭/全部 include closed tickets. */
export const STAFF_QUEUES = ['assigned', 'pool', 'owned', 'unassigned', 'dueSoon', 'overdue', 'open', 'closed', 'all'] as const;
export type StaffQueue = (typeof STAFF_QUEUES)[number];
export const SEARCH_STATUSES = ['open', 'resolved', 'closed', 'all'] as const;
export type SearchStatus = (typeof SEARCH_STATUSES)[number];

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: SEARCH_DATE_INVALID })
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), { message: SEARCH_DATE_INVALID });
const DAY_MS = 86400_000;
export const searchSchema = pageSchema
  .extend({
    q: z.string().trim().max(SEARCH_TEXT_MAX, { message: SEARCH_TEXT_TOO_LONG }).optional(),
    unitId: idSchema.optional(),
    type: z.enum(TICKET_TYPES).optional(),
    category: z.enum(CATEGORY_CODES).optional(),
    building: z.string().trim().min(1).max(20).optional(),
    status: z.enum(SEARCH_STATUSES).default('all'),
    /** 北京时间 days, inclusive. */
    from: day.optional(),
    to: day.optional(),
  })
  .strict()
  .superRefine((i, ctx) => {
    if (i.from && i.to) {
      const span = (Date.parse(i.to) - Date.parse(i.from)) / DAY_MS;
      if (span < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: SEARCH_RANGE_REVERSED });
      else if (span + 1 > SEARCH_RANGE_MAX_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: SEARCH_RANGE_TOO_LONG });
    }
    if (i.type && i.category && !categoriesOf(i.type).some((c) => c.code === i.category)) ctx.addIssue({ code: 'custom', path: ['category'], message: SEARCH_CATEGORY_MISMATCH });
  });

export const ticketInputs = {
  create: z
    .object({
      type: z.enum(TICKET_TYPES),
      category: z.enum(CATEGORY_CODES),
      description: z.string().trim().max(DESCRIPTION_MAX, { message: DESCRIPTION_TOO_LONG }).default(''),
      photos,
      video: fileIdSchema.optional(),
      location: locationSchema,
      contactPhone: phoneSchema,
      window: z.object({ start: isoDate, end: isoDate }).strict().optional(),
      /** Subscribe-message templates the resident accepted on the submit tap. */
      subscribed: z.array(z.string().max(64)).max(3).default([]),
      clientRequestId: clientRequestIdSchema,
    })
    .strict(),
  /**
   * An emergency in a public area from someone who may have no approved home (pending, or not
   * bound at all): routed as usual, marked for the desk to verify; rate-limited per person.
   */
  reportEmergency: z
    .object({
      communityId: idSchema,
      category: z.enum(CATEGORY_CODES),
      description: z.string().trim().max(DESCRIPTION_MAX, { message: DESCRIPTION_TOO_LONG }).default(''),
      photos,
      location: locationSchema,
      contactName: text(20, '联系人'),
      contactPhone: phoneSchema,
      subscribed: z.array(z.string().max(64)).max(3).default([]),
      clientRequestId: clientRequestIdSchema,
    })
    .strict(),
  /** The desk logs a phone call or walk-in on a resident's behalf (and owns it: 首问负责制). */
  createOnBehalf: z
    .object({
      type: z.enum(TICKET_TYPES),
      category: z.enum(CATEGORY_CODES),
      description: text(500, '描述'),
      location: locationSchema,
      contactName: text(20, '联系人'),
      contactPhone: contactPhoneSchema,
      channel: z.enum(['phone', 'walk_in']),
      clientRequestId: clientRequestIdSchema,
    })
    .strict(),
  listMine: pageSchema.extend({ status: z.enum(['open', 'resolved', 'closed', 'all']).default('all') }).strict(),
  get: z.object({ ticketId: idSchema }).strict(),
  queueCounts: z.object({}).strict(),
  listQueue: pageSchema.extend({ queue: z.enum(STAFF_QUEUES) }).strict(),
  act: z.discriminatedUnion('action', [
    z.object({ action: z.literal('accept'), ticketId: idSchema }).strict(),
    z.object({ action: z.literal('grab'), ticketId: idSchema }).strict(),
    z.object({ action: z.literal('dispatch'), ticketId: idSchema, staffId: idSchema }).strict(),
    z.object({ action: z.literal('transfer'), ticketId: idSchema, staffId: idSchema, reason: text(100, '转派原因') }).strict(),
    z.object({ action: z.literal('arrive'), ticketId: idSchema }).strict(),
    z
      .object({
        action: z.literal('consent'),
        ticketId: idSchema,
        by: text(20, '同意人'),
        scope: text(100, '入户范围'),
        /** The resident refused entry: recorded instead of a consent (the repair can then be closed out). */
        refused: z.boolean().optional(),
      })
      .strict(),
    z.object({ action: z.literal('note'), ticketId: idSchema, text: text(500, '备注'), visibility: z.enum(['public', 'internal']), photos }).strict(),
    z.object({ action: z.literal('pause'), ticketId: idSchema, reason: text(100, '暂停原因'), expectedAt: isoDate }).strict(),
    z.object({ action: z.literal('resume'), ticketId: idSchema }).strict(),
    z
      .object({
        action: z.literal('complete'),
        ticketId: idSchema,
        text: text(500, '完工说明'),
        photos,
        /** Parts used (free text, optional). */
        parts: z.string().trim().max(PARTS_MAX, { message: PARTS_TOO_LONG }).optional(),
        /** Fee charged in yuan (recorded only: no payment here). */
        fee: z
          .number({ message: FEE_INVALID })
          .min(0, { message: FEE_INVALID })
          .max(FEE_MAX_YUAN, { message: FEE_INVALID })
          .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, { message: FEE_INVALID })
          .optional(),
      })
      .strict(),
    z.object({ action: z.literal('answer'), ticketId: idSchema, text: text(500, '答复内容') }).strict(),
    z.object({ action: z.literal('promise'), ticketId: idSchema, replyBy: isoDate }).strict(),
    z.object({ action: z.literal('confirm'), ticketId: idSchema }).strict(),
    z.object({ action: z.literal('reopen'), ticketId: idSchema, reason: text(200, '原因') }).strict(),
    z.object({ action: z.literal('rate'), ticketId: idSchema, score: z.number().int().min(1).max(5), comment: z.string().trim().max(200).default('') }).strict(),
    z.object({ action: z.literal('cancel'), ticketId: idSchema, reason: text(100, '取消原因') }).strict(),
    z.object({ action: z.literal('message'), ticketId: idSchema, text: text(500, '留言'), photos }).strict(),
  ]),
  departmentStaff: z.object({ department: z.enum(DEPARTMENTS).optional() }).strict(),
  getRouting: z.object({}).strict(),
  setRouting: z.object({ rules: z.array(routingRuleSchema).min(1).max(50) }).strict(),
  getSla: z.object({}).strict(),
  setSla: z
    .object({
      sla: z
        .object({
          emergency: slaMinutes,
          repair: slaMinutes,
          complaint: slaMinutes,
          consultation: slaMinutes,
          categories: z.partialRecord(z.enum(CATEGORY_CODES), slaMinutes).default({}),
          autoConfirmDays: z
            .number()
            .int()
            .min(AUTO_CONFIRM_DAYS_MIN, { message: AUTO_CONFIRM_DAYS_TOO_SMALL })
            .max(AUTO_CONFIRM_DAYS_MAX, { message: AUTO_CONFIRM_DAYS_TOO_LARGE }),
          /** Ticket types whose ordinary deadlines run on working time (service hours, China's working days incl. 调休). */
          workingTime: z.object({ repair: z.boolean(), complaint: z.boolean(), consultation: z.boolean() }).partial().strict().optional(),
        })
        .strict(),
    })
    .strict(),
  /** Staff app: upload limits shown to the client. */
  /**
   * An engineer or security guard reports what they found on patrol (issue #17): a public area
   * or a unit of their own community, routed as usual, with themselves as first contact (首问负责人).
   */
  staffReport: z
    .object({
      type: z.enum(STAFF_REPORT_TYPES),
      category: z.enum(CATEGORY_CODES),
      description: text(DESCRIPTION_MAX, '发现的问题'),
      photos,
      location: locationSchema,
      clientRequestId: clientRequestIdSchema,
    })
    .strict(),
  /** Staff search: one text (ticket number, phone, unit or name) and filters; closed tickets included. */
  search: searchSchema,
  /** Desk logging: who is calling (by phone or unit), to fill name and unit. */
  lookupCaller: z
    .object({ phone: contactPhoneSchema.optional(), unitId: idSchema.optional() })
    .strict()
    .refine((i) => !!i.phone !== !!i.unitId, { message: '请提供电话或房屋之一' }),
  getTicketSettings: z.object({}).strict(),
  /** Per community: whether completing a repair needs a photo (default yes). */
  setTicketSettings: z.object({ completionPhotoRequired: z.boolean() }).strict(),
};

export type ActInput = z.infer<typeof ticketInputs.act>;
/** What the client sends to `create` (derived: a change to the input breaks the build where it is used). */
export type CreateTicketInput = z.input<typeof ticketInputs.create>;
export type TicketLocation = z.input<typeof locationSchema>;
export type EmergencyReportInput = z.input<typeof ticketInputs.reportEmergency>;
export type SetSlaInput = z.input<typeof ticketInputs.setSla>;
export type SearchInput = z.input<typeof searchSchema>;

/** A page of search results: no total (counting every match would cost a scan); more while `nextCursor`. */
export interface SearchPage {
  items: TicketSummary[];
  nextCursor?: string;
  /** How the text was read: 工单号, 电话, 房屋 or 姓名. */
  matchedBy?: 'no' | 'phone' | 'unit' | 'name';
}

/** Who is calling, as the desk's lookup finds them (community members and past callers). */
export interface CallerMatch {
  name: string;
  unitId?: string;
  unitLabel?: string;
  /** Looked up by unit: the member's number with only its last 4 digits (the desk asks the caller). */
  phoneMasked?: string;
  /** 业主/家属/租户, or 历史来电 for a number known only from earlier tickets. */
  source: string;
}

export interface StaffLoad {
  staffId: string;
  name: string;
  roles: StaffRole[];
  onDuty: boolean;
  /** Open tickets this person is handling now. */
  openLoad: number;
}

export interface DeadlineView {
  kind: DeadlineKind;
  label: string;
  dueAt: string;
  metAt?: string;
  state: DeadlineState;
  remaining: string;
}

export interface TimelineEntry {
  at: string;
  action: string;
  label: string;
  actorName: string;
  actorKind: 'resident' | 'staff' | 'system';
  channel: string;
  text?: string;
  photos?: string[];
  visibility: 'public' | 'internal';
}

export interface TicketSummary {
  ticketId: string;
  no: string;
  type: TicketType;
  typeLabel: string;
  category: string;
  categoryLabel: string;
  emergency: boolean;
  status: TicketStatus;
  statusLabel: string;
  locationLabel: string;
  /** The flat, for a home ticket (its history: search by unitId). */
  unitId?: string;
  description: string;
  createdAt: string;
  assigneeName?: string;
  nextDue?: DeadlineView;
}

export interface TicketDetail extends TicketSummary {
  department: Department;
  departmentLabel: string;
  contactName: string;
  contactPhone: string;
  photoUrls: string[];
  /** The short video the resident attached, if any. */
  videoUrl?: string;
  window?: { start: string; end: string };
  ownerName?: string;
  pool: boolean;
  channel: string;
  deadlines: DeadlineView[];
  timeline: TimelineEntry[];
  actions: TicketAction[];
  pause?: { reason: string; expectedAt: string };
  consent?: { by: string; scope: string; at: string; refused?: boolean };
  rating?: { score: number; comment: string };
  autoConfirmAt?: string;
  hotline?: string;
  /** Recorded on completion (staff and resident see it; no payment). */
  completion?: { parts?: string; fee?: number };
  /** Staff view of a repair: whether completing it needs a photo in this community. */
  completionPhotoRequired?: boolean;
}

export interface Page<T> {
  items: T[];
  total: number;
  nextCursor?: string;
}

export type { RoutingRule };
