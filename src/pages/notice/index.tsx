import { routedPage } from '@/features/shell'
import { NoticeScreen } from '@/features/notices'

/** 通知详情 (`?id=`): opened from 首页, the list, a subscribe message or a group chat card. */
export default routedPage((params) => <NoticeScreen announcementId={params.id} />)
