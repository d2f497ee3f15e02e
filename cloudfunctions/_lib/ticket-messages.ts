import type { Database } from './cloud';
import type { Outgoing, Recipient } from './notify';
import { clip } from './templates';
import { TICKET_TYPE_LABELS, type TicketType } from '../../src/domain/tickets/catalog';
import type { TicketStatus } from '../../src/domain/tickets/state-machine';
import { formatMinute } from '../../src/domain/time';

/** What the messages about a ticket need to know of it (shared by tickets and callbacks). */
export interface TicketRef {
  _id: string;
  no: string;
  communityId: string;
  type?: TicketType;
  location?: { label: string };
  status?: TicketStatus;
}

export const residentTicketPage = (id: string) => `pages/ticket/index?id=${id}`;
export const staffTicketPage = (id: string) => `staff/ticket/index?id=${id}`;
export const target = (t: TicketRef) => ({ kind: 'ticket' as const, id: t._id });
export const what = (t: TicketRef) => (t.type && t.location ? `${TICKET_TYPE_LABELS[t.type]}·${t.location.label}` : t.no);

/** The fields of the staff templates (new assignment, emergency, deadline, callback). */
export const staffData = (t: TicketRef, thing: string, at: Date) => ({
  character_string1: { value: t.no },
  thing2: { value: clip(thing, 20) },
  time3: { value: formatMinute(at) },
});

export function assignedMessage(t: TicketRef, staffId: string, key: string, body: string, at: Date): Outgoing {
  return {
    key,
    to: [{ staffId }],
    kind: 'assigned',
    title: '新工单',
    body,
    communityId: t.communityId,
    target: target(t),
    subscribe: { template: 'assigned', page: staffTicketPage(t._id), data: staffData(t, body.replace(`${t.no} `, ''), at) },
  };
}

export async function supervisorsOf(db: Database, communityId: string): Promise<string[]> {
  const res = await db.collection('staff').where({ communityId, active: true, roles: 'supervisor' }).limit(20).get();
  return res.data.map((s: any) => s._id);
}

/** `supervisorsOf`, read once per community for the life of the returned function (one timer run). */
export function supervisorsCache(db: Database): (communityId: string) => Promise<string[]> {
  const cache = new Map<string, Promise<string[]>>();
  return (communityId) => cache.get(communityId) ?? cache.set(communityId, supervisorsOf(db, communityId)).get(communityId)!;
}

export const staffRecipients = (ids: (string | null | undefined)[]): Recipient[] => [...new Set(ids.filter((x): x is string => !!x))].map((staffId) => ({ staffId }));
