import { routedPage } from '@/features/shell'
import { NoticeScreen } from '@/features/notices'
import { noticeIdFrom } from '@/domain/announcements'

/** 通知详情 (`?id=`, or `?scene=` from a poster's mini-program code): opened from 首页, the list, a subscribe message, a group chat card or a poster. */
export default routedPage((params) => <NoticeScreen announcementId={noticeIdFrom(params)} />)
