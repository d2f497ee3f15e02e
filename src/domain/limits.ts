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
