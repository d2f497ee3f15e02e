export { eventsApi, staffEventsApi, FN } from './api'
export type {
  ActionItem,
  EventBase,
  EventListItem,
  EventPlanInput,
  EventSummary,
  EventTab,
  MyRegistration,
  Registration,
  Registrations,
  ResidentEvent,
  StaffEvent,
  AnalysisRow,
} from './api'
export { dayTime, timeRange, seatsText, PHASE_TONE, eventPath } from './format'
export { EventCard } from './EventCard'
export { EventsTab } from './EventsTab'
