import { callFunction } from '@/services/cloud'
import type { MoveinInput } from '@/domain/movein-api'

export const FN = 'movein'

export interface SlotItem {
  slotId: string
  date: string
  startAt: string
  endAt: string
  capacity: number
  booked: number
}
export interface BatchView {
  batchId: string
  title: string
  building: string
  unitNos?: string[]
  rooms?: string[]
  slotSpecs?: { start: string; end: string; capacity: number }[]
  announcementId?: string | null
  startDate: string
  endDate: string
  status: 'draft' | 'open'
  cutoffHours: number
  feesNotice: string
  requiredDocuments: { kind: string; label: string }[]
  preparation: { task: string; who: string; done: boolean }[]
}
export interface SlotsView {
  batch: BatchView | null
  items: SlotItem[]
  bound?: boolean
  units?: { unitId: string; label: string }[]
}
export interface DefectView {
  defectId: string
  roomLabel: string
  itemLabel: string
  location: string
  note: string
  photoUrls: string[]
  warranty: { contractor: string } | null
  ticketId: string
  ticketNo: string
  status: 'open' | 'fixed' | 'accepted' | 'reopened'
  statusLabel: string
}
export interface BookingView {
  bookingId: string
  batchId: string
  batchTitle: string
  unitLabel: string
  name: string
  phone: string
  slotId: string
  slotText: string
  status: string
  statusLabel: string
  movable: boolean
  cutoffHours: number
  feesNotice: string
  documents: { kind: string; label: string; status: 'missing' | 'submitted' | 'approved' | 'rejected'; statusLabel: string; reason: string; files: number }[]
  handover: { step: string; label: string; done: boolean; byName: string }[]
  keys: { type: string; count: number; label: string }[]
  meters: { meter: string; label: string; reading: number }[]
  readyToSign: boolean
  signedAt: string | null
  inspected: boolean
  defects: DefectView[]
  canReinspect: boolean
}
export interface ReceiptView {
  bookingId: string
  communityName: string
  batchTitle: string
  unitLabel: string
  ownerName: string
  keys: { label: string; count: number; note: string }[]
  meters: { label: string; reading: number | null; photoUrl: string }[]
  steps: { step: string; label: string; at: string; byName: string }[]
  staffName: string
  signedAt: string
  signatureUrl: string
}
export interface DashboardView {
  title: string
  booked: number
  arrived: number
  documentsPending: number
  documentsRejected: number
  keysHandedOver: number
  inspectionsDone: number
  openDefects: number
  openDefectsByAge: { key: string; label: string; count: number }[]
}

export const moveinApi = {
  slots: (batchId?: string) => callFunction<SlotsView>(FN, 'slots', batchId ? { batchId } : {}, { idempotent: true }),
  mine: () => callFunction<{ items: BookingView[] }>(FN, 'myMovein', {}, { idempotent: true }),
  book: (data: MoveinInput<'book'>) => callFunction<BookingView>(FN, 'book', data),
  cancel: (bookingId: string) => callFunction<{ cancelled: boolean }>(FN, 'cancel', { bookingId }),
  submitDocument: (data: MoveinInput<'submitDocument'>) => callFunction<BookingView>(FN, 'submitDocument', data),
  documentUrls: (bookingId: string, kind: string) => callFunction<{ items: { fileId: string; url: string }[] }>(FN, 'documentUrls', { bookingId, kind }, { idempotent: true }),
  get: (bookingId: string) => callFunction<BookingView>(FN, 'getBooking', { bookingId }, { idempotent: true }),
  signReceipt: (bookingId: string, fileId: string) => callFunction<BookingView>(FN, 'signReceipt', { bookingId, signature: { fileId } }),
  receipt: (bookingId: string) => callFunction<ReceiptView>(FN, 'receipt', { bookingId }, { idempotent: true }),
  reinspect: (data: MoveinInput<'reinspect'>) => callFunction<BookingView>(FN, 'reinspect', data),
  // staff
  batches: () => callFunction<{ items: BatchView[] }>(FN, 'listBatches', {}, { idempotent: true }),
  publish: (batchId: string) =>
    callFunction<{ batchId: string; status: 'open'; announcement: { announcementId: string; status: 'review' | 'published' } | null }>(FN, 'publishBatch', { batchId }),
  getBatch: (batchId: string) => callFunction<BatchView>(FN, 'getBatch', { batchId }, { idempotent: true }),
  createBatch: (data: MoveinInput<'createBatch'>) => callFunction<{ batchId: string }>(FN, 'createBatch', data),
  updateBatch: (data: MoveinInput<'updateBatch'>) => callFunction<{ batchId: string; status: 'draft' | 'open' }>(FN, 'updateBatch', data),
  setPreparation: (batchId: string, index: number, done: boolean) => callFunction<unknown>(FN, 'setPreparation', { batchId, index, done }),
  bookings: (batchId: string) => callFunction<{ items: BookingView[] }>(FN, 'listBookings', { batchId }, { idempotent: true }),
  review: (data: MoveinInput<'reviewDocument'>) => callFunction<BookingView>(FN, 'reviewDocument', data),
  handover: (data: MoveinInput<'handover'>) => callFunction<BookingView>(FN, 'handover', data),
  inspect: (data: MoveinInput<'inspect'>) => callFunction<BookingView>(FN, 'inspect', data),
  dashboard: (batchId: string) => callFunction<DashboardView>(FN, 'dashboard', { batchId }, { idempotent: true }),
  exportBatch: (batchId: string) => callFunction<{ fileName: string; url: string }>(FN, 'exportBatch', { batchId }),
}
