import { evalExpr } from 'mingo/core';
import { isDate } from './codec';
import { invalid } from './errors';

/**
 * Aggregation expression operators where mingo 7 differs from MongoDB (and so from CloudBase):
 *  - `$indexOfCP` is missing;
 *  - `$indexOfBytes` counts UTF-16 code units, not UTF-8 bytes (3 per 汉字 in MongoDB);
 *  - `$week` is off by one for dates after the year's first Sunday (MongoDB: weeks start on
 *    Sunday, week 1 begins with the first Sunday, days before it are week 0).
 */
type Fn = (obj: unknown, expr: unknown, options: any) => unknown;

function stringArgs(op: string, obj: unknown, expr: unknown, options: any) {
  if (!Array.isArray(expr) || expr.length < 2 || expr.length > 4) throw invalid(`${op} expects 2 to 4 arguments`);
  const [str, search, start, end] = evalExpr(obj, expr, options) as unknown[];
  if (str === null || str === undefined) return null;
  if (typeof str !== 'string' || typeof search !== 'string') throw invalid(`${op} requires string arguments`);
  for (const v of [start, end]) if (v !== undefined && (!Number.isInteger(v) || (v as number) < 0)) throw invalid(`${op} start/end must be non-negative integers`);
  return { str, search, start: (start as number | undefined) ?? 0, end: end as number | undefined };
}

const $indexOfCP: Fn = (obj, expr, options) => {
  const a = stringArgs('$indexOfCP', obj, expr, options);
  if (!a) return null;
  const cps = Array.from(a.str);
  const end = Math.min(a.end ?? cps.length, cps.length);
  const target = Array.from(a.search);
  for (let i = a.start; i + target.length <= end; i++) {
    if (target.every((c, j) => cps[i + j] === c)) return i;
  }
  return -1;
};

const $indexOfBytes: Fn = (obj, expr, options) => {
  const a = stringArgs('$indexOfBytes', obj, expr, options);
  if (!a) return null;
  const bytes = Buffer.from(a.str, 'utf8');
  const target = Buffer.from(a.search, 'utf8');
  const end = Math.min(a.end ?? bytes.length, bytes.length);
  if (a.start > end) return -1;
  const i = bytes.subarray(0, end).indexOf(target, a.start);
  return i;
};

/** Minutes east of UTC for a MongoDB timezone argument ('Asia/Shanghai', '+08:00', '+0800', '+08'). */
export function tzOffsetMinutes(tz: string, at: Date): number {
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(tz);
  if (m) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    }).formatToParts(at);
  } catch {
    throw invalid(`unrecognized time zone identifier: "${tz}"`);
  }
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((local - Math.floor(at.getTime() / 1000) * 1000) / 60000);
}

/** The date of a date operator's argument (`'$d'` or `{date, timezone}`), shifted to local wall time in UTC fields. */
function wallDate(obj: unknown, expr: unknown, options: any): Date | null {
  const v = evalExpr(obj, expr, options) as any;
  if (v === null || v === undefined) return null;
  if (isDate(v)) return new Date(v.getTime());
  if (v && typeof v === 'object' && 'date' in v) {
    if (v.date === null || v.date === undefined) return null;
    if (!isDate(v.date)) throw invalid('date operators require a date');
    const d = new Date(v.date.getTime());
    return v.timezone ? new Date(d.getTime() + tzOffsetMinutes(String(v.timezone), d) * 60000) : d;
  }
  throw invalid('date operators require a date');
}

const $week: Fn = (obj, expr, options) => {
  const d = wallDate(obj, expr, options);
  if (!d) return null;
  const jan1 = Date.UTC(d.getUTCFullYear(), 0, 1);
  const dayIndex = Math.floor((d.getTime() - jan1) / 86_400_000);
  const firstSunday = (7 - new Date(jan1).getUTCDay()) % 7;
  return dayIndex < firstSunday ? 0 : Math.floor((dayIndex - firstSunday) / 7) + 1;
};

export const expressionOperators = { $indexOfCP, $indexOfBytes, $week };
