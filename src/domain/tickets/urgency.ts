/**
 * A ticket's place in the staff queues sorted most urgent first (派给我, 待派单, 即将超时, 已超时,
 * 未完成): 0 overdue emergency, 1 overdue, 2 emergency, 3 the rest, 4 no running timer (paused).
 * Stored on the ticket as `urgency` so that a queue is read in index order (urgency, then the
 * nearest due time, then newest first) instead of ranked in memory.
 *
 * "Overdue" depends on the time: it is computed whenever the ticket is written and again by the
 * tickets timer when a timer is breached (the ticket's reminder time), so a ticket just past due
 * keeps its earlier place until the timer's next run (each minute).
 */
export type Urgency = 0 | 1 | 2 | 3 | 4;

export function urgencyOf(t: { nextDueAt: Date | string | null; emergency: boolean }, now: Date): Urgency {
  if (!t.nextDueAt) return 4;
  // Overdue from the due time on, as the timer's breach (`dueStages`): its visit at the due time must move the ticket.
  return ((new Date(t.nextDueAt).getTime() <= now.getTime() ? 0 : 2) + (t.emergency ? 0 : 1)) as Urgency;
}
