import { createFunction } from '../_lib/handler';
import { ticketActions } from './actions';

export const main = createFunction('tickets', ticketActions);
