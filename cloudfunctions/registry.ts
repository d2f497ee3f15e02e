import type { ActionMap } from './_lib/handler';
import { accountActions } from './account/actions';
import { announcementActions } from './announcements/actions';
import { callbackActions } from './callbacks/actions';
import { eventActions } from './events/actions';
import { facilitiesActions } from './facilities/actions';
import { inboxActions } from './inbox/actions';
import { moveinActions } from './movein/actions';
import { onboardingActions } from './onboarding/actions';
import { pingActions } from './ping/actions';
import { registerActions } from './register/actions';
import { ticketActions } from './tickets/actions';

/** Every function and its actions: the source of the dev catalogue and the API reference. */
export const FUNCTIONS: Record<string, ActionMap> = {
  account: accountActions,
  announcements: announcementActions,
  callbacks: callbackActions,
  events: eventActions,
  facilities: facilitiesActions,
  inbox: inboxActions,
  movein: moveinActions,
  onboarding: onboardingActions,
  ping: pingActions,
  register: registerActions,
  tickets: ticketActions,
};
