import { routedPage } from '@/features/shell'
import { TicketScreen } from '@/features/ticket-detail'

/** A resident's request: status, promised times, progress, and what they can do now. */
export default routedPage((params) => <TicketScreen ticketId={params.id} />)
