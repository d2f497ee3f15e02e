import { routedPage } from '@/features/shell'
import { ReportForm, parseTicketType } from '@/features/report'

/** 报修 / 投诉 / 咨询 (`?type=repair|complaint|consultation`). */
export default routedPage((params) => <ReportForm type={parseTicketType(params.type)} />)
