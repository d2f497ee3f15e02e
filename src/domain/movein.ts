/**
 * Move-in and handover (issue #13): the rules, decided once. Pure: imports nothing but itself.
 *
 * A batch hands over a building (or a range of its units) on some days, in daily slots with a
 * capacity. One person has at most one booking per batch; booking again moves it. The booking
 * then goes through the desk's document review, the handover on the day, the house inspection
 * and, when every defect is fixed, the resident's re-inspection sign-off.
 */

export const BOOKING_STATUSES = ['booked', 'approved', 'arrived', 'keys_signed', 'inspected', 'closed', 'cancelled'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  booked: '资料待审核',
  approved: '资料已通过',
  arrived: '已到场',
  keys_signed: '钥匙已交接',
  inspected: '已验房',
  closed: '已复验签收',
  cancelled: '已取消',
};
/** A booking still holding its slot. */
export const ACTIVE_BOOKING: BookingStatus[] = ['booked', 'approved', 'arrived', 'keys_signed', 'inspected', 'closed'];
/** Before the day's handover starts, the resident may still move or cancel (until the cutoff). */
export const MOVABLE_BOOKING: BookingStatus[] = ['booked', 'approved'];

export const DOCUMENT_STATUSES = ['missing', 'submitted', 'approved', 'rejected'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = { missing: '待上传', submitted: '待审核', approved: '已通过', rejected: '未通过' };

/** Documents a batch may require, with their labels (the batch picks which). */
export const DOCUMENT_KINDS = {
  id_card: '身份证',
  purchase_contract: '购房合同',
  power_of_attorney: '委托书',
  payment_receipt: '购房款缴清证明',
  household_register: '户口本',
} as const;
export type DocumentKind = keyof typeof DOCUMENT_KINDS;

/** Every document of a booking: a document may be replaced while missing, rejected or waiting, never once approved. */
export function canSubmitDocument(status: DocumentStatus): boolean {
  return status !== 'approved';
}
export function canReviewDocument(status: DocumentStatus): boolean {
  return status === 'submitted';
}
/** All required documents approved: the booking is approved (and the person bound as owner). */
export function allDocumentsApproved(docs: Record<string, { status: DocumentStatus }>, required: readonly string[]): boolean {
  return required.length > 0 && required.every((k) => docs[k]?.status === 'approved');
}

/** Document files: photos or PDF, at most this many bytes each. */
export const MOVEIN_FILE_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export const MOVEIN_FILE_MAX_BYTES = 5 * 1024 * 1024;
export const MOVEIN_FILES_PER_DOCUMENT = 6;
/** Which type the first bytes of a file say it is (the upload's declared type is not trusted). */
export function sniffType(head: Uint8Array): (typeof MOVEIN_FILE_TYPES)[number] | null {
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47) return 'image/png';
  if (head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46) return 'application/pdf';
  return null;
}

/** Reschedule/cancel cutoff: by default 24 h before the slot starts; a batch may set its own. */
export const DEFAULT_CUTOFF_HOURS = 24;
export function cutoffOf(slotStart: Date, cutoffHours: number = DEFAULT_CUTOFF_HOURS): Date {
  return new Date(slotStart.getTime() - cutoffHours * 3600_000);
}
/** Whether a booking on a slot starting at `slotStart` may still be moved or cancelled at `now`. */
export function beforeCutoff(now: Date, slotStart: Date, cutoffHours: number = DEFAULT_CUTOFF_HOURS): boolean {
  return now.getTime() < cutoffOf(slotStart, cutoffHours).getTime();
}
/** A new booking on a slot: the slot must not have started and must be before the cutoff too. */
export type BookRefusal = 'past' | 'cutoff' | 'full' | null;
export function bookRefusal(now: Date, slot: { startAt: Date; capacity: number; booked: number }, cutoffHours: number): BookRefusal {
  if (now.getTime() >= slot.startAt.getTime()) return 'past';
  if (!beforeCutoff(now, slot.startAt, cutoffHours)) return 'cutoff';
  if (slot.booked >= slot.capacity) return 'full';
  return null;
}
export const BOOK_REFUSAL_MESSAGES: Record<Exclude<BookRefusal, null>, string> = {
  past: '该时段已过，请选择其他时段',
  cutoff: '该时段已过预约截止时间，请选择其他时段',
  full: '该时段已约满，请选择其他时段',
};

/** Handover on the day: the guided checklist, in order. */
export const HANDOVER_STEPS = ['arrival', 'documents', 'keys', 'meters', 'manuals'] as const;
export type HandoverStep = (typeof HANDOVER_STEPS)[number];
export const HANDOVER_STEP_LABELS: Record<HandoverStep, string> = {
  arrival: '到场登记',
  documents: '资料核验',
  keys: '钥匙清点',
  meters: '抄表（水/电/燃气）',
  manuals: '移交使用说明书与收费告知',
};
export const KEY_TYPES = { door: '入户门钥匙', mailbox: '信箱钥匙', access_card: '单元门禁卡', meter_box: '电表箱钥匙', other: '其他' } as const;
export type KeyType = keyof typeof KEY_TYPES;
export const METERS = { water: '水表', electricity: '电表', gas: '燃气表' } as const;
export type Meter = keyof typeof METERS;
/** The resident signs the key receipt only when every handover step is done. */
export function readyToSign(done: Partial<Record<HandoverStep, unknown>>): boolean {
  return HANDOVER_STEPS.every((s) => !!done[s]);
}
/** A step may be recorded only after the ones before it. */
export function canRecordStep(done: Partial<Record<HandoverStep, unknown>>, step: HandoverStep): boolean {
  return HANDOVER_STEPS.slice(0, HANDOVER_STEPS.indexOf(step)).every((s) => !!done[s]);
}

/** House inspection: rooms and what is checked in each. */
export const ROOMS = { living: '客厅', bedroom: '卧室', kitchen: '厨房', bathroom: '卫生间', balcony: '阳台' } as const;
export type Room = keyof typeof ROOMS;
export const INSPECTION_ITEMS = {
  walls: '墙面',
  floors: '地面',
  ceilings: '天花板',
  doors_windows: '门窗',
  water_electric: '水电',
  drains_leaks: '排水/渗漏',
  fixtures: '固定设施',
} as const;
export type InspectionItem = keyof typeof INSPECTION_ITEMS;

/** Defects: open (a ticket is working on it) → fixed (its ticket resolved/closed) → accepted at re-inspection, or reopened. */
export const DEFECT_STATUSES = ['open', 'fixed', 'accepted', 'reopened'] as const;
export type DefectStatus = (typeof DEFECT_STATUSES)[number];
export const DEFECT_STATUS_LABELS: Record<DefectStatus, string> = { open: '整改中', fixed: '已整改待复验', accepted: '复验通过', reopened: '复验未通过，重新整改' };
/** A defect's ticket in one of these states counts as fixed. */
export const FIXED_TICKET_STATUSES = ['resolved', 'closed'];
/** Re-inspection may be signed when the booking was inspected and every defect's current ticket is fixed. */
export function canReinspect(status: BookingStatus, defects: { fixed: boolean }[]): boolean {
  return status === 'inspected' && defects.length > 0 && defects.every((d) => d.fixed);
}
/** The booking closes when no defect is left open after the sign-off (refused ones are reopened). */
export function afterReinspection(refused: number): BookingStatus {
  return refused > 0 ? 'inspected' : 'closed';
}

/** The desk's preparation checklist a new batch starts with (manual 1.1). */
export const DEFAULT_PREPARATION = ['资料整理', '现场布置', '人员培训'];

/** Defects by age for the dashboard: under 3 days, 3–7, 7–30, over 30. */
export const AGE_BUCKETS = [
  { key: 'd0_3', label: '3天内', maxDays: 3 },
  { key: 'd3_7', label: '3–7天', maxDays: 7 },
  { key: 'd7_30', label: '7–30天', maxDays: 30 },
  { key: 'd30', label: '30天以上', maxDays: Infinity },
] as const;
export function ageBucket(openedAt: Date, now: Date): (typeof AGE_BUCKETS)[number]['key'] {
  const days = (now.getTime() - openedAt.getTime()) / 86400_000;
  return AGE_BUCKETS.find((b) => days < b.maxDays)!.key;
}

/** Whether a unit (by building, unit number, room) falls into a batch's range. */
export interface BatchRange {
  building: string;
  unitNos?: string[];
  rooms?: string[];
}
export function inRange(range: BatchRange, unit: { building: string; unitNo: string; room: string }): boolean {
  if (unit.building !== range.building) return false;
  if (range.unitNos?.length && !range.unitNos.includes(unit.unitNo)) return false;
  if (range.rooms?.length && !range.rooms.includes(unit.room)) return false;
  return true;
}
