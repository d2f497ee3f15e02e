import { routedPage } from '@/features/shell'
import { Poster } from '@/features/staff-notices'

/** 公告海报 (`?id=`): the A4 bulletin-board poster with a QR code to the notice. */
export default routedPage((params) => <Poster announcementId={params.id} />)
