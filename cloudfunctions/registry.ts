import type { ActionMap } from './_lib/handler';
import { accountActions } from './account/actions';
import { announcementActions } from './announcements/actions';
import { callbackActions } from './callbacks/actions';
import { inboxActions } from './inbox/actions';
import { onboardingActions } from './onboarding/actions';
import { pingActions } from './ping/actions';
import { ticketActions } from './tickets/actions';

/** Every function and its actions: the source of the dev catalogue and the API reference. */
export const FUNCTIONS: Record<string, ActionMap> = {
  account: accountActions,
  announcements: announcementActions,
  callbacks: callbackActions,
  inbox: inboxActions,
  onboarding: onboardingActions,
  ping: pingActions,
  tickets: ticketActions,
};
