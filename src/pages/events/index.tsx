import { tabPage } from '@/features/shell'
import { EventsTab } from '@/features/events'

/** 活动: community events — upcoming (recommended first), mine, past. */
export default tabPage(() => <EventsTab />)
