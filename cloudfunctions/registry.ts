import type { ActionMap } from './_lib/handler';
import { pingActions } from './ping/actions';

/** Every function and its actions: the source of the dev catalogue and the API reference. */
export const FUNCTIONS: Record<string, ActionMap> = {
  ping: pingActions,
};
