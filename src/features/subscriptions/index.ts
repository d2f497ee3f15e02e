export { SubscriptionsScreen } from './SubscriptionsScreen'
export { subscriptionsApi } from './api'
export type { MessageKind, StaffMessageKind, Subscriptions } from './api'
export { messageTypes, requestConsents } from './consent'
