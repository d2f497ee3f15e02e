import type { Database } from '../_lib/cloud';
import { clearConsent, takeConsent } from '../_lib/subscriptions';
import type { ActionContext } from '../_lib/handler';
import type { TicketDoc } from './model';
import { STATUS_LABELS } from '../../src/domain/tickets/state-machine';
import { TICKET_TYPE_LABELS } from '../../src/domain/tickets/catalog';

/** Subscribe-message templates (ids come from the mini-program's console; placeholders locally). */
export const TEMPLATES = {
  progress: process.env.LINLI_TPL_PROGRESS || 'TPL_TICKET_PROGRESS',
  done: process.env.LINLI_TPL_DONE || 'TPL_TICKET_DONE',
  reply: process.env.LINLI_TPL_REPLY || 'TPL_TICKET_REPLY',
  notice: process.env.LINLI_TPL_NOTICE || 'TPL_NOTICE',
};

const EVENT_TEMPLATE: Record<string, keyof typeof TEMPLATES> = { accept: 'progress', grab: 'progress', arrive: 'progress', complete: 'done', answer: 'reply' };
const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

/**
 * Tell the resident (subscribe message) of accept, arrival, completion and reply — once per
 * ticket and event: the delivery record's id is the dedupe key, written before sending.
 */
export async function notifyResident(ctx: ActionContext, t: TicketDoc, event: string, at: Date) {
  const tplKey = EVENT_TEMPLATE[event];
  if (!tplKey) return;
  const templateId = TEMPLATES[tplKey];
  if (!t.reporterOpenid) return;
  const id = `${t._id}:${event === 'grab' ? 'accept' : event}`;
  try {
    await ctx.db.collection('deliveries').add({ _id: id, ticketId: t._id, touser: t.reporterOpenid, templateId, event, status: 'pending', at });
  } catch (e: any) {
    if (e?.code === 'DATABASE_DUPLICATE_WRITE') return; // already sent (or being sent) once
    throw e;
  }
  // No consent left for this template: the resident sees the step on the ticket's timeline instead.
  if (!(await takeConsent(ctx.db, t.reporterOpenid, templateId, at))) {
    await ctx.db.collection('deliveries').doc(id).update({ status: 'skipped', reason: 'no-consent' });
    return;
  }
  const data = {
    character_string1: { value: t.no },
    thing2: { value: clip(`${TICKET_TYPE_LABELS[t.type]}·${t.location.label}`, 20) },
    phrase3: { value: clip(STATUS_LABELS[t.status], 5) },
    time4: { value: at.toISOString().slice(0, 16).replace('T', ' ') },
  };
  try {
    const res: any = await ctx.app.callWxOpenApi({ apiName: '/cgi-bin/message/subscribe/send', requestData: { touser: t.reporterOpenid, template_id: templateId, page: `pages/ticket/index?id=${t._id}`, data, miniprogram_state: 'formal' } } as any);
    const errcode = res?.result?.errcode ?? 0;
    if (errcode === 43101) await clearConsent(ctx.db, t.reporterOpenid, templateId, at);
    await ctx.db.collection('deliveries').doc(id).update({ status: errcode === 0 ? 'sent' : 'failed', errcode });
  } catch (e) {
    await ctx.db.collection('deliveries').doc(id).update({ status: 'failed', error: String((e as Error).message).slice(0, 200) });
  }
}

/**
 * In-app notices for staff: the assignee, the first-contact owner, supervisors for emergencies.
 * With a `key`, each notice's id is derived from it, so delivering the same reminder twice
 * (a retried or overlapping timer run) leaves one notice per person.
 */
export async function noticeStaff(db: Database, staffIds: (string | null | undefined)[], t: Pick<TicketDoc, '_id' | 'communityId' | 'no'>, kind: string, text: string, at: Date, exceptStaffId?: string, key?: string) {
  const ids = [...new Set(staffIds.filter((x): x is string => !!x && x !== exceptStaffId))];
  if (ids.length === 0) return;
  const docs = ids.map((staffId) => ({ ...(key ? { _id: `${key}:${staffId}` } : {}), staffId, communityId: t.communityId, ticketId: t._id, no: t.no, kind, text, at, read: false }));
  if (!key) {
    await db.collection('staff_notices').add(docs as any);
    return;
  }
  await Promise.all(
    docs.map((d) =>
      db
        .collection('staff_notices')
        .add(d)
        .catch((e: any) => {
          if (e?.code !== 'DATABASE_DUPLICATE_WRITE') throw e;
        }),
    ),
  );
}

export async function supervisorsOf(db: Database, communityId: string): Promise<string[]> {
  const res = await db.collection('staff').where({ communityId, active: true, roles: 'supervisor' }).limit(20).get();
  return res.data.map((s: any) => s._id);
}
