/**
 * Working time: deadlines that run on a community's service hours and on China's working days
 * (法定节假日 off, 调休 weekends on). Pure: the calendar data is passed in (the functions load it
 * from `chinese-days`, `cloudfunctions/_lib/work-calendar.ts`), so it never enters the client.
 *
 * How a duration counts on this clock:
 * - whole days (each 1,440 minutes of it) are working days: the same time of day, N working days on
 *   ("3 working days" from Wednesday 10:00 before National Day is the third working day after it);
 * - the rest (under a day) is minutes inside service hours, carried over to the next working day's
 *   opening when the day closes;
 * - a start outside service hours (evening, weekend, holiday) starts at the next opening.
 * Times are 北京时间: Asia/Shanghai has had no daylight saving since 1991, so it is UTC+8 here.
 */

/** Dates are `YYYY-MM-DD` (北京时间). */
export interface WorkCalendar {
  /** Public holidays, weekends inside them included. */
  holidays: ReadonlySet<string>;
  /** 调休: weekend days that are working days. */
  workdays: ReadonlySet<string>;
  /** Years the data covers; outside them only Saturday and Sunday are off. */
  firstYear: number;
  lastYear: number;
}

export interface ServiceHours {
  /** `HH:mm`, 北京时间; open before close. */
  open: string;
  close: string;
}

export const DEFAULT_SERVICE_HOURS: ServiceHours = { open: '08:30', close: '17:30' };

/** What the working-time clock needs: the calendar and the community's service hours. */
export interface WorkClock {
  calendar: WorkCalendar;
  hours: ServiceHours;
}

const OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86400_000;
const MINUTE_MS = 60_000;
/** No deadline is more than ten years of working days away: a guard, never reached by valid settings. */
const MAX_DAYS = 3660;

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
/** Days since the epoch of the 北京时间 date of `t`. */
const dayOf = (t: number) => Math.floor((t + OFFSET_MS) / DAY_MS);
const minuteOf = (t: number) => Math.floor(((t + OFFSET_MS) % DAY_MS) / MINUTE_MS);
const at = (day: number, minute: number) => day * DAY_MS - OFFSET_MS + minute * MINUTE_MS;
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Whether a 北京时间 date (`YYYY-MM-DD`) is a working day. */
export function isWorkingDay(date: string, calendar: WorkCalendar): boolean {
  if (calendar.workdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** Whether the calendar knows the holidays of this date's year (else weekends only are off). */
export function calendarCovers(date: string, calendar: WorkCalendar): boolean {
  const y = Number(date.slice(0, 4));
  return y >= calendar.firstYear && y <= calendar.lastYear;
}

function nextWorkingDay(day: number, calendar: WorkCalendar): number {
  for (let d = day + 1, n = 0; n < MAX_DAYS; d++, n++) if (isWorkingDay(isoOf(d), calendar)) return d;
  throw new Error('working calendar: no working day ahead');
}

/** The first moment at or after `t` inside service hours on a working day. */
export function nextOpening(t: Date, clock: WorkClock): Date {
  const open = toMinutes(clock.hours.open);
  const close = toMinutes(clock.hours.close);
  const ms = t.getTime();
  const day = dayOf(ms);
  const minute = minuteOf(ms);
  if (isWorkingDay(isoOf(day), clock.calendar)) {
    if (minute < open) return new Date(at(day, open));
    if (minute < close) return t;
  }
  return new Date(at(nextWorkingDay(day, clock.calendar), open));
}

/** `start` plus `minutes` on the working-time clock (see the module comment for how they count). */
export function addWorkingMinutes(start: Date, minutes: number, clock: WorkClock): Date {
  const open = toMinutes(clock.hours.open);
  const close = toMinutes(clock.hours.close);
  if (!(close > open)) throw new Error('service hours: open must be before close');
  let t = nextOpening(start, clock).getTime();
  const days = Math.floor(minutes / 1440);
  let rest = minutes - days * 1440;
  for (let k = 0; k < Math.min(days, MAX_DAYS); k++) t = at(nextWorkingDay(dayOf(t), clock.calendar), minuteOf(t));
  for (let n = 0; rest > 0 && n < MAX_DAYS; n++) {
    const left = close - minuteOf(t);
    if (rest <= left) return new Date(t + rest * MINUTE_MS);
    rest -= left;
    t = at(nextWorkingDay(dayOf(t), clock.calendar), open);
  }
  return new Date(t);
}

/** A calendar from lists of dates (as `chinese-days` ships them: `{ holidays: {date: …}, workdays: {date: …} }`). */
export function workCalendarFrom(data: { holidays: Record<string, unknown>; workdays: Record<string, unknown> }): WorkCalendar {
  const years = [...Object.keys(data.holidays), ...Object.keys(data.workdays)].map((d) => Number(d.slice(0, 4)));
  return {
    holidays: new Set(Object.keys(data.holidays)),
    workdays: new Set(Object.keys(data.workdays)),
    firstYear: years.length ? Math.min(...years) : 0,
    lastYear: years.length ? Math.max(...years) : 0,
  };
}
