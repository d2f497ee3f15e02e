import { routedPage } from '@/features/shell'
import { EventScreen } from '@/features/event-detail'

/** 活动详情 (`?id=`): from the 活动 tab, a message, or a shared card. */
export default routedPage((params) => <EventScreen eventId={params.id} />)
