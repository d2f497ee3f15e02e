export { ReportForm, REPORT_TITLES } from './ReportForm'
export { parseTicketType } from './parse'
