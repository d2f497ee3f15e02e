export { MyRequests } from './MyRequests'
