/**
 * Typed calls to the `tickets` cloud function used by residents (and the detail/act calls staff
 * share). Shapes are the shared contract's types; zod itself stays out of the client bundle.
 */
import { callFunction } from '@/services/cloud'
import type { ActInput, Page, TicketDetail, TicketSummary } from '@/domain/tickets/api'
import type { TicketType } from '@/domain/tickets/catalog'
import type { TicketStatus } from '@/domain/tickets/state-machine'

export const FN = 'tickets'
export const read = { idempotent: true } as const

export type TicketLocation = { kind: 'home'; unitId: string } | { kind: 'public'; building?: string; floor?: string; area: string }
export type MineFilter = 'open' | 'resolved' | 'closed' | 'all'

export interface CreateTicketInput {
  type: TicketType
  category: string
  description: string
  photos: string[]
  /** A short video's fileID (instead of photos). */
  video?: string
  location: TicketLocation
  contactPhone: string
  window?: { start: string; end: string }
  subscribed: string[]
  clientRequestId: string
}

export interface Created {
  ticketId: string
  no: string
  created: boolean
}

export const ticketsApi = {
  create: (input: CreateTicketInput) => callFunction<Created>(FN, 'create', input),
  listMine: (params: { status: MineFilter; pageSize?: number; cursor?: string }) => callFunction<Page<TicketSummary>>(FN, 'listMine', params, read),
  get: (ticketId: string) => callFunction<TicketDetail>(FN, 'get', { ticketId }, read),
  act: (input: ActInput) => callFunction<{ ticketId: string; status: TicketStatus }>(FN, 'act', input),
}
