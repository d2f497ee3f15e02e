import { createFunction } from '../_lib/handler';
import { facilitiesActions } from './actions';

export const main = createFunction('facilities', facilitiesActions);
