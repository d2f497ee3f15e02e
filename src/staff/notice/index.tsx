import { routedPage } from '@/features/shell'
import { StaffNoticeScreen } from '@/features/staff-notices'

/** 公告详情 for staff (`?id=`): status, records, reach and actions. */
export default routedPage((params) => <StaffNoticeScreen announcementId={params.id} />)
