import { AppError } from '../../src/domain/errors';
import { awaitsConsent, can, CONSENT_REQUIRED, TICKET_STATUSES, type Actor, type TicketAction, type TicketState } from '../../src/domain/tickets/state-machine';
import type { Caller } from '../_lib/caller';

export type { EventDoc, TicketDoc } from '../_lib/ticket-model';
export { derived, nextDue, reminderAt } from '../_lib/ticket-model';

/** The actor a caller acts as on this ticket: staff of its community first, else a resident. */
export function actorFor(caller: Caller, t: Pick<TicketState, 'communityId'>, action?: TicketAction, ticket?: TicketState): Actor {
  const staff: Actor | null =
    caller.staff && caller.staff.communityId === t.communityId
      ? { kind: 'staff', staffId: caller.staff._id, communityId: caller.staff.communityId, roles: [...caller.roles] }
      : null;
  const resident: Actor = { kind: 'resident', openid: caller.openid!, unitIds: caller.homes.map((h) => h.unitId) };
  if (staff && (!action || !ticket || can(ticket, staff, action))) return staff;
  if (staff && action && ticket && !can(ticket, resident, action)) return staff;
  return resident;
}

/** FORBIDDEN when the actor could never do this; CONFLICT when only the ticket's state forbids it. */
export function refuse(t: TicketState, a: Actor, action: TicketAction): AppError {
  if (action === 'complete' && awaitsConsent(t) && can({ ...t, consent: { recorded: true } }, a, action)) return new AppError('CONFLICT', CONSENT_REQUIRED);
  const somewhere = TICKET_STATUSES.some((status) => [null, { recorded: true }].some((consent) => can({ ...t, status, pool: true, rating: null, consent }, a, action)));
  return somewhere ? new AppError('CONFLICT', '工单状态已变化，当前不能进行此操作，请刷新') : new AppError('FORBIDDEN');
}

export function actorName(caller: Caller, a: Actor): string {
  return a.kind === 'staff' ? caller.staff!.name : (caller.homes[0]?.name ?? '住户');
}
