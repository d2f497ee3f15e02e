import { routedPage } from '@/features/shell'
import { ReportForm, parseTicketType } from '@/features/report'

/** 报修 / 投诉 / 咨询 (`?type=repair|complaint|consultation`); 紧急报修 with `&mode=emergency`. */
export default routedPage((params) => <ReportForm type={parseTicketType(params.type)} emergency={params.mode === 'emergency'} />)
