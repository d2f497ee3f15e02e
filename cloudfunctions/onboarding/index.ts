import { createFunction } from '../_lib/handler';
import { onboardingActions } from './actions';

export const main = createFunction('onboarding', onboardingActions);
