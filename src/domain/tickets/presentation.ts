import type { TicketType } from './catalog';
import { ACTION_LABELS, type TicketAction, type TicketStatus } from './state-machine';

/**
 * How a ticket's actions are offered, decided once for the resident's and the staff's action bars:
 * which one is the single primary (filled) button, and the words a resident reads on each.
 */

/**
 * Staff: the step most likely next, first. A consultation is answered (the desk replies directly)
 * rather than dispatched or accepted; a waiting repair/complaint is dispatched by the desk; work
 * in progress goes arrive → consent (in-home) → complete.
 */
const STAFF_CONSULTATION: TicketAction[] = ['resume', 'answer', 'accept', 'grab', 'dispatch'];
const STAFF_WORK: TicketAction[] = ['resume', 'complete', 'arrive', 'consent', 'accept', 'grab', 'dispatch'];
/** A waiting repair/complaint seen by the desk: sending it to someone comes before taking it oneself. */
const STAFF_WAITING: TicketAction[] = ['dispatch', 'grab', 'accept'];
/** Residents: confirming a resolved ticket, then rating a closed one. */
const RESIDENT: TicketAction[] = ['confirm', 'rate'];

export interface PrimaryContext {
  type: TicketType;
  status: TicketStatus;
  /** Whose bar it is. */
  viewer: 'resident' | 'staff';
}

/** The one primary action of a bar among those allowed (null: none is primary, all are plain). */
export function primaryAction(actions: readonly TicketAction[], t: PrimaryContext): TicketAction | null {
  const order = t.viewer === 'resident' ? RESIDENT : t.type === 'consultation' ? STAFF_CONSULTATION : t.status === 'pending' ? STAFF_WAITING : STAFF_WORK;
  return order.find((a) => actions.includes(a)) ?? null;
}

/**
 * The words on a resident's buttons: a consultation is answered, not repaired, so its follow-ups
 * read 已解决 / 继续追问 rather than 确认完成 / 重新处理.
 */
const RESIDENT_CONSULTATION_LABELS: Partial<Record<TicketAction, string>> = { confirm: '已解决', reopen: '继续追问', message: '补充说明' };

export function residentActionLabel(action: TicketAction, type: TicketType): string {
  return (type === 'consultation' ? RESIDENT_CONSULTATION_LABELS[action] : undefined) ?? ACTION_LABELS[action];
}

/** What a resident reads on a resolved ticket, by type: a consultation has been answered, the rest done. */
export function resolvedNotice(type: TicketType): string {
  return type === 'consultation' ? '物业已答复，请查看处理记录中的答复内容。如仍有疑问，可以继续追问。' : '处理人员已完成，请确认问题是否解决。';
}
