/**
 * The one time module: every date a person reads is 北京时间 (Asia/Shanghai), whatever the zone
 * of the machine that formats it (a cloud function in UTC, a phone abroad, a test with TZ=UTC).
 * Used by the functions (subscribe messages, inbox texts) and the client (pages, posters).
 */
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

export const ZONE = 'Asia/Shanghai';
/** Asia/Shanghai is UTC+08:00 all year: China has had one zone and no daylight saving since 1991. */
export const BEIJING_OFFSET_MINUTES = 8 * 60;

/**
 * The timezone plugin needs `Intl` with time zones; some mini-program engines lack it. China has
 * one zone and no daylight saving since 1991, so a fixed +08:00 is the same answer there. Asked
 * only when needed: loading a zone costs a cold start (a cloud function never needs it).
 */
let zones: boolean | undefined;
const hasZones = () =>
  (zones ??= (() => {
    try {
      return dayjs.utc('2026-01-01T00:00:00Z').tz(ZONE).hour() === 8;
    } catch {
      return false;
    }
  })());

/**
 * Whether this machine keeps one offset all year and it is UTC's or Beijing's (a cloud function,
 * a phone in China). dayjs does fixed-offset arithmetic on the machine's local clock, so it is
 * exact only where that clock never shifts; elsewhere (a phone in a daylight-saving zone) the
 * timezone plugin is used. Checked per call: tests change TZ while running.
 */
const steadyMachineClock = () => {
  const winter = new Date(2026, 0, 1).getTimezoneOffset();
  return winter === new Date(2026, 6, 1).getTimezoneOffset() && (winter === 0 || winter === -BEIJING_OFFSET_MINUTES);
};

/**
 * An instant as a Beijing wall clock (for formatting and calendar arithmetic). Where the machine's
 * clock never shifts, a fixed +08:00 — the same answer as the zone database for every date since
 * 1991 (tests/unit/time.test.ts compares them) without an `Intl` zone lookup per conversion, which
 * was the announcements function's largest single cost per feed; elsewhere the timezone plugin.
 */
export function beijing(at?: string | number | Date | Dayjs): Dayjs {
  // A Dayjs that already carries an offset is taken as its instant.
  const d = dayjs(dayjs.isDayjs(at) ? at.valueOf() : at);
  return !steadyMachineClock() && hasZones() ? d.tz(ZONE) : d.utcOffset(BEIJING_OFFSET_MINUTES);
}

const minutes = new Map<number, string>();
/**
 * "2026-11-28 09:42": the `time` field of a subscribe message. Remembered per minute (a timer
 * run formats the same few minutes for thousands of messages; zone conversion is the slow part).
 */
export function formatMinute(at: string | number | Date): string {
  const minute = Math.floor(new Date(at).getTime() / 60_000);
  let text = minutes.get(minute);
  if (text === undefined) {
    text = beijing(at).format('YYYY-MM-DD HH:mm');
    if (minutes.size >= 2048) minutes.clear();
    minutes.set(minute, text);
  }
  return text;
}

/** "11-28 09:42": compact staff lists. */
export const formatShort = (at: string | number | Date) => beijing(at).format('MM-DD HH:mm');

/** "11月28日 09:42" */
export const formatMonthDay = (at: string | number | Date) => beijing(at).format('M月D日 HH:mm');

/** "2026年11月28日" */
export const formatDate = (at: string | number | Date) => beijing(at).format('YYYY年M月D日');

const dayKey = (d: Dayjs) => d.format('YYYY-MM-DD');

/**
 * Near dates read naturally: "今天 15:43", "昨天 09:00", "明天 9:00", "12月4日 16:43", and the
 * year only when it is not this one.
 */
export function naturalTime(at: string | number | Date, now: string | number | Date = new Date()): string {
  const t = beijing(at);
  const n = beijing(now);
  const hm = t.format('HH:mm');
  if (dayKey(t) === dayKey(n)) return `今天 ${hm}`;
  if (dayKey(t) === dayKey(n.subtract(1, 'day'))) return `昨天 ${hm}`;
  if (dayKey(t) === dayKey(n.add(1, 'day'))) return `明天 ${hm}`;
  if (t.year() === n.year()) return t.format('M月D日 HH:mm');
  return t.format('YYYY年M月D日 HH:mm');
}

/** A duration in the unit people think in: "24 小时", "3 天", "30 分钟", "1.5 小时". */
export function durationText(minutes: number): string {
  if (minutes < 60) return `${Math.round(minutes)} 分钟`;
  const hours = minutes / 60;
  if (hours >= 48 && hours % 24 === 0) return `${hours / 24} 天`;
  return `${Number.isInteger(hours) ? hours : Math.round(hours * 10) / 10} 小时`;
}

/**
 * How long, to the minute, in words a person reads: "不到 1 分钟", "5 分钟", "1 小时 20 分钟",
 * "2 天 3 小时". Never "0 分": anything under a minute says so.
 */
export function durationWords(ms: number): string {
  const mins = Math.floor(Math.abs(ms) / 60_000);
  if (mins < 1) return '不到 1 分钟';
  const days = Math.floor(mins / 1440);
  const hours = Math.floor((mins % 1440) / 60);
  const m = mins % 60;
  if (days) return hours ? `${days} 天 ${hours} 小时` : `${days} 天`;
  if (hours) return m ? `${hours} 小时 ${m} 分钟` : `${hours} 小时`;
  return `${m} 分钟`;
}
