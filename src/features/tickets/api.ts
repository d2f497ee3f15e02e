/**
 * Typed calls to the `tickets` cloud function used by residents (and the detail/act calls staff
 * share). Shapes are the shared contract's types; zod itself stays out of the client bundle.
 */
import { callFunction } from '@/services/cloud'
import type { ActInput, CreateTicketInput, EmergencyReportInput, Page, TicketDetail, TicketLocation, TicketSummary } from '@/domain/tickets/api'
import type { TicketStatus } from '@/domain/tickets/state-machine'

export const FN = 'tickets'
export const read = { idempotent: true } as const

export type MineFilter = 'open' | 'resolved' | 'closed' | 'all'
/** Derived from the `create` schema (types only: zod stays out of the bundle). */
export type { CreateTicketInput, TicketLocation }

export interface Created {
  ticketId: string
  no: string
  created: boolean
}

export const ticketsApi = {
  create: (input: CreateTicketInput) => callFunction<Created>(FN, 'create', input),
  /** A public-area emergency from someone who may not be bound (marked for the desk to verify). */
  reportEmergency: (input: EmergencyReportInput) => callFunction<Created>(FN, 'reportEmergency', input),
  listMine: (params: { status: MineFilter; pageSize?: number; cursor?: string }) => callFunction<Page<TicketSummary>>(FN, 'listMine', params, read),
  get: (ticketId: string) => callFunction<TicketDetail>(FN, 'get', { ticketId }, read),
  act: (input: ActInput) => callFunction<{ ticketId: string; status: TicketStatus }>(FN, 'act', input),
}
