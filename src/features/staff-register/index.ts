export { RegisterList } from './RegisterList'
export { Analysis } from './Analysis'
export { MonthlyReport } from './MonthlyReport'
export { registerApi } from './api'
