import { tabPage } from '@/features/shell'
import { MyRequests } from '@/features/my-requests'

/** 服务: the resident's repair / complaint / consultation requests. */
export default tabPage(() => <MyRequests />)
