export { useUnread, refreshUnread, setUnread } from './useUnread'
