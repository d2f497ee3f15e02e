export { TicketScreen } from './TicketScreen'
