import { routedPage } from '@/features/shell'
import { StaffEventScreen } from '@/features/staff-events'

/** 活动详情（员工）(`?id=`). */
export default routedPage((params) => <StaffEventScreen eventId={params.id} />)
