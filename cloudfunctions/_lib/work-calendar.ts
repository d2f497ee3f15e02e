// Only the holiday data of `chinese-days` (≈37 KB of JSON), not its lunar/solar-term code: the
// working-day rules themselves are in src/domain/tickets/working-time.ts. The package's version is
// pinned in package.json; a new year's 调休 arrives by bumping it (the State Council publishes the
// next year's arrangement each November), and a year it does not cover counts weekends only.
import data from 'chinese-days/dist/chinese-days.json';
import { DEFAULT_SERVICE_HOURS, workCalendarFrom, type ServiceHours, type WorkCalendar, type WorkClock } from '../../src/domain/tickets/working-time';

let calendar: WorkCalendar | undefined;

/** China's working-day calendar (built once per instance). */
export function chinaCalendar(): WorkCalendar {
  calendar ??= workCalendarFrom(data as { holidays: Record<string, string>; workdays: Record<string, string> });
  return calendar;
}

/** The working-time clock of a community: its service-desk hours (else the default) on China's working days. */
export function workClock(deskHours: ServiceHours | null | undefined): WorkClock {
  const ok = deskHours && /^\d\d:\d\d$/.test(deskHours.open) && /^\d\d:\d\d$/.test(deskHours.close) && deskHours.open < deskHours.close;
  return { calendar: chinaCalendar(), hours: ok ? { open: deskHours.open, close: deskHours.close } : DEFAULT_SERVICE_HOURS };
}
