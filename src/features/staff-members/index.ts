export { StaffMembers } from './StaffMembers'
