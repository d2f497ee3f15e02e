import { createFunction } from '../_lib/handler';
import { pingActions } from './actions';

export const main = createFunction('ping', pingActions);
