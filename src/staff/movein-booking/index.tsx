import { routedPage } from '@/features/shell'
import { StaffBooking } from '@/features/movein'

/** One booking (`?id=`): document review, handover checklist, house inspection. */
export default routedPage((params) => <StaffBooking bookingId={params.id} />)
