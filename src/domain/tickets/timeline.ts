import { ACTION_LABELS, TICKET_ACTIONS, type TicketAction } from './state-machine';

/**
 * Every action a ticket's timeline can record: the people's actions (the state machine's) and
 * what the system does on its own. Writers use these names; the views label each from
 * `TIMELINE_LABELS`, so nothing reaches a person raw.
 */
export const SYSTEM_TIMELINE_ACTIONS = ['created', 'logged', 'routed', 'pooled', 'fallback', 'escalated', 'notified', 'rerouted', 'auto-confirm', 'callback', 'verify'] as const;
export type SystemTimelineAction = (typeof SYSTEM_TIMELINE_ACTIONS)[number];
export type TimelineAction = TicketAction | SystemTimelineAction;
export const TIMELINE_ACTIONS: readonly TimelineAction[] = [...TICKET_ACTIONS, ...SYSTEM_TIMELINE_ACTIONS];

export const TIMELINE_LABELS: Record<TimelineAction, string> = {
  ...ACTION_LABELS,
  created: '提交',
  logged: '代为登记',
  routed: '系统派单',
  pooled: '进入抢单池',
  fallback: '超时未抢，系统派单',
  escalated: '紧急通知主管',
  notified: '已通知',
  rerouted: '超时未接，系统改派',
  'auto-confirm': '超时自动确认',
  callback: '回访',
  verify: '待核实报告人',
};

/** The label a person reads for a timeline entry (an unknown action reads as a generic update, never raw). */
export const timelineLabel = (action: string): string => (TIMELINE_LABELS as Record<string, string>)[action] ?? '工单更新';

/**
 * The channel a timeline entry mentions: only how the ticket came in (来电 / 来访 on the first
 * entry). A later entry made by phone — staff calling back — is not a 来电 from the resident;
 * its own label (回访) and text (电话回访：满意) already say what happened.
 */
export const intakeChannel = (action: string, channel: string): string | null =>
  (action === 'created' || action === 'logged') && (channel === 'phone' || channel === 'walk_in') ? channel : null;

/**
 * A ticket's first entries are written just before the ticket, marked with the attempt that
 * wrote them, and the ticket names its attempt: an entry marked with another attempt (a twin that
 * lost the insert, a crash between the two inserts) is not the ticket's and is never shown or counted.
 */
export const isTicketEntry = (entry: { opening?: string }, ticket: { opening?: string } | undefined): boolean => !entry.opening || entry.opening === ticket?.opening;
