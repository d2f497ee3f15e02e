import { createFunction } from '../_lib/handler';
import { eventActions } from './actions';

export const main = createFunction('events', eventActions);
