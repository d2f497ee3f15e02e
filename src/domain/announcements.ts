/** Announcements (公告): kinds, lifecycle and notice periods. Zod-free: the client imports it. */
import { beijing } from './time';

export const ANNOUNCEMENT_TYPES = ['general', 'reminder', 'event', 'water', 'power', 'gas', 'elevator', 'renovation'] as const;
export type AnnouncementType = (typeof ANNOUNCEMENT_TYPES)[number];
export const ANNOUNCEMENT_TYPE_LABELS: Record<AnnouncementType, string> = {
  general: '通知',
  reminder: '温馨提示',
  event: '活动',
  water: '停水',
  power: '停电',
  gas: '停气',
  elevator: '电梯停用',
  renovation: '设施改造',
};
/** Service interruptions need a reason, a scope, a start and an expected restoration. */
export const INTERRUPTION_TYPES: AnnouncementType[] = ['water', 'power', 'gas', 'elevator', 'renovation'];
export const isInterruption = (t: AnnouncementType) => INTERRUPTION_TYPES.includes(t);

/** Minimum notice before a planned interruption starts (service-levels.md); others: none. */
export const NOTICE_PERIOD_HOURS: Partial<Record<AnnouncementType, number>> = { water: 24, power: 7 * 24 };

export const ANNOUNCEMENT_STATUSES = ['draft', 'review', 'scheduled', 'published', 'withdrawn', 'expired'] as const;
export type AnnouncementStatus = (typeof ANNOUNCEMENT_STATUSES)[number];
export const ANNOUNCEMENT_STATUS_LABELS: Record<AnnouncementStatus, string> = {
  draft: '草稿',
  review: '待审核',
  scheduled: '定时发布',
  published: '已发布',
  withdrawn: '已撤回',
  expired: '已过期',
};

/** Subscribe-message field limits: `thing` ≤ 20 characters. */
export { TITLE_MAX, SUMMARY_MAX } from './limits';

export interface Scope {
  kind: 'community' | 'buildings' | 'units' | 'facilities';
  buildings?: string[];
  unitIds?: string[];
  facilities?: string[];
}

/** Whether a home (building + unit id) is inside a notice's scope. Facilities concern everyone. */
export function inScope(scope: Scope, home: { building: string; unitId: string }): boolean {
  switch (scope.kind) {
    case 'community':
    case 'facilities':
      return true;
    case 'buildings':
      return (scope.buildings ?? []).includes(home.building);
    case 'units':
      return (scope.unitIds ?? []).includes(home.unitId);
  }
}

export function scopeLabel(scope: Scope, unitLabels: Record<string, string> = {}): string {
  switch (scope.kind) {
    case 'community':
      return '全小区';
    case 'buildings':
      return (scope.buildings ?? []).join('、');
    case 'units':
      return (scope.unitIds ?? []).map((u) => unitLabels[u] ?? u).join('、');
    case 'facilities':
      return (scope.facilities ?? []).join('、');
  }
}

/** Hours short of the notice period (0 when the notice is early enough or none applies). */
export function noticeShortfallHours(type: AnnouncementType, publishAt: Date, startAt?: Date | null): number {
  const need = NOTICE_PERIOD_HOURS[type];
  if (!need || !startAt) return 0;
  const have = (startAt.getTime() - publishAt.getTime()) / 3600_000;
  return have >= need ? 0 : Math.ceil(need - have);
}

/**
 * The announcement state machine: what each role may do to a notice in each status, decided
 * here once. The functions refuse what `canDoAnnouncement` refuses, and return
 * `announcementActions` to the client as `actions`, so staff pages show only what will succeed.
 *
 * draft ─publish→ review ─approve→ scheduled/published ─expire→ expired
 *   ↑                └─return──┘ (to draft)              published ─edit (desk, review on)→ pending revision ─review→ published
 * any of review/scheduled/published ─withdraw→ withdrawn
 */
export const ANNOUNCEMENT_ACTIONS = ['edit', 'publish', 'review', 'withdraw', 'pin', 'restore', 'poster'] as const;
export type AnnouncementAction = (typeof ANNOUNCEMENT_ACTIONS)[number];
export const ANNOUNCEMENT_ACTION_LABELS: Record<AnnouncementAction, string> = {
  edit: '编辑',
  publish: '发布',
  review: '审核',
  withdraw: '撤回',
  pin: '置顶',
  restore: '发布「已恢复」',
  poster: '打印海报',
};
/** Who acts on a notice: an author (客服), a reviewer (主管/管理员, also an author), or a resident. */
export type AnnouncementRole = 'author' | 'reviewer' | 'resident';
export interface AnnouncementState {
  status: AnnouncementStatus;
  type: AnnouncementType;
  /** A change to the published notice waits for a reviewer (review on, made by an author). */
  pendingRevision: boolean;
}

export function canDoAnnouncement(a: AnnouncementState, role: AnnouncementRole, action: AnnouncementAction): boolean {
  if (role === 'resident') return false;
  const s = a.status;
  switch (action) {
    case 'edit':
      return s === 'draft' || s === 'review' || s === 'scheduled' || s === 'published';
    case 'publish':
      return s === 'draft';
    case 'review':
      return role === 'reviewer' && (s === 'review' || (s === 'published' && a.pendingRevision));
    case 'withdraw':
      return s === 'published' || s === 'scheduled' || s === 'review';
    case 'pin':
      return s === 'published' || s === 'scheduled' || s === 'draft';
    case 'restore':
      return isInterruption(a.type) && (s === 'published' || s === 'expired');
    case 'poster':
      return s === 'published' || s === 'scheduled' || s === 'expired';
  }
}

export function announcementActions(a: AnnouncementState, role: AnnouncementRole): AnnouncementAction[] {
  return ANNOUNCEMENT_ACTIONS.filter((x) => canDoAnnouncement(a, role, x));
}

/** The page a notice's mini-program code opens (WeChat's rule: no leading slash, no query). */
export const NOTICE_CODE_PAGE = 'pages/notice/index';
/** WeChat's `scene`: at most 32 visible characters of digits, letters and !#$&'()*+,/:;=?@-._~ */
const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@._~-]{1,32}$/;

/** A notice's code `scene`: its id (an unguessable hash, 27 characters), or null when the id does not fit. */
export const noticeScene = (announcementId: string): string | null => (SCENE.test(announcementId) ? announcementId : null);

/**
 * The notice a page was opened for: `?id=` from a card, a message or a link; `?scene=` (URI-encoded
 * by WeChat) from the poster's mini-program code.
 */
export function noticeIdFrom(params: { id?: string; scene?: string }): string | undefined {
  if (params.id) return params.id;
  if (!params.scene) return undefined;
  let scene = params.scene;
  try {
    scene = decodeURIComponent(scene);
  } catch {
    return undefined;
  }
  return noticeScene(scene) ?? undefined;
}

/**
 * The summary of an interruption notice, made from its structured times so it can never
 * contradict them (no second, hand-typed copy), and short enough for a subscribe message's
 * 20-character field: "11月29日 09:00-15:00", "11月29日22:00-次日06:00", "11月29日至12月3日".
 */
export function interruptionSummary(startAt: string | Date, endAt: string | Date): string {
  const s = beijing(startAt);
  const e = beijing(endAt);
  if (s.isSame(e, 'day')) return `${s.format('M月D日 HH:mm')}-${e.format('HH:mm')}`;
  if (s.add(1, 'day').isSame(e, 'day')) return `${s.format('M月D日HH:mm')}-次日${e.format('HH:mm')}`;
  return `${s.format('M月D日')}至${e.format('M月D日')}`;
}
