import { MESSAGE_KINDS, type MessageKind, type MessageTarget, type MessageTone } from '../../src/domain/inbox';
import type { StaffRole } from '../../src/domain/roles';
import type { Database } from './cloud';
import { insertMissing } from './bulk';
import { createHash } from 'node:crypto';
import { stableId } from './ids';
import { clearConsent } from './subscriptions';
import { TEMPLATES, type TemplateKey } from './templates';

/** Who a message is for: a person (by openid, or a staff member by id), or a role of a community (shared). */
export type Recipient = { openid: string; name?: string } | { staffId: string } | { role: StaffRole; communityId: string };

export interface Outgoing {
  /**
   * The event this message is about (e.g. `t-…:accept:3`). With the recipient it names the
   * stored message, so a retried or overlapping run stores and sends nothing twice.
   */
  key: string;
  to: Recipient[];
  kind: MessageKind;
  title: string;
  body: string;
  communityId: string;
  target: MessageTarget;
  tone?: MessageTone;
  /** Also by WeChat subscribe message to each person with a consent for the template left. */
  subscribe?: { template: TemplateKey; page: string; data: Record<string, { value: string }> };
  /** Record on this ticket's timeline who was told, and by which channel. */
  timeline?: { ticketId: string };
  /** Never tell this staff member (the one who acted). */
  exceptStaffId?: string | null;
}

export interface NotifyOptions {
  /**
   * The caller has just made, once, what every message is about (e.g. the ticket its transaction
   * inserted): no message can be stored already, so role alerts are counted unread while they
   * are stored instead of after. Anything that may run twice for the same key must not say so.
   */
  firstTime?: boolean;
}

/** What a personal message and a role alert both hold. */
interface StoredNotice {
  _id: string;
  communityId: string;
  kind: MessageKind;
  tone: MessageTone;
  title: string;
  body: string;
  target: MessageTarget;
  key: string;
  at: Date;
  /** Sort key (time, then id): the list's order and cursor. */
  sk: string;
}

export interface MessageDoc extends StoredNotice {
  openid: string;
  staffId: string | null;
  read: boolean;
  readAt: Date | null;
  /** How it reached the person: always the inbox; 'subscribe' when a WeChat message went too. */
  channel: 'inbox' | 'subscribe';
  subscribe?: { templateId: string; status: 'sent' | 'failed' | 'no-consent'; errcode?: number };
}

export interface AlertDoc extends StoredNotice {
  role: StaffRole;
}

export interface NotifyContext {
  db: Database;
  app: { callWxOpenApi(args: any): Promise<any> };
  clock: { now(): Date };
}

const hash = (n: number, ...parts: string[]) => createHash('sha256').update(parts.join('\u0001')).digest('hex').slice(0, n);

/**
 * A personal message's id: the same (event key, person) always names the same document. It
 * starts with a hash of the person, so one person's messages lie together in storage (their
 * list and counts read neighbouring records, however large the collection grows).
 */
export const messageId = (key: string, openid: string) => `m-${hash(8, openid)}-${hash(20, key, openid)}`;

/** A role alert's id: once per (event key, community, role), clustered by (community, role). */
export const alertId = (key: string, communityId: string, role: string) => `a-${hash(8, communityId, role)}-${hash(20, key, communityId, role)}`;

/** The order of a person's list: time, then id (so equal times still page exactly). */
export const sortKey = (at: Date, id: string) => `${String(at.getTime()).padStart(14, '0')}~${id}`;

const SEND_PARALLEL = 10;

/**
 * The one way functions notify people. Each personal message goes to the recipient's inbox
 * (messages), once per (event key, person); role-shared alerts are stored once per (event
 * key, community, role) and read per person. A message stored by this call is also sent as a
 * subscribe message when the person has a consent left, and, where asked, recorded with its
 * channel on the ticket's timeline. Messages already stored (a retry, an overlapping timer run)
 * are neither stored nor sent again.
 */
export async function notify(ctx: NotifyContext, outgoing: Outgoing[], opts: NotifyOptions = {}): Promise<{ stored: number; sent: number; alerts: number }> {
  const { db } = ctx;
  const _ = db.command;
  const now = ctx.clock.now();
  const list = outgoing.filter((o) => o.to.length);
  if (!list.length) return { stored: 0, sent: 0, alerts: 0 };

  // Staff recipients → their openids (one read for the whole batch).
  const staffIds = [...new Set(list.flatMap((o) => o.to.flatMap((r) => ('staffId' in r && r.staffId ? [r.staffId] : []))))];
  const staff = new Map<string, { openid: string; name: string; active: boolean }>();
  for (let i = 0; i < staffIds.length; i += 500) {
    const res = await db
      .collection('staff')
      .where({ _id: _.in(staffIds.slice(i, i + 500)) })
      .field({ openid: true, name: true, active: true })
      .limit(1000)
      .get();
    for (const s of res.data as any[]) staff.set(s._id, s);
  }

  const messages: MessageDoc[] = [];
  const alerts: AlertDoc[] = [];
  const names = new Map<string, string>();
  const byKey = new Map<string, Outgoing>();
  for (const o of list) {
    const tone = o.tone ?? MESSAGE_KINDS[o.kind].tone;
    const base = { communityId: o.communityId, kind: o.kind, tone, title: o.title, body: o.body, target: o.target, key: o.key, at: now };
    byKey.set(o.key, o);
    const seen = new Set<string>();
    for (const r of o.to) {
      if ('role' in r) {
        const _id = alertId(o.key, r.communityId, r.role);
        alerts.push({ _id, ...base, communityId: r.communityId, role: r.role, sk: sortKey(now, _id) });
        continue;
      }
      let openid: string;
      let staffId: string | null = null;
      if ('staffId' in r) {
        if (r.staffId === o.exceptStaffId) continue;
        const s = staff.get(r.staffId);
        if (!s || !s.active || !s.openid) continue;
        openid = s.openid;
        staffId = r.staffId;
        names.set(openid, s.name);
      } else {
        openid = r.openid;
        if (r.name) names.set(openid, r.name);
      }
      if (!openid || seen.has(openid)) continue;
      seen.add(openid);
      const _id = messageId(o.key, openid);
      messages.push({ _id, openid, staffId, ...base, sk: sortKey(now, _id), read: false, readAt: null, channel: 'inbox' });
    }
  }

  // Who has a subscribe consent left for what they are about to be told: one read per 500,
  // before storing, so a message without one is stored as such (not written twice).
  const consentId = (m: MessageDoc) => `${m.openid}:${TEMPLATES[byKey.get(m.key)!.subscribe!.template]}`;
  const subscribing = messages.filter((m) => byKey.get(m.key)!.subscribe);
  const left = new Map<string, number>();
  for (let i = 0; i < subscribing.length; i += 500) {
    const res = await db
      .collection('subscriptions')
      .where({ _id: _.in([...new Set(subscribing.slice(i, i + 500).map(consentId))]), remaining: _.gt(0) })
      .limit(1000)
      .get();
    for (const s of res.data as any[]) left.set(s._id, s.remaining);
  }
  const hasConsent = (m: MessageDoc) => (left.get(consentId(m)) ?? 0) > 0;
  for (const m of subscribing) if (!hasConsent(m)) m.subscribe = { templateId: TEMPLATES[byKey.get(m.key)!.subscribe!.template], status: 'no-consent' };

  const [fresh, freshAlerts] = await Promise.all([
    insertMissing(db, 'messages', messages, { insertFirst: true }),
    insertMissing(db, 'alerts', alerts, { insertFirst: true }),
    // Alerts about what this very call made are new: counted while they are stored (one step less).
    opts.firstTime ? countUnreadAlerts(db, alerts) : undefined,
  ]);
  if (!opts.firstTime)
    await countUnreadAlerts(
      db,
      alerts.filter((a) => freshAlerts.has(a._id)),
    );
  const stored = messages.filter((m) => fresh.has(m._id));

  // Subscribe messages for what this call stored, to those with a consent left.
  const jobs = stored.filter((m) => byKey.get(m.key)!.subscribe && hasConsent(m));
  const channels = new Map<string, MessageDoc['channel']>();
  let sent = 0;
  for (let i = 0; i < jobs.length; i += SEND_PARALLEL) {
    await Promise.all(
      jobs.slice(i, i + SEND_PARALLEL).map(async (m) => {
        const sub = byKey.get(m.key)!.subscribe!;
        const templateId = TEMPLATES[sub.template];
        // Take the consent atomically; another sender may have used the last one meanwhile.
        const took = await db
          .collection('subscriptions')
          .where({ _id: `${m.openid}:${templateId}`, remaining: _.gt(0) })
          .update({ remaining: _.inc(-1), updatedAt: now });
        if (took.updated !== 1) {
          await db
            .collection('messages')
            .doc(m._id)
            .update({ subscribe: { templateId, status: 'no-consent' } });
          return;
        }
        const errcode = await sendSubscribe(ctx, m.openid, templateId, sub.page, sub.data);
        if (errcode === 43101) await clearConsent(db, m.openid, templateId, now);
        const ok = errcode === 0;
        if (ok) {
          sent++;
          channels.set(m._id, 'subscribe');
        }
        await db
          .collection('messages')
          .doc(m._id)
          .update({ ...(ok ? { channel: 'subscribe' } : {}), subscribe: { templateId, status: ok ? 'sent' : 'failed', errcode } });
      }),
    );
  }

  // Timeline records: who was told of what, and how (once per event key).
  for (const o of list) {
    if (!o.timeline) continue;
    const mine = stored.filter((m) => m.key === o.key);
    if (!mine.length) continue;
    const how = mine.map((m) => `${names.get(m.openid) ?? '住户'}（${channels.get(m._id) === 'subscribe' ? '微信订阅消息、消息中心' : '消息中心'}）`);
    await recordOnTimeline(db, o.timeline.ticketId, stableId('ev', o.key), now, `${MESSAGE_KINDS[o.kind].label}已通知 ${how.join('、')}`, {
      recipients: mine.map((m) => ({ staffId: m.staffId, name: names.get(m.openid) ?? '', channel: channels.get(m._id) ?? 'inbox' })),
    });
  }
  return { stored: stored.length, sent, alerts: freshAlerts.size };
}

/**
 * Each holder of a role keeps the number of its alerts they have not read on their staff record
 * (`alertsUnread`), so their unread badge is read with who they are, not counted. A record
 * without the counter (a new hire, changed roles: their backlog is counted once by `inbox`) is
 * left as it is until the person's next 全部已读 starts it at 0.
 */
async function countUnreadAlerts(db: Database, stored: AlertDoc[]) {
  const _ = db.command;
  const byRole = new Map<string, { communityId: string; role: StaffRole; n: number }>();
  for (const a of stored) {
    const k = `${a.communityId}\u0001${a.role}`;
    byRole.set(k, { communityId: a.communityId, role: a.role, n: (byRole.get(k)?.n ?? 0) + 1 });
  }
  await Promise.all(
    [...byRole.values()].map((g) =>
      db
        .collection('staff')
        .where({ communityId: g.communityId, roles: g.role, active: true, alertsUnread: _.exists(true) })
        .update({ alertsUnread: _.inc(g.n) }),
    ),
  );
}

async function sendSubscribe(ctx: NotifyContext, touser: string, templateId: string, page: string, data: Record<string, { value: string }>): Promise<number> {
  try {
    const res: any = await ctx.app.callWxOpenApi({
      apiName: '/cgi-bin/message/subscribe/send',
      requestData: { touser, template_id: templateId, page, data, miniprogram_state: 'formal' },
    } as any);
    return Number(res?.result?.errcode ?? 0);
  } catch {
    return -1;
  }
}

/** Appends an internal entry to a ticket's log (next sequence number), once per id. */
async function recordOnTimeline(db: Database, ticketId: string, id: string, at: Date, text: string, meta: Record<string, unknown>) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await db.runTransaction(async (tx: any) => {
        const t = (await tx.collection('tickets').doc(ticketId).get()).data as any;
        if (!t) return;
        const seq = (t.eventCount ?? 0) + 1;
        await tx.collection('ticket_events').add({
          _id: id,
          ticketId,
          seq,
          communityId: t.communityId,
          at,
          action: 'notified',
          actor: { kind: 'system', id: 'notify', name: '系统' },
          channel: 'system',
          visibility: 'internal',
          text,
          meta,
        });
        await tx.collection('tickets').doc(ticketId).update({ eventCount: seq });
      }, 1);
      return;
    } catch (e: any) {
      if (e?.code === 'DATABASE_DUPLICATE_WRITE') return; // recorded already
      if (e?.code !== 'DATABASE_TRANSACTION_CONFLICT' || attempt === 2) throw e;
    }
  }
}
