import { createFunction } from '../_lib/handler';
import { accountActions } from './actions';

export const main = createFunction('account', accountActions);
