/**
 * The message centre (消息): what a message is about, how loud it is, and what people read.
 * Pure rules and labels shared by the functions and the client (no zod here: the client's
 * main package imports this).
 */
import type { StaffRole } from './roles';

export const MESSAGE_TONES = ['emergency', 'warning', 'info'] as const;
export type MessageTone = (typeof MESSAGE_TONES)[number];
export const TONE_LABELS: Record<MessageTone, string> = { emergency: '紧急', warning: '提醒', info: '通知' };

/** What an item links to; the client resolves it to a page for the reader's side. */
export const TARGET_KINDS = ['ticket', 'notice', 'callback', 'binding', 'movein', 'event', 'none', 'facility-round', 'facility-asset', 'export'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];
export interface MessageTarget {
  kind: TargetKind;
  id: string;
}

/** Every kind of message the functions emit today. */
export const MESSAGE_KINDS = {
  assigned: { tone: 'info', label: '新工单' },
  emergency: { tone: 'emergency', label: '紧急工单' },
  'deadline-warning': { tone: 'warning', label: '时限预警' },
  'deadline-breach': { tone: 'emergency', label: '已超时' },
  'pause-overdue': { tone: 'warning', label: '暂停超期' },
  escalation: { tone: 'emergency', label: '超时上报' },
  callback: { tone: 'info', label: '待回访' },
  'callback-warning': { tone: 'warning', label: '回访预警' },
  'callback-breach': { tone: 'warning', label: '回访超时' },
  message: { tone: 'info', label: '住户留言' },
  reopened: { tone: 'warning', label: '重新处理' },
  cancelled: { tone: 'info', label: '工单取消' },
  confirmed: { tone: 'info', label: '住户确认' },
  rated: { tone: 'info', label: '住户评价' },
  pool: { tone: 'info', label: '待抢工单' },
  unclaimed: { tone: 'warning', label: '无人接单' },
  progress: { tone: 'info', label: '工单进度' },
  done: { tone: 'info', label: '处理完成' },
  reply: { tone: 'info', label: '工单答复' },
  'confirm-reminder': { tone: 'info', label: '待您确认' },
  notice: { tone: 'info', label: '社区公告' },
  binding: { tone: 'info', label: '房屋绑定' },
  movein: { tone: 'info', label: '入住办理' },
  // Community events (issue 14)
  'event-promoted': { tone: 'info', label: '候补成功' },
  'event-changed': { tone: 'warning', label: '活动变更' },
  'event-cancelled': { tone: 'warning', label: '活动取消' },
  'event-reminder': { tone: 'info', label: '活动提醒' },
  'event-feedback': { tone: 'info', label: '活动评价' },
  'event-review': { tone: 'info', label: '活动待审核' },
  // Facilities (issue #15): rounds not done in their window, maintenance past its date.
  'round-warning': { tone: 'warning', label: '巡检预警' },
  'round-overdue': { tone: 'warning', label: '巡检超时' },
  'round-escalation': { tone: 'emergency', label: '巡检超时上报' },
  'maintenance-overdue': { tone: 'warning', label: '维护逾期' },
  // The register (issue #16): a large export built in the background is ready for its requester.
  'export-ready': { tone: 'info', label: '导出完成' },
} as const satisfies Record<string, { tone: MessageTone; label: string }>;
export type MessageKind = keyof typeof MESSAGE_KINDS;

export const BOXES = ['personal', 'alerts'] as const;
/** personal: messages to me; alerts: my role's shared alerts in my community (staff only). */
export type Box = (typeof BOXES)[number];

/** One item as the client reads it. */
export interface InboxItem {
  id: string;
  box: Box;
  kind: MessageKind;
  kindLabel: string;
  tone: MessageTone;
  title: string;
  body: string;
  /** ISO instant; the client prints it in 北京时间. */
  at: string;
  read: boolean;
  target: MessageTarget;
  /** Role alerts: the role they are shared with. */
  role?: StaffRole;
}

export interface InboxPage {
  items: InboxItem[];
  total: number;
  unread: number;
  nextCursor?: string;
}

export interface UnreadCounts {
  personal: number;
  alerts: number;
  total: number;
}

/** What `read` of one message answers: where its link goes, and whether the reader may open it. */
export interface OpenedTarget {
  target: MessageTarget;
  allowed: boolean;
}

/** Read messages older than this are removed by the retention timer (unread ones never). */
export const DEFAULT_RETENTION_DAYS = 90;

/** Which staff see a ticket's role-shared alerts: the department that works on it. */
export const UNCLAIMED_ALERT_ROLE: StaffRole = 'desk';

/** The unread badge text: nothing for 0, "99+" past 99. */
export function badgeText(n: number): string {
  if (!n || n < 0) return '';
  return n > 99 ? '99+' : String(n);
}
