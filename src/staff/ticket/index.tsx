import { routedPage } from '@/features/shell'
import { StaffTicketScreen } from '@/features/staff-tickets'

export default routedPage((params) => <StaffTicketScreen ticketId={params.id} />)
