import { createFunction } from '../_lib/handler';
import { registerActions } from './actions';

export const main = createFunction('register', registerActions);
