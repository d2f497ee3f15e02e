import { TICKET_TYPES, type TicketType } from '@/domain/tickets/catalog'

/** The type from the page query (`?type=repair|complaint|consultation`); anything else is a repair. */
export function parseTicketType(raw: string | undefined): TicketType {
  return (TICKET_TYPES as readonly string[]).includes(raw ?? '') ? (raw as TicketType) : 'repair'
}
