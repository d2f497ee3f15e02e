/**
 * Limits and messages of the staff pages (服务时限 units, desk logging, staff search, completion,
 * the notice editor): kept apart from `limits.ts` so the mini-program's main package (residents'
 * tab pages) carries only what residents' forms check. Used by the zod schemas and the staff validators alike.
 */
import {
  BODY_MAX,
  BODY_REQUIRED,
  BODY_TOO_LONG,
  FACILITIES_MAX,
  FACILITIES_REQUIRED,
  FACILITY_MAX,
  FACILITY_TOO_LONG,
  PHONE_RE,
  REASON_MAX,
  REASON_REQUIRED,
  REASON_TOO_LONG,
  SUMMARY_MAX,
  SUMMARY_TOO_LONG,
  TITLE_MAX,
  TITLE_REQUIRED,
  TITLE_TOO_LONG,
  TOO_MANY_FACILITIES,
} from './limits';

// Tickets: routing rules (tickets.setRouting)
export const GRAB_FALLBACK_MIN = 1;
export const GRAB_FALLBACK_MAX = 240;
export const FIXED_STAFF_REQUIRED = '请选择指定人员';
export const GRAB_FALLBACK_OUT_OF_RANGE = `请选择 ${GRAB_FALLBACK_MIN}–${GRAB_FALLBACK_MAX} 分钟`;

// Tickets: service levels (tickets.setSla)
/** Minutes per timer: at least 1 minute, at most 30 days. */
export const SLA_MINUTES_MIN = 1;
export const SLA_MINUTES_MAX = 30 * 24 * 60;
export const SLA_MINUTES_TOO_SMALL = '时限至少 1 分钟';
export const SLA_MINUTES_TOO_LARGE = '时限不超过 30 天';
export const AUTO_CONFIRM_DAYS_MIN = 1;
export const AUTO_CONFIRM_DAYS_MAX = 30;
export const AUTO_CONFIRM_DAYS_TOO_SMALL = '自动确认天数至少 1 天';
export const AUTO_CONFIRM_DAYS_TOO_LARGE = `自动确认天数不超过 ${AUTO_CONFIRM_DAYS_MAX} 天`;

// Callbacks: settings (callbacks.setSettings)
export interface WholeLimit {
  min: number;
  max: number;
  tooSmall: string;
  tooLarge: string;
}
export const CALLBACK_LIMITS = {
  dueHours: { min: 1, max: 168, tooSmall: '回访时限至少 1 小时', tooLarge: '回访时限不超过 7 天' },
  maxAttempts: { min: 1, max: 10, tooSmall: '至少尝试 1 次', tooLarge: '最多尝试 10 次' },
  confirmReminderHours: { min: 1, max: 168, tooSmall: '提醒时间至少 1 小时', tooLarge: '提醒时间不超过 7 天' },
} as const satisfies Record<string, WholeLimit>;

// Durations typed with a unit (服务时限): the admin picks 分钟/小时/天 per field; the value is stored
// in minutes (tickets.setSla takes minutes), and the same range applies whatever the unit.
export const DURATION_UNITS = ['minute', 'hour', 'day'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];
export const DURATION_UNIT_MINUTES: Record<DurationUnit, number> = { minute: 1, hour: 60, day: 1440 };
export const DURATION_UNIT_LABELS: Record<DurationUnit, string> = { minute: '分钟', hour: '小时', day: '天' };
export const DURATION_REQUIRED = '请填写时限';
export const DURATION_NOT_WHOLE: Record<DurationUnit, string> = { minute: '请填写整数分钟', hour: '请填写整数小时', day: '请填写整数天数' };

/** Minutes of a whole number typed in `unit` ('' or not a whole number: null). */
export function durationMinutes(text: string | undefined, unit: DurationUnit): number | null {
  const t = (text ?? '').trim();
  return /^\d{1,6}$/.test(t) ? Number(t) * DURATION_UNIT_MINUTES[unit] : null;
}

/** The inline check of an SLA timer typed in a unit: the same range and messages as tickets.setSla's minutes. */
export function checkSlaDuration(text: string | undefined, unit: DurationUnit, required: boolean): string | undefined {
  if (!(text ?? '').trim()) return required ? DURATION_REQUIRED : undefined;
  const m = durationMinutes(text, unit);
  if (m === null) return DURATION_NOT_WHOLE[unit];
  if (m < SLA_MINUTES_MIN) return SLA_MINUTES_TOO_SMALL;
  if (m > SLA_MINUTES_MAX) return SLA_MINUTES_TOO_LARGE;
  return undefined;
}

/** The unit a stored number of minutes reads best in: whole days from 2 days, whole hours, else minutes. */
export function bestDurationUnit(minutes: number): DurationUnit {
  if (minutes >= 2 * 1440 && minutes % 1440 === 0) return 'day';
  if (minutes >= 60 && minutes % 60 === 0) return 'hour';
  return 'minute';
}
// Desk logging (tickets.createOnBehalf): a caller may ring from a landline.
/** Landline: area code (010, 020–029 or 0xxx), a hyphen (optional), 7–8 digits, an optional extension (-分机). */
export const LANDLINE_RE = /^0\d{2,3}-?[1-9]\d{6,7}(?:-\d{1,6})?$/;
export const CONTACT_PHONE_MAX = 20;
export const CONTACT_PHONE_INVALID = '请输入 11 位手机号或座机号（区号-号码，如 010-12345678）';
/** A mobile number or a landline. */
export const isContactPhone = (phone: string) => PHONE_RE.test(phone) || LANDLINE_RE.test(phone);
export function checkContactPhone(phone: string): string | undefined {
  return isContactPhone(phone.trim()) ? undefined : CONTACT_PHONE_INVALID;
}

// Staff search (tickets.search)
export const SEARCH_TEXT_MAX = 40;
export const SEARCH_TEXT_TOO_LONG = `搜索内容不超过 ${SEARCH_TEXT_MAX} 个字`;
export const SEARCH_DATE_INVALID = '日期格式应为 YYYY-MM-DD';
export const SEARCH_RANGE_REVERSED = '开始日期不能晚于结束日期';
export const SEARCH_RANGE_MAX_DAYS = 366;
export const SEARCH_RANGE_TOO_LONG = `日期范围不超过 ${SEARCH_RANGE_MAX_DAYS} 天`;
export const SEARCH_CATEGORY_MISMATCH = '所选类别不属于所选类型';

// Completion of a repair (tickets.act complete)
export const PARTS_MAX = 200;
export const PARTS_TOO_LONG = `配件不超过 ${PARTS_MAX} 个字`;
export const FEE_MAX_YUAN = 100_000;
export const FEE_INVALID = `费用应为 0–${FEE_MAX_YUAN} 元，最多两位小数`;
export const COMPLETION_PHOTO_REQUIRED = '请上传至少 1 张完工照片';

// Announcements: the editor's inline checks (the same rules as announcements-api.ts's noticeInputSchema / scopeSchema).
/** Required text with a maximum length, trimmed: the message for the first rule it breaks. */
function checkText(text: string, max: number, required: string, tooLong: string): string | undefined {
  const t = text.trim();
  if (!t) return required;
  return t.length > max ? tooLong : undefined;
}
export const checkTitle = (title: string) => checkText(title, TITLE_MAX, TITLE_REQUIRED, TITLE_TOO_LONG);
export const checkBody = (body: string) => checkText(body, BODY_MAX, BODY_REQUIRED, BODY_TOO_LONG);
export const checkSummary = (summary: string) => (summary.trim().length > SUMMARY_MAX ? SUMMARY_TOO_LONG : undefined);
/** `required` names what is missing (e.g. 请填写停水原因). */
export const checkReason = (reason: string, required = REASON_REQUIRED) => checkText(reason, REASON_MAX, required, REASON_TOO_LONG);
export function checkFacilities(facilities: string[]): string | undefined {
  if (facilities.length === 0) return FACILITIES_REQUIRED;
  if (facilities.some((x) => x.length > FACILITY_MAX)) return FACILITY_TOO_LONG;
  return facilities.length > FACILITIES_MAX ? TOO_MANY_FACILITIES : undefined;
}
