import { z } from 'zod';
import { clientRequestIdSchema, idSchema, pageSchema } from './identity';
import { ANNOUNCEMENT_TYPES, SUMMARY_MAX, TITLE_MAX, type AnnouncementStatus, type AnnouncementType, type Scope } from './announcements';

const fileId = z.string().regex(/^cloud:\/\/[^\s]{1,300}$/, { message: '文件地址无效' });
const isoDate = z.string().datetime({ offset: true, message: '时间格式不正确' });

export const scopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('community') }).strict(),
  z.object({ kind: z.literal('buildings'), buildings: z.array(z.string().min(1).max(20)).min(1, { message: '请选择楼栋' }).max(50) }).strict(),
  z.object({ kind: z.literal('units'), unitIds: z.array(idSchema).min(1, { message: '请选择房屋' }).max(500) }).strict(),
  z.object({ kind: z.literal('facilities'), facilities: z.array(z.string().min(1).max(30)).min(1, { message: '请填写设施' }).max(20) }).strict(),
]);

const draftFields = {
  type: z.enum(ANNOUNCEMENT_TYPES),
  title: z.string().trim().min(1, { message: '请填写标题' }).max(TITLE_MAX, { message: `标题不超过 ${TITLE_MAX} 个字（订阅消息限制）` }),
  summary: z.string().trim().max(SUMMARY_MAX, { message: `摘要不超过 ${SUMMARY_MAX} 个字` }).default(''),
  body: z.string().trim().min(1, { message: '请填写正文' }).max(5000, { message: '正文不超过 5000 个字' }),
  scope: scopeSchema.default({ kind: 'community' }),
  images: z.array(fileId).max(9, { message: '最多 9 张图片' }).default([]),
  attachments: z.array(z.object({ fileId, name: z.string().min(1).max(60) }).strict()).max(5).default([]),
  interruption: z
    .object({
      reason: z.string().trim().min(1, { message: '请填写原因' }).max(200),
      startAt: isoDate,
      endAt: isoDate,
    })
    .strict()
    .refine((i) => new Date(i.endAt) > new Date(i.startAt), { message: '预计恢复时间需晚于开始时间', path: ['endAt'] })
    .optional(),
  pinned: z.boolean().default(false),
  expiresAt: isoDate.optional(),
};

export const announcementInputs = {
  create: z.object({ ...draftFields, clientRequestId: clientRequestIdSchema }).strict(),
  update: z
    .object({
      announcementId: idSchema,
      ...draftFields,
      /** Moving a published interruption inside its notice period needs a reason, kept on record. */
      override: z.object({ reason: z.string().trim().min(4, { message: '请说明未提前通知的原因' }).max(200) }).strict().optional(),
    })
    .strict(),
  submit: z.object({ announcementId: idSchema }).strict(),
  review: z
    .object({
      announcementId: idSchema,
      approve: z.boolean(),
      reason: z.string().trim().max(200).optional(),
      /** Approving after the notice period has run short needs the reviewer's reason. */
      override: z.object({ reason: z.string().trim().min(4, { message: '请说明未提前通知的原因' }).max(200) }).strict().optional(),
    })
    .strict(),
  publish: z
    .object({
      announcementId: idSchema,
      publishAt: isoDate.optional(),
      /** Publishing a planned interruption inside its notice period needs a reason, kept on record. */
      override: z.object({ reason: z.string().trim().min(4, { message: '请说明未提前通知的原因' }).max(200) }).strict().optional(),
    })
    .strict(),
  withdraw: z.object({ announcementId: idSchema, reason: z.string().trim().min(1, { message: '请填写撤回原因' }).max(200) }).strict(),
  pin: z.object({ announcementId: idSchema, pinned: z.boolean() }).strict(),
  restore: z.object({ announcementId: idSchema, body: z.string().trim().max(500).default(''), clientRequestId: clientRequestIdSchema }).strict(),
  list: pageSchema.extend({ status: z.enum(['all', 'draft', 'review', 'scheduled', 'published', 'withdrawn', 'expired']).default('all') }).strict(),
  get: z.object({ announcementId: idSchema }).strict(),
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
  revision?: { title: string; summary: string; body: string; interruption?: { reason: string; startAt: string; endAt: string }; expiresAt?: string; by: string; at: string }
  /** Staff only: the files as stored (fileIDs), so an edit can keep them. */
  files?: { images: string[]; attachments: { fileId: string; name: string }[] };
  /** Staff only. */
  author?: string;
  withdrawn?: { reason: string; at: string };
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
