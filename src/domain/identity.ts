import { z } from 'zod';
import { MEMBERSHIP_STATUSES, type MembershipStatus } from './membership-status';
import { RELATIONS, STAFF_ROLES } from './roles';
import { NAME_REQUIRED, NAME_TOO_LONG, PERSON_NAME_MAX, PHONE_INVALID, PHONE_RE } from './limits';
import { CONTACT_PHONE_INVALID, CONTACT_PHONE_MAX, isContactPhone } from './limits-staff';

export { MEMBERSHIP_STATUSES, MEMBERSHIP_STATUS_LABELS, type MembershipStatus } from './membership-status';

/** Mainland mobile number, 11 digits starting with 1. */
export const phoneSchema = z.string().trim().regex(PHONE_RE, { message: PHONE_INVALID });
/** A caller's number as the desk logs it: a mobile or a landline (区号-号码[-分机]). */
export const contactPhoneSchema = z.string().trim().max(CONTACT_PHONE_MAX, { message: CONTACT_PHONE_INVALID }).refine(isContactPhone, { message: CONTACT_PHONE_INVALID });
export const personNameSchema = z.string().trim().min(1, { message: NAME_REQUIRED }).max(PERSON_NAME_MAX, { message: NAME_TOO_LONG });
export const idSchema = z.string().trim().min(1).max(64);
/** Client-generated key that makes a create idempotent across retries and double taps. */
export const clientRequestIdSchema = z.string().trim().min(8).max(64);
export const pageSchema = z.object({
  pageSize: z.number().int().min(1).max(50).default(20),
  /** Opaque cursor returned as `nextCursor` by the previous page. */
  cursor: z.string().max(200).optional(),
});

export const accountInputs = {
  me: z.object({}).strict(),
  listCommunities: z.object({}).strict(),
  listUnits: z.object({ communityId: idSchema, building: z.string().max(20).optional() }).strict(),
  requestBinding: z
    .object({
      unitId: idSchema,
      name: personNameSchema,
      phone: phoneSchema,
      relation: z.enum(RELATIONS),
      clientRequestId: clientRequestIdSchema,
    })
    .strict(),
  householdMembers: z.object({ unitId: idSchema }).strict(),
  removeMember: z.object({ membershipId: idSchema }).strict(),
  listBindingRequests: pageSchema.extend({ status: z.enum(MEMBERSHIP_STATUSES).default('pending') }).strict(),
  decideBinding: z.object({ membershipId: idSchema, approve: z.boolean(), reason: z.string().trim().max(100).optional() }).strict(),
  /** Desk/admin end any approved or pending membership of their community, with a reason on record. */
  revokeMembership: z.object({ membershipId: idSchema, reason: z.string().trim().min(2, { message: '请填写撤销原因' }).max(100, { message: '原因不超过 100 个字' }) }).strict(),
  createInvite: z.object({ roles: z.array(z.enum(STAFF_ROLES)).min(1).max(STAFF_ROLES.length), note: z.string().max(40).optional() }).strict(),
  redeemInvite: z.object({ code: z.string().trim().toUpperCase().length(8), name: personNameSchema, phone: phoneSchema }).strict(),
  listStaff: z.object({}).strict(),
  updateStaff: z
    .object({
      staffId: idSchema,
      roles: z.array(z.enum(STAFF_ROLES)).min(1).optional(),
      active: z.boolean().optional(),
    })
    .strict(),
  setOnDuty: z.object({ onDuty: z.boolean() }).strict(),
  /** Subscribe-message templates the user just accepted in `requestSubscribeMessage` (one consent each). */
  subscribe: z.object({ templateIds: z.array(z.string().min(1).max(64)).min(1).max(3) }).strict(),
  subscriptions: z.object({}).strict(),
  /** 绑定审核 history: decided requests of the staff member's community, newest decision first. */
  bindingHistory: pageSchema.strict(),
  /** Undo an approval made in 绑定审核 within BINDING_UNDO_MINUTES (the approver or a supervisor). */
  undoBindingApproval: z.object({ membershipId: idSchema }).strict(),
};

/** Shapes returned to the client (the client imports these with `import type`). */
export interface UnitView {
  _id: string;
  communityId: string;
  building: string;
  unitNo: string;
  room: string;
  label: string;
}
export interface HomeView {
  membershipId: string;
  unitId: string;
  label: string;
  communityId: string;
  communityName: string;
  relation: (typeof RELATIONS)[number];
  status: MembershipStatus;
  name: string;
  phoneMasked: string;
  createdAt: string;
  decidedAt?: string;
  reason?: string;
}
/** A binding request as the desk sees it in 绑定审核. */
export interface BindingRequestView extends HomeView {
  /** The claimant's whole number, only on pending requests (the desk calls to verify). */
  phone?: string;
  /** Why it waits for review (see REVIEW_REASON_LABELS in membership.ts). */
  review?: 'not-owner' | 'no-registry' | 'registry-mismatch' | 'too-many-misses' | 'barred';
  /** The unit had too many failed owner claims: check the claimant's identity in person. */
  unitFlag?: { at: string; misses: number };
  /** Pending: how long it has waited (by the server's clock), and whether that is long (≥ 24 h). */
  wait?: { minutes: number; text: string; long: boolean };
  /** Pending: who already lives in the flat (approved members; phones masked to the last 4 digits). Staff only. */
  household?: { name: string; relation: (typeof RELATIONS)[number]; phoneMasked: string; since: string }[];
  /** History: who decided (a staff member's name, 业主登记自动通过, or 业主审核). */
  decidedByLabel?: string;
  /** History: until when the caller may still undo this approval (absent: they may not). */
  undoUntil?: string;
}
export interface StaffView {
  staffId: string;
  communityId: string;
  communityName: string;
  name: string;
  roles: (typeof STAFF_ROLES)[number][];
  active: boolean;
  onDuty: boolean;
}
export interface MeView {
  openid: string;
  homes: HomeView[];
  staff: StaffView | null;
  community: { _id: string; name: string; hotline: string } | null;
  /** Every community the person is staff of (one entry per community, roles there); the switcher shows it when there are several. */
  staffCommunities?: { communityId: string; communityName: string; roles: (typeof STAFF_ROLES)[number][] }[];
}
