import { DEFAULT_RETENTION_DAYS } from '../../src/domain/inbox';
import type { ActionContext } from '../_lib/handler';
import type { AlertDoc } from '../_lib/notify';
import { dueBatch } from '../_lib/timer-run';

const BATCH = 1000;
/** Read messages older than this many days are removed (LINLI_INBOX_RETENTION_DAYS, default 90). */
export const retentionDays = () => Number(process.env.LINLI_INBOX_RETENTION_DAYS) || DEFAULT_RETENTION_DAYS;

/**
 * The retention timer (daily): removes read personal messages older than the retention period,
 * and role alerts older than it that every current holder of the role has read (their "全部已读"
 * mark is past it). Nothing unread is removed. Repeating a run removes nothing more.
 */
export async function retention(_input: unknown, ctx: ActionContext) {
  const { db } = ctx;
  const _ = db.command;
  const now = ctx.clock.now();
  const cutoff = new Date(now.getTime() - retentionDays() * 86400_000);
  const messages = await db
    .collection('messages')
    .where({ read: true, at: _.lt(cutoff) })
    .remove();

  let alerts = 0;
  const old = await dueBatch<AlertDoc>(db, 'alerts', 'at', cutoff, BATCH, {}, true);
  const marks = new Map<string, string | null>();
  const lowestMark = async (communityId: string, role: string): Promise<string | null> => {
    const k = `${communityId}:${role}`;
    if (marks.has(k)) return marks.get(k)!;
    const staff = (await db.collection('staff').where({ communityId, active: true, roles: role }).field({ openid: true }).limit(1000).get()).data as any[];
    let low: string | null = '\uffff'; // nobody holds the role: nobody has it unread
    if (staff.length) {
      const docs = (
        await db
          .collection('inbox_marks')
          .where({ _id: _.in(staff.map((s) => `${s.openid}:${communityId}`)) })
          .limit(1000)
          .get()
      ).data as any[];
      const byId = new Map(docs.map((d) => [d._id, d.upTo as string]));
      for (const s of staff) {
        const m = byId.get(`${s.openid}:${communityId}`) ?? '';
        if (m < low!) low = m;
      }
    }
    marks.set(k, low);
    return low;
  };
  const removable: string[] = [];
  for (const a of old) {
    const low = await lowestMark(a.communityId, a.role);
    if (low !== null && a.sk <= low) removable.push(a._id);
  }
  for (let i = 0; i < removable.length; i += 500) {
    const ids = removable.slice(i, i + 500);
    const r = await db
      .collection('alerts')
      .where({ _id: _.in(ids) })
      .remove();
    await db
      .collection('alert_reads')
      .where({ alertId: _.in(ids) })
      .remove();
    alerts += r.deleted ?? 0;
  }
  return { messagesRemoved: messages.deleted ?? 0, alertsRemoved: alerts, cutoff: cutoff.toISOString() };
}
