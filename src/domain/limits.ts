/**
 * The input contract's limits and messages, defined once. Zod-free on purpose: the zod schemas
 * (identity.ts, tickets/api.ts, tickets/callbacks-api.ts, announcements-api.ts) and the client's
 * inline checks (features/* validators) both read them, so the two cannot drift apart, and the
 * client can import them without zod entering its bundle. tests/unit/contract.test.ts runs every
 * client validator and its schema on the same inputs and requires them to agree.
 */

// People
/** Mainland mobile number, 11 digits starting with 1. */
export const PHONE_RE = /^1\d{10}$/;
export const PHONE_INVALID = '请输入 11 位手机号';
export const PERSON_NAME_MAX = 20;
export const NAME_REQUIRED = '请输入姓名';
export const NAME_TOO_LONG = `姓名不超过 ${PERSON_NAME_MAX} 个字`;

// Tickets: the report form (tickets.create)
export const DESCRIPTION_MAX = 500;
export const DESCRIPTION_TOO_LONG = `描述不超过 ${DESCRIPTION_MAX} 个字`;
export const MAX_PHOTOS = 9;
export const TOO_MANY_PHOTOS = `最多上传 ${MAX_PHOTOS} 张图片`;
export const AREA_MAX = 40;
export const AREA_REQUIRED = '请填写具体位置';
export const AREA_TOO_LONG = `具体位置不超过 ${AREA_MAX} 个字`;

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

// Announcements (announcements.create / update)
/** Subscribe-message `thing` fields hold 20 characters. */
export const TITLE_MAX = 20;
export const SUMMARY_MAX = 20;
export const BODY_MAX = 5000;
export const REASON_MAX = 200;
export const FACILITY_MAX = 30;
export const FACILITIES_MAX = 20;
export const TITLE_REQUIRED = '请填写标题';
export const TITLE_TOO_LONG = `标题不超过 ${TITLE_MAX} 个字（订阅消息标题限 ${TITLE_MAX} 字）`;
export const SUMMARY_TOO_LONG = `摘要不超过 ${SUMMARY_MAX} 个字`;
export const BODY_REQUIRED = '请填写正文';
export const BODY_TOO_LONG = `正文不超过 ${BODY_MAX} 个字`;
export const BUILDINGS_REQUIRED = '请选择楼栋';
export const UNITS_REQUIRED = '请选择房屋';
export const FACILITIES_REQUIRED = '请填写设施';
export const FACILITY_TOO_LONG = `每个设施名称不超过 ${FACILITY_MAX} 个字`;
export const TOO_MANY_FACILITIES = `最多填写 ${FACILITIES_MAX} 个设施`;
export const REASON_REQUIRED = '请填写原因';
export const REASON_TOO_LONG = `原因不超过 ${REASON_MAX} 个字`;
export const END_AFTER_START = '预计恢复时间需晚于开始时间';

/** The inline checks of a person's name and phone (the same rules as personNameSchema / phoneSchema). */
export function checkName(name: string): string | undefined {
  const n = name.trim();
  if (!n) return NAME_REQUIRED;
  if (n.length > PERSON_NAME_MAX) return NAME_TOO_LONG;
  return undefined;
}

export function checkPhone(phone: string): string | undefined {
  return PHONE_RE.test(phone.trim()) ? undefined : PHONE_INVALID;
}

// Emergencies reported by someone without an approved home (tickets.reportEmergency, issue #12)
/** Per person and Beijing day: enough for a real emergency and a follow-up, not for a flood. */
export const UNBOUND_EMERGENCY_PER_DAY = 3;
export const UNBOUND_EMERGENCY_TOO_MANY = '今天的紧急上报次数已达上限，如情况仍在继续，请直接拨打物业电话';

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
