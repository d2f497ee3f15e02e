import { createFunction } from '../_lib/handler';
import { moveinActions } from './actions';

export const main = createFunction('movein', moveinActions);
