import { createFunction } from '../_lib/handler';
import { callbackActions } from './actions';

export const main = createFunction('callbacks', callbackActions);
