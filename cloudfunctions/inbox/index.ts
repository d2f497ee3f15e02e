import { createFunction } from '../_lib/handler';
import { inboxActions } from './actions';

export const main = createFunction('inbox', inboxActions);
