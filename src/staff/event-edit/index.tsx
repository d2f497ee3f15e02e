import { routedPage } from '@/features/shell'
import { EventEditor } from '@/features/staff-events'

/** 策划活动 (`?id=` edits a draft). */
export default routedPage((params) => <EventEditor eventId={params.id} />)
