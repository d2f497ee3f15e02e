import { z } from 'zod';
import { clientRequestIdSchema, idSchema, pageSchema } from './identity';
import { ANNOUNCEMENT_TYPE_LABELS, ANNOUNCEMENT_TYPES, isInterruption, type AnnouncementAction, type AnnouncementStatus, type AnnouncementType, type Scope } from './announcements';
import {
  BODY_MAX,
  BODY_REQUIRED,
  BODY_TOO_LONG,
  BUILDINGS_REQUIRED,
  END_AFTER_START,
  FACILITIES_MAX,
  FACILITIES_REQUIRED,
  FACILITY_MAX,
  FACILITY_TOO_LONG,
  REASON_MAX,
  REASON_TOO_LONG,
  SUMMARY_MAX,
  SUMMARY_TOO_LONG,
  TITLE_MAX,
  TITLE_REQUIRED,
  TITLE_TOO_LONG,
  TOO_MANY_FACILITIES,
  UNITS_REQUIRED,
} from './limits';

const fileId = z.string().regex(/^cloud:\/\/[^\s]{1,300}$/, { message: '文件地址无效' });
const isoDate = z.string().datetime({ offset: true, message: '时间格式不正确' });

export const scopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('community') }).strict(),
  z.object({ kind: z.literal('buildings'), buildings: z.array(z.string().min(1).max(20)).min(1, { message: BUILDINGS_REQUIRED }).max(50) }).strict(),
  z.object({ kind: z.literal('units'), unitIds: z.array(idSchema).min(1, { message: UNITS_REQUIRED }).max(500) }).strict(),
  z
    .object({
      kind: z.literal('facilities'),
      facilities: z
        .array(z.string().min(1).max(FACILITY_MAX, { message: FACILITY_TOO_LONG }))
        .min(1, { message: FACILITIES_REQUIRED })
        .max(FACILITIES_MAX, { message: TOO_MANY_FACILITIES }),
    })
    .strict(),
]);

const draftFields = {
  type: z.enum(ANNOUNCEMENT_TYPES),
  title: z.string().trim().min(1, { message: TITLE_REQUIRED }).max(TITLE_MAX, { message: TITLE_TOO_LONG }),
  summary: z.string().trim().max(SUMMARY_MAX, { message: SUMMARY_TOO_LONG }).default(''),
  body: z.string().trim().min(1, { message: BODY_REQUIRED }).max(BODY_MAX, { message: BODY_TOO_LONG }),
  scope: scopeSchema.default({ kind: 'community' }),
  images: z.array(fileId).max(9, { message: '最多 9 张图片' }).default([]),
  attachments: z
    .array(z.object({ fileId, name: z.string().min(1).max(60) }).strict())
    .max(5)
    .default([]),
  interruption: z
    .object({
      // An empty reason is refused below, in words that name the kind (请填写停水原因).
      reason: z.string().trim().max(REASON_MAX, { message: REASON_TOO_LONG }),
      startAt: isoDate,
      endAt: isoDate,
    })
    .strict()
    .refine((i) => new Date(i.endAt) > new Date(i.startAt), { message: END_AFTER_START, path: ['endAt'] })
    .optional(),
  pinned: z.boolean().default(false),
  expiresAt: isoDate.optional(),
};

/** Interruption notices carry their details (with a reason); other kinds carry none. */
function interruptionRule(d: { type: AnnouncementType; interruption?: { reason: string } }, ctx: z.RefinementCtx) {
  const label = ANNOUNCEMENT_TYPE_LABELS[d.type];
  if (isInterruption(d.type) && !d.interruption) ctx.addIssue({ code: 'custom', path: ['interruption'], message: `${label}通知需填写原因、影响范围、开始时间和预计恢复时间` });
  else if (isInterruption(d.type) && d.interruption && !d.interruption.reason) ctx.addIssue({ code: 'custom', path: ['interruption', 'reason'], message: `请填写${label}原因` });
  else if (!isInterruption(d.type) && d.interruption) ctx.addIssue({ code: 'custom', path: ['interruption'], message: '只有停水、停电等停用通知需要填写停用信息' });
}

export const announcementInputs = {
  create: z
    .object({ ...draftFields, clientRequestId: clientRequestIdSchema })
    .strict()
    .superRefine(interruptionRule),
  update: z
    .object({
      announcementId: idSchema,
      ...draftFields,
      /** Moving a published interruption inside its notice period needs a reason, kept on record. */
      override: z
        .object({ reason: z.string().trim().min(4, { message: '请说明未提前通知的原因' }).max(200) })
        .strict()
        .optional(),
    })
    .strict()
    .superRefine(interruptionRule),
  submit: z.object({ announcementId: idSchema }).strict(),
  review: z
    .object({
      announcementId: idSchema,
      approve: z.boolean(),
      reason: z.string().trim().max(200).optional(),
      /** Approving after the notice period has run short needs the reviewer's reason. */
      override: z
        .object({ reason: z.string().trim().min(4, { message: '请说明未提前通知的原因' }).max(200) })
        .strict()
        .optional(),
    })
    .strict(),
  publish: z
    .object({
      announcementId: idSchema,
      publishAt: isoDate.optional(),
      /** Publishing a planned interruption inside its notice period needs a reason, kept on record. */
      override: z
        .object({ reason: z.string().trim().min(4, { message: '请说明未提前通知的原因' }).max(200) })
        .strict()
        .optional(),
    })
    .strict(),
  withdraw: z.object({ announcementId: idSchema, reason: z.string().trim().min(1, { message: '请填写撤回原因' }).max(200) }).strict(),
  pin: z.object({ announcementId: idSchema, pinned: z.boolean() }).strict(),
  restore: z.object({ announcementId: idSchema, body: z.string().trim().max(500).default(''), clientRequestId: clientRequestIdSchema }).strict(),
  list: pageSchema.extend({ status: z.enum(['all', 'draft', 'review', 'scheduled', 'published', 'withdrawn', 'expired']).default('all') }).strict(),
  get: z.object({ announcementId: idSchema }).strict(),
  posterCode: z.object({ announcementId: idSchema }).strict(),
  reach: z.object({ announcementId: idSchema }).strict(),
  feed: pageSchema.extend({ unreadOnly: z.boolean().default(false) }).strict(),
  read: z.object({ announcementId: idSchema }).strict(),
  ask: z.object({ announcementId: idSchema, question: z.string().trim().min(1, { message: '请填写问题' }).max(500), clientRequestId: clientRequestIdSchema }).strict(),
  /**
   * A share to a chat, optionally with the share ticket's `cloudID` (as the client got it from
   * WeChat). The function resolves it to the group on the server (getOpenData); a group id the
   * client names itself is never trusted.
   */
  shared: z.object({ announcementId: idSchema, cloudID: z.string().min(1).max(500).optional() }).strict(),
  /** Opened from a group chat (getGroupEnterInfo's cloudID, resolved the same way). */
  enteredFromGroup: z.object({ announcementId: idSchema, cloudID: z.string().min(1).max(500) }).strict(),
};

/** What the editor sends (derived from the schema: a change to the input breaks the build where it is used). */
export type NoticeCreateInput = z.input<typeof announcementInputs.create>;
export type ScopeInput = z.input<typeof scopeSchema>;

export interface AnnouncementView {
  announcementId: string;
  type: AnnouncementType;
  typeLabel: string;
  title: string;
  summary: string;
  body: string;
  status: AnnouncementStatus;
  statusLabel: string;
  scope: Scope;
  scopeLabel: string;
  pinned: boolean;
  images: string[];
  attachments: { name: string; url: string }[];
  interruption?: { reason: string; startAt: string; endAt: string };
  publishAt?: string;
  publishedAt?: string;
  updatedAt: string;
  /** Updated after publishing (residents see 已更新). */
  revised: boolean;
  expiresAt?: string;
  restoredOf?: string;
  communityName: string;
  read?: boolean;
  override?: { reason: string; by: string; at: string };
  review?: { by: string; at: string; approved: boolean; reason?: string };
  /**
   * Staff only: a change to the published notice waiting for a supervisor (review on); the
   * published version above stays live until it is approved.
   */
  revision?: { title: string; summary: string; body: string; interruption?: { reason: string; startAt: string; endAt: string }; expiresAt?: string; by: string; at: string };
  /** What the reader may do to this notice now (the domain's state machine); empty for residents. */
  actions: AnnouncementAction[];
  /** Staff only: the files as stored (fileIDs), so an edit can keep them. */
  files?: { images: string[]; attachments: { fileId: string; name: string }[] };
  /** Staff only. */
  author?: string;
  withdrawn?: { reason: string; at: string };
  /** Detail only: the community's service hotline, for anyone who reads the notice. */
  hotline?: string;
  /**
   * Detail only, for readers other than the community's notice authors: whether the notice covers
   * one of the reader's homes, and the buildings of the reader's homes in its community (none for a
   * reader without a home there: a pending binding, an unbound user, an engineer).
   */
  reader?: { covered: boolean; buildings: string[] };
}

/** The notice's mini-program code (wxacode.getUnlimited), made once per notice. */
export interface PosterCodeView {
  /** The code's `scene` (≤ 32 chars): the notice page maps it back to the notice. */
  scene: string;
  /** The page the code opens. */
  page: string;
  /** A temporary URL of the stored code image. */
  url: string;
}

export interface ReachView {
  targeted: number;
  sent: number;
  failed: number;
  failures: { errcode: string; count: number }[];
  withoutConsent: number;
  pending: number;
  read: number;
  shared: number;
  groups: { openGId: string; opens: number; firstAt: string }[];
  state: string;
}
