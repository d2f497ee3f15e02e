export { InboxScreen } from './InboxScreen'
export { inboxApi } from './api'
export { targetUrl } from './link'
export { MessageCard } from './MessageCard'
