import { AppError } from '../../src/domain/errors';
import type { BatchRange, BookingStatus, DefectStatus, DocumentKind, DocumentStatus, HandoverStep, InspectionItem, KeyType, Meter, Room } from '../../src/domain/movein';
import type { ActionContext } from '../_lib/handler';

/** Stored shapes of the movein function's collections. */
export interface BatchDoc {
  _id: string;
  communityId: string;
  title: string;
  range: BatchRange;
  startDate: string;
  endDate: string;
  slotSpecs: { start: string; end: string; capacity: number }[];
  requiredDocuments: DocumentKind[];
  feesNotice: string;
  preparation: { task: string; who: string; done: boolean; doneAt?: Date | null }[];
  cutoffHours: number;
  status: 'draft' | 'open';
  requestKey: string;
  createdAt: Date;
  createdBy: string;
  publishedAt?: Date;
  updatedAt?: Date;
  /** The 入住通知 published through the announcements flow. */
  announcementId?: string;
}

export interface SlotDoc {
  _id: string;
  batchId: string;
  communityId: string;
  date: string;
  startAt: Date;
  endAt: Date;
  capacity: number;
  booked: number;
}

export interface DocumentEntry {
  status: DocumentStatus;
  fileIds: string[];
  reason?: string;
  submittedAt?: Date;
  decidedAt?: Date;
  decidedBy?: string;
}

export interface DefectEntry {
  id: string;
  room: Room;
  item: InspectionItem;
  location: string;
  note: string;
  photos: string[];
  category: string;
  warranty: { contractor: string } | null;
  ticketId: string;
  ticketNo: string;
  openedAt: Date;
  status: DefectStatus;
  history: { ticketId: string; ticketNo: string; at: Date; refusedNote?: string }[];
}

export interface BookingDoc {
  _id: string;
  batchId: string;
  communityId: string;
  openid: string;
  unitId: string;
  unitLabel: string;
  name: string;
  phone: string;
  /** Booked as a person not yet bound, matched against the owner registry. */
  viaRegistry: boolean;
  slotId: string;
  slotStartAt: Date;
  slotEndAt: Date;
  status: BookingStatus;
  documents: Partial<Record<DocumentKind, DocumentEntry>>;
  handover: Partial<Record<HandoverStep, { at: Date; by: string; byName: string }>>;
  keys?: { type: KeyType; count: number; note?: string }[];
  meters?: Record<Meter, { reading: number; photo: string }>;
  receipt?: { signatureFileId: string; signedAt: Date; staffName: string };
  inspection?: { at: Date; by: string; byName: string; requestKey: string; items: { room: Room; item: InspectionItem; ok: boolean; defectId?: string }[] };
  defects: DefectEntry[];
  reinspections: { at: Date; signatureFileId: string; refused: string[] }[];
  createdAt: Date;
  updatedAt: Date;
  cancelledAt?: Date;
}

export const MOVEIN_STAFF = ['desk', 'engineer', 'supervisor', 'admin'] as const;
export const BATCH_MANAGERS = ['desk', 'supervisor', 'admin'] as const;

/** A record of another community is reported missing, not forbidden. */
export function staffCommunity(ctx: ActionContext, communityId: string): boolean {
  return !!ctx.caller.staff && ctx.caller.staff.communityId === communityId && MOVEIN_STAFF.some((r) => ctx.caller.roles.has(r));
}

export async function loadBatch(ctx: ActionContext, batchId: string): Promise<BatchDoc> {
  const b = (await ctx.db.collection('movein_batches').doc(batchId).get()).data[0] as BatchDoc | undefined;
  if (!b) throw new AppError('NOT_FOUND', '入住批次不存在');
  return b;
}

export async function loadBooking(ctx: ActionContext, bookingId: string): Promise<BookingDoc> {
  const b = (await ctx.db.collection('movein_bookings').doc(bookingId).get()).data[0] as BookingDoc | undefined;
  if (!b) throw new AppError('NOT_FOUND', '预约不存在');
  return b;
}

/** The booker themself or staff of the booking's community; anyone else is told it does not exist. */
export async function visibleBooking(ctx: ActionContext, bookingId: string, who: 'booker' | 'staff' | 'either' = 'either'): Promise<BookingDoc> {
  const b = await loadBooking(ctx, bookingId);
  const booker = b.openid === ctx.caller.openid;
  const staff = staffCommunity(ctx, b.communityId);
  const ok = who === 'booker' ? booker : who === 'staff' ? staff : booker || staff;
  if (!ok) {
    if ((booker || staff) && who !== 'either') throw new AppError('FORBIDDEN', who === 'booker' ? '只有预约本人可以进行此操作' : '只有本小区物业人员可以进行此操作');
    throw new AppError('NOT_FOUND', '预约不存在');
  }
  return b;
}

/** A booking the caller may act on as `who` (see `visibleBooking`), with its batch. */
export async function bookingWithBatch(ctx: ActionContext, bookingId: string, who: 'booker' | 'staff' | 'either' = 'either'): Promise<{ b: BookingDoc; batch: BatchDoc }> {
  const b = await visibleBooking(ctx, bookingId, who);
  return { b, batch: await loadBatch(ctx, b.batchId) };
}

/** Temporary, expiring download URLs (10 minutes) of stored files. */
export async function tempUrls(ctx: ActionContext, fileIds: string[], maxAge = 600): Promise<Record<string, string>> {
  if (!fileIds.length) return {};
  const res: any = await ctx.app.getTempFileURL({ fileList: fileIds.map((fileID) => ({ fileID, maxAge })) } as any);
  return Object.fromEntries((res?.fileList ?? []).filter((f: any) => f.code === 'SUCCESS').map((f: any) => [f.fileID, f.tempFileURL]));
}
