import { createFunction } from '../_lib/handler';
import { announcementActions } from './actions';

export const main = createFunction('announcements', announcementActions);
