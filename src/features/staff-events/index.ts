export { StaffEventList } from './StaffEventList'
export { EventEditor } from './EventEditor'
export { StaffEventScreen } from './StaffEventScreen'
export { parseBeijing, toPlan, blankForm } from './plan-form'
