/**
 * Typed calls to the `events` cloud function. Shapes are the contract's types, imported as types
 * only: zod stays out of the bundle.
 */
import { callFunction } from '@/services/cloud'
import type { EventListItem, EventPlanInput, FeedbackInput } from '@/domain/events-api'
import type { EventAction, EventPhase } from '@/domain/events'

export const FN = 'events'
const read = { idempotent: true } as const

export type EventTab = 'upcoming' | 'mine' | 'past'
export type { EventListItem, EventPlanInput }

export interface ActionItem {
  key: EventAction
  label: string
}

/** What every view of an event has. */
export interface EventBase {
  eventId: string
  title: string
  theme: string
  themeLabel: string
  startAt: string
  endAt: string
  place: string
  agenda: string
  safety: string
  ageGroups: string[]
  ageGroupLabels: string[]
  interests: string[]
  organisation: { lead: string; staff: string[]; volunteers: string[]; roles: string }
  capacity: number
  seatsLeft: number
  waitlisted: number
  perHousehold: number
  membersCount: boolean
  signUpOpensAt: string
  signUpClosesAt: string
  cancelCutoffHours: number
  cancelDeadline: string
  cost: string
  feedbackQuestions: { key: string; label: string }[]
  phase: EventPhase
  phaseLabel: string
  cancelled: { reason: string; at: string } | null
  changes: { message: string; at: string }[]
  coverUrl: string | null
  actions: ActionItem[]
}

export interface MyRegistration {
  status: 'confirmed' | 'waitlisted' | 'cancelled' | 'attended'
  statusLabel: string
  people: number
  unitLabel: string
  position?: number
}

export interface ResidentEvent extends EventBase {
  mine: MyRegistration | null
}

export interface StaffEvent extends EventBase {
  status: string
  budget: number
  cover: string | null
  review: { byName: string; approved: boolean; reason: string; at: string } | null
  createdByName: string
  notes: { text: string; byName: string; at: string; photos: string[] }[]
  closing: { actualCost: number; keep: string; change: string; at: string } | null
}

export interface Registration {
  registrationId: string
  unitLabel: string
  name: string
  phone: string
  people: number
  seats: number
  status: MyRegistration['status']
  statusLabel: string
  at: string
  attendedAt: string | null
  position?: number
}

export interface Registrations {
  confirmed: Registration[]
  waitlist: Registration[]
  cancelled: Registration[]
  counts: { seatsTaken: number; capacity: number; attended: number }
}

export interface EventSummary {
  eventId: string
  title: string
  phaseLabel: string
  startAt: string
  registrations: { households: number; people: number }
  attended: { households: number; people: number }
  attendanceRate: number | null
  noShows: { unitLabel: string; name: string; people: number }[]
  satisfaction: { responses: number; rating: number | null; questions: { key: string; label: string; average: number | null }[] }
  comments: { comment: string; rating: number; at: string }[]
  photos: string[]
  costs: { budget: number; actual: number | null; perAttendee: number | null }
  closing: { actualCost: number; keep: string; change: string } | null
}

export interface AnalysisRow {
  key: string
  label: string
  events: number
  attended: number
  byAge: { ageGroup: string; label: string; people: number }[]
}

export const eventsApi = {
  list: (tab: EventTab) => callFunction<{ items: EventListItem[]; profileSet: boolean }>(FN, 'list', { tab }, read),
  get: (eventId: string) => callFunction<ResidentEvent>(FN, 'get', { eventId }, read),
  signUp: (eventId: string, people: number, clientRequestId: string) =>
    callFunction<{ status: 'confirmed' | 'waitlisted'; people: number; position?: number }>(FN, 'signUp', { eventId, people, clientRequestId }),
  cancel: (eventId: string) => callFunction<{ status: 'cancelled' }>(FN, 'cancel', { eventId }),
  myCode: (eventId: string) => callFunction<{ code: string; people: number; unitLabel: string; status: string }>(FN, 'myCode', { eventId }, read),
  feedback: (input: FeedbackInput) => callFunction<{ saved: true }>(FN, 'feedback', input),
  profile: (ageGroups: string[], interests: string[]) => callFunction<{ unitId: string }>(FN, 'profile', { ageGroups, interests }),
}

export const staffEventsApi = {
  list: (phase = 'all') => callFunction<{ items: StaffEvent[] }>(FN, 'staffList', { phase }, read),
  get: (eventId: string) => callFunction<StaffEvent>(FN, 'staffGet', { eventId }, read),
  create: (plan: EventPlanInput, clientRequestId: string) => callFunction<StaffEvent>(FN, 'create', { ...plan, clientRequestId }),
  update: (eventId: string, plan: EventPlanInput) => callFunction<StaffEvent>(FN, 'update', { ...plan, eventId }),
  submit: (eventId: string) => callFunction<StaffEvent>(FN, 'submit', { eventId }),
  review: (eventId: string, approve: boolean, reason?: string) => callFunction<StaffEvent>(FN, 'review', { eventId, approve, ...(reason ? { reason } : {}) }),
  cancelEvent: (eventId: string, reason: string) => callFunction<StaffEvent & { told: number }>(FN, 'cancelEvent', { eventId, reason }),
  change: (eventId: string, patch: { startAt?: string; endAt?: string; place?: string; message: string }) =>
    callFunction<StaffEvent & { told: number }>(FN, 'change', { eventId, ...patch }),
  registrations: (eventId: string) => callFunction<Registrations>(FN, 'registrations', { eventId }, read),
  export: (eventId: string) => callFunction<{ url: string | null; fileName: string; rows: number }>(FN, 'export', { eventId }),
  checkIn: (eventId: string, by: { code: string } | { registrationId: string }) => callFunction<Registration & { already: boolean }>(FN, 'checkIn', { eventId, ...by }),
  note: (eventId: string, text: string, photos: string[]) => callFunction<StaffEvent>(FN, 'note', { eventId, text, photos }),
  close: (eventId: string, actualCost: number, keep: string, change: string) => callFunction<EventSummary>(FN, 'close', { eventId, actualCost, keep, change }),
  summary: (eventId: string) => callFunction<EventSummary>(FN, 'summary', { eventId }, read),
  analysis: () => callFunction<{ events: number; themes: AnalysisRow[]; weekdays: AnalysisRow[]; times: AnalysisRow[] }>(FN, 'analysis', {}, read),
}
