import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';
import { toMinute } from '../../src/domain/tickets/reminders';

/** Issue 5: the reminders timer and callbacks, with the controlled clock. */
let lc: LocalCloudBase;
const rid = () => `req-${Math.random().toString(36).slice(2, 12)}`;
const T = (action: string, data: unknown, openid: string) => lc.call('tickets', action, data, openid);
const C = (action: string, data: unknown, openid: string) => lc.call('callbacks', action, data, openid);
const remind = () => lc.dev('/api/dev/timers/callbacks', { method: 'POST' });
/** The tickets function's own timer: deadline reminders, escalation, re-routing, overdue pauses. */
const ticketTimer = () => lc.dev('/api/dev/timers/tickets', { method: 'POST' });
const advance = (ms: number) => lc.dev('/api/dev/clock', { body: { advanceMs: ms } });
const MIN = 60_000;
const HOUR = 60 * MIN;
const HOME: Record<string, string> = {
  'o-resident-01': 'u-1-1-101',
  'o-resident-02': 'u-1-1-202',
  'o-resident-03': 'u-1-1-402',
  'o-resident-04': 'u-1-2-201',
  'o-resident-05': 'u-1-2-501',
  'o-resident-06': 'u-2-1-102',
  'o-resident-07': 'u-2-1-302',
  'o-resident-08': 'u-2-2-202',
};
const report = (who: string, extra: Record<string, unknown> = {}) =>
  T(
    'create',
    {
      type: 'repair',
      category: 'plumbing_electric',
      description: '卫生间水管漏水',
      location: { kind: 'home', unitId: HOME[who] },
      contactPhone: '13900000001',
      subscribed: [],
      clientRequestId: rid(),
      ...extra,
    },
    who,
  ).then((r) => {
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.data.ticketId as string;
  });
/** Messages of a kind about a ticket (their keys start with the ticket's or its callback's id). */
const notices = async (ticketId: string, kind: string) =>
  (
    await Promise.all(
      // Personal messages, and alerts shared by a role (a desk-queue callback's).
      ['messages', 'alerts'].map(async (c) => (await lc.db.collection(c).where({ kind }).limit(1000).get()).data),
    )
  )
    .flat()
    .filter((m: any) => m.key.includes(ticketId))
    .map((m: any) => ({ ...m, text: m.body }));

/** Grab, complete: returns the ticket id, resolved by eng1 (who owns it). */
async function resolved(who: string, extra: Record<string, unknown> = {}) {
  const ticketId = await report(who, extra);
  expect((await T('act', { action: 'grab', ticketId }, 'o-staff-eng1')).ok).toBe(true);
  expect((await T('act', { action: 'consent', ticketId, by: '业主本人', scope: '卫生间' }, 'o-staff-eng1')).ok).toBe(true);
  expect((await T('act', { action: 'complete', ticketId, text: '已修好', photos: [] }, 'o-staff-eng1')).ok).toBe(true);
  return ticketId;
}

beforeAll(async () => {
  lc = await startLocal({ seed: true, extraFunctionsDirs: [] });
  await lc.dev('/api/dev/clock', { body: { set: '2026-11-28T01:00:00.000Z', frozen: true } });
});
afterAll(() => lc.stop());

describe('callbacks on resolution', () => {
  test('a resolved repair gets a callback due 24 h later, in the service desk’s queue by default (not the engineer who did the work)', async () => {
    const ticketId = await resolved('o-resident-01');
    const r = await remind();
    expect(r.ok).toBe(true);
    expect(r.data.data.callbacksCreated).toBeGreaterThanOrEqual(1);
    expect((await lc.db.collection('callbacks').where({ ticketId }).get()).data[0].assigneeStaffId).toBeNull();
    const list = (await C('list', {}, 'o-staff-desk')).data.items;
    const cb = list.find((c: any) => c.ticketId === ticketId);
    expect(cb).toMatchObject({ status: 'open', statusLabel: '待回访', assigneeName: '客服', contactPhone: '13900000001' });
    expect(new Date(cb.dueAt).getTime() - new Date(cb.resolvedAt).getTime()).toBe(24 * HOUR);
    // The engineer who did the work does not get it; the desk is told through its shared alert.
    expect((await C('list', { mine: true, pageSize: 50 }, 'o-staff-eng1')).data.items.map((c: any) => c.ticketId)).not.toContain(ticketId);
    expect((await C('list', { pageSize: 50 }, 'o-staff-eng1')).data.items.map((c: any) => c.ticketId)).not.toContain(ticketId);
    expect((await notices(ticketId, 'callback')).map((m: any) => m.staffId ?? m.role)).toEqual(['desk']);
    expect((await C('list', {}, 'o-resident-01')).error.code).toBe('FORBIDDEN');
    // Running again creates nothing twice.
    await remind();
    expect((await lc.db.collection('callbacks').where({ ticketId }).count()).total).toBe(1);
  });

  test('configured to 处理人回访 in 回访设置: the new callback is assigned to the ticket’s handler', async () => {
    const base = (await C('getSettings', {}, 'o-staff-admin')).data.settings;
    expect(base.assignTo).toBe('desk');
    expect((await C('setSettings', { ...base, assignTo: 'handler' }, 'o-staff-admin')).data.settings.assignTo).toBe('handler');
    try {
      const ticketId = await resolved('o-resident-01', { clientRequestId: rid() });
      await remind();
      const cb = (await C('list', { mine: true, pageSize: 50 }, 'o-staff-eng1')).data.items.find((c: any) => c.ticketId === ticketId);
      expect(cb).toMatchObject({ status: 'open', assigneeName: '李强' });
      expect((await C('counts', {}, 'o-staff-eng1')).data.mine).toBeGreaterThanOrEqual(1);
      // An older client that does not send assignTo saves the default (the desk).
      const { assignTo: _drop, ...older } = base;
      expect((await C('setSettings', older, 'o-staff-admin')).data.settings.assignTo).toBe('desk');
      expect((await C('setSettings', { ...base, assignTo: 'engineer' }, 'o-staff-admin')).error.code).toBe('INVALID_INPUT');
    } finally {
      await lc.db.collection('communities').doc('cm-cuihu').update({ settings: lc.db.command.remove() });
    }
  });

  test('policies: consultations are never called back; "skip when rated ≥ 4" drops the callback of a well-rated ticket', async () => {
    const q = await T(
      'create',
      {
        type: 'consultation',
        category: 'fees',
        description: '物业费标准？',
        location: { kind: 'home', unitId: HOME['o-resident-02'] },
        contactPhone: '13900000002',
        subscribed: [],
        clientRequestId: rid(),
      },
      'o-resident-02',
    );
    await T('act', { action: 'answer', ticketId: q.data.ticketId, text: '每月 2.5 元/平方米' }, 'o-staff-desk');
    const e = lc.server.ctx.engine;
    e.update('communities', { _id: 'cm-cuihu' }, { $set: { 'settings.callbacks': { policy: { repair: 'skip-if-rated-4' } } } }, { multi: false, replace: false, upsert: false });
    try {
      const good = await resolved('o-resident-03');
      await T('act', { action: 'confirm', ticketId: good }, 'o-resident-03');
      await T('act', { action: 'rate', ticketId: good, score: 5, comment: '' }, 'o-resident-03');
      const bad = await resolved('o-resident-04');
      await remind();
      expect((await lc.db.collection('callbacks').where({ ticketId: q.data.ticketId }).count()).total).toBe(0);
      expect((await lc.db.collection('callbacks').where({ ticketId: good }).count()).total).toBe(0);
      expect((await lc.db.collection('callbacks').where({ ticketId: bad }).count()).total).toBe(1);
      // Rated well after the callback was created: the callback is dropped when it comes due.
      await T('act', { action: 'confirm', ticketId: bad }, 'o-resident-04');
      await T('act', { action: 'rate', ticketId: bad, score: 4, comment: '' }, 'o-resident-04');
      await advance(24 * HOUR);
      await remind();
      const cb = (await lc.db.collection('callbacks').where({ ticketId: bad }).get()).data[0];
      expect(cb).toMatchObject({ status: 'skipped', reason: 'rated-well' });
    } finally {
      e.update('communities', { _id: 'cm-cuihu' }, { $unset: { settings: '' } }, { multi: false, replace: false, upsert: false });
    }
  });
});

describe('recording outcomes', () => {
  test('not satisfied reopens the ticket to its handler with the comment', async () => {
    const ticketId = await resolved('o-resident-05');
    await remind();
    const cb = (await C('list', { pageSize: 50 }, 'o-staff-desk')).data.items.find((c: any) => c.ticketId === ticketId);
    expect((await C('record', { callbackId: cb.callbackId, reached: true, channel: 'phone', satisfied: false }, 'o-staff-desk')).error.code).toBe('INVALID_INPUT'); // needs the resident's words
    const r = await C('record', { callbackId: cb.callbackId, reached: true, channel: 'phone', satisfied: false, comment: '还在滴水' }, 'o-staff-desk');
    expect(r.data).toEqual({ callbackId: cb.callbackId, status: 'done', reopened: true });
    const d = (await T('get', { ticketId }, 'o-staff-eng1')).data;
    expect(d.status).toBe('assigned');
    expect(d.assigneeName).toBe('李强');
    expect(d.timeline.slice(-2).map((e: any) => [e.action, e.text])).toEqual([
      ['callback', '电话回访：不满意，还在滴水'],
      ['reopen', '回访不满意，重新处理：还在滴水'],
    ]);
    expect((await C('record', { callbackId: cb.callbackId, reached: true, channel: 'phone', satisfied: true }, 'o-staff-desk')).error.code).toBe('CONFLICT');
  });

  test('not reached retries up to 3 times, then closes as unreachable with every attempt logged', async () => {
    const ticketId = await resolved('o-resident-06');
    await remind();
    const cb = (await C('list', { pageSize: 50 }, 'o-staff-desk')).data.items.find((c: any) => c.ticketId === ticketId);
    for (let i = 1; i <= 3; i++) {
      const r = await C('record', { callbackId: cb.callbackId, reached: false, channel: 'phone' }, 'o-staff-desk');
      expect(r.data.status).toBe(i < 3 ? 'open' : 'unreachable');
    }
    const closed = (await C('list', { status: 'closed', pageSize: 50 }, 'o-staff-desk')).data.items.find((c: any) => c.callbackId === cb.callbackId);
    expect(closed.attempts).toHaveLength(3);
    const d = (await T('get', { ticketId }, 'o-staff-desk')).data;
    expect(d.timeline.filter((e: any) => e.action === 'callback').map((e: any) => e.text)).toEqual([
      '电话回访未联系上（第 1 次）',
      '电话回访未联系上（第 2 次）',
      '电话回访未联系上（第 3 次），已按联系不上结束回访',
    ]);
  });

  test('only the assignee or the desk/supervisors record; other communities see nothing', async () => {
    const settings = (await C('getSettings', {}, 'o-staff-admin')).data.settings;
    await C('setSettings', { ...settings, assignTo: 'handler' }, 'o-staff-admin');
    const ticketId = await resolved('o-resident-07');
    await remind();
    await lc.db.collection('communities').doc('cm-cuihu').update({ settings: lc.db.command.remove() });
    const cb = (await C('list', { mine: true, pageSize: 50 }, 'o-staff-eng1')).data.items.find((c: any) => c.ticketId === ticketId);
    expect((await C('record', { callbackId: cb.callbackId, reached: true, channel: 'phone', satisfied: true }, 'o-staff-eng2')).error.code).toBe('FORBIDDEN');
    expect((await C('list', { pageSize: 50 }, 'o-staff-eng2')).data.items.map((c: any) => c.callbackId)).not.toContain(cb.callbackId);
    expect((await C('record', { callbackId: cb.callbackId, reached: true, channel: 'phone', satisfied: true }, 'o-resident-07')).error.code).toBe('FORBIDDEN');
    const ok = await C('record', { callbackId: cb.callbackId, reached: true, channel: 'phone', satisfied: true, comment: '满意' }, 'o-staff-sup');
    expect(ok.data.status).toBe('done');
  });
});

describe('deadline reminders', () => {
  test('warning, breach and escalation happen once each, even with overlapping runs', async () => {
    const ticketId = await report('o-resident-08', { category: 'severe_leak' }); // emergency: assigned, accept due in 5 min
    const assignee = (await T('get', { ticketId }, 'o-staff-sup')).data.assigneeName;
    await Promise.all([ticketTimer(), ticketTimer(), ticketTimer()]);
    // accept (5 min) and arrive (15 min) are within the 30-minute warning window already.
    const warnings = await notices(ticketId, 'deadline-warning');
    expect(warnings.length).toBeGreaterThanOrEqual(2);
    expect(new Set(warnings.map((n: any) => n.text)).size).toBe(warnings.length / new Set(warnings.map((n: any) => n.staffId)).size);
    await advance(6 * MIN);
    await Promise.all([ticketTimer(), ticketTimer()]);
    await ticketTimer();
    const breaches = await notices(ticketId, 'deadline-breach');
    const escalations = await notices(ticketId, 'escalation');
    expect(breaches.filter((n: any) => n.text.includes('响应时限'))).toHaveLength(1);
    expect(
      escalations
        .filter((n: any) => n.text.includes('响应时限'))
        .map((n: any) => n.staffId)
        .sort(),
    ).toEqual(['st-admin', 'st-sup']);
    // Nobody accepted in time: re-routed to the other on-duty engineer, once.
    const d = (await T('get', { ticketId }, 'o-staff-sup')).data;
    expect(d.assigneeName).not.toBe(assignee);
    expect(d.timeline.filter((e: any) => e.action === 'rerouted')).toHaveLength(1);
    const reminders = (await lc.db.collection('reminders').where({ ticketId, kind: 'accept' }).get()).data;
    expect(reminders.map((r: any) => r.stage).sort()).toEqual(['breach', 'warn']);
  });

  test('a run that crashed after deciding a reminder is completed by the next run, without duplicates', async () => {
    const ticketId = await report('o-resident-02', { category: 'gas_smell' });
    const t = lc.server.ctx.engine.getById('tickets', ticketId)!;
    const accept = t.deadlines.find((d: any) => d.kind === 'accept');
    // What a crashed run leaves: the reminder decided, nothing delivered, the ticket unmarked.
    const key = `${ticketId}:accept:${new Date(accept.dueAt).getTime()}:warn`;
    lc.server.ctx.engine.insert('reminders', [{ _id: key, ticketId, communityId: 'cm-cuihu', kind: 'accept', stage: 'warn', dueAt: accept.dueAt, at: new Date() }]);
    await ticketTimer();
    await ticketTimer();
    const warnings = (await notices(ticketId, 'deadline-warning')).filter((n: any) => n.text.includes('响应时限'));
    expect(warnings.length).toBe(new Set(warnings.map((n: any) => n.staffId)).size);
    expect(warnings.length).toBeGreaterThanOrEqual(1);
    const after = lc.server.ctx.engine.getById('tickets', ticketId)!;
    // Marked for its due time, to the minute (the timers run each minute).
    expect(after.deadlines.find((d: any) => d.kind === 'accept').stages.warn).toBe(toMinute(new Date(accept.dueAt).getTime()));
  });

  test('a callback not made in 24 h is warned, then breached and escalated, once', async () => {
    const ticketId = await resolved('o-resident-01', { clientRequestId: rid() });
    await remind();
    await advance(24 * HOUR - 20 * MIN);
    await remind();
    await remind();
    expect((await notices(ticketId, 'callback-warning')).length).toBe(1);
    await advance(30 * MIN);
    await Promise.all([remind(), remind()]);
    expect((await notices(ticketId, 'callback-breach')).length).toBe(1);
    expect((await notices(ticketId, 'escalation')).filter((n: any) => n.text.includes('回访')).length).toBe(2);
    expect((await C('counts', {}, 'o-staff-desk')).data.overdue).toBeGreaterThanOrEqual(1);
  });
});

describe('residents awaiting confirmation', () => {
  test('a consent left → subscribe message; none left → in-app notice; each once', async () => {
    // o-resident-03 granted only a progress consent, which "accepted" used up.
    const noConsent = await resolved('o-resident-03', { subscribed: ['TPL_TICKET_PROGRESS'], clientRequestId: rid() });
    const consented = await resolved('o-resident-05', { clientRequestId: rid() });
    // o-resident-05 grants one "done" consent after the completion message was skipped.
    await lc.db
      .collection('subscriptions')
      .doc('o-resident-05:TPL_TICKET_DONE')
      .set({ openid: 'o-resident-05', templateId: 'TPL_TICKET_DONE', remaining: 1, updatedAt: new Date() });
    await advance(24 * HOUR + MIN);
    await Promise.all([remind(), remind()]);
    const outbox = (await lc.dev('/api/dev/outbox?touser=o-resident-05')).data.filter((m: any) => m.data?.phrase3?.value === '待确认');
    expect(outbox).toHaveLength(1);
    const inApp = (await lc.db.collection('messages').where({ openid: 'o-resident-03', kind: 'confirm-reminder', 'target.id': noConsent }).get()).data;
    expect(inApp).toHaveLength(1);
    expect(inApp[0].body).toMatch(/请确认结果/);
    const rec = (await lc.db.collection('reminders').where({ ticketId: consented, kind: 'confirm' }).get()).data;
    expect(rec.map((r: any) => r.channel)).toEqual(['subscribe']);
  });
});

describe('settings', () => {
  const settings = { policy: { repair: 'skip-if-rated-4', complaint: 'always', consultation: 'never' }, assignTo: 'desk', dueHours: 12, maxAttempts: 2, confirmReminderHours: 6 };
  afterAll(() => lc.db.collection('communities').doc('cm-cuihu').update({ settings: lc.db.command.remove() }));
  test('admins set the policy, due time and attempts; staff read them; the timer and outcomes follow them', async () => {
    expect((await C('setSettings', settings, 'o-staff-desk')).error.code).toBe('FORBIDDEN');
    expect((await C('setSettings', { ...settings, dueHours: 0 }, 'o-staff-admin')).error.message).toBe('回访时限至少 1 小时');
    expect((await C('setSettings', settings, 'o-staff-admin')).data.settings).toEqual(settings);
    expect((await C('getSettings', {}, 'o-staff-eng1')).data.settings.dueHours).toBe(12);
    const ticketId = await resolved('o-resident-02', { clientRequestId: rid() });
    await remind();
    const cb = (await C('list', { pageSize: 50 }, 'o-staff-desk')).data.items.find((c: any) => c.ticketId === ticketId);
    expect(new Date(cb.dueAt).getTime() - new Date(cb.resolvedAt).getTime()).toBe(12 * HOUR);
    expect((await C('record', { callbackId: cb.callbackId, reached: false, channel: 'phone' }, 'o-staff-desk')).data.status).toBe('open');
    expect((await C('record', { callbackId: cb.callbackId, reached: false, channel: 'phone' }, 'o-staff-desk')).data.status).toBe('unreachable');
    const t = lc.server.ctx.engine.getById('tickets', ticketId)!;
    expect(new Date(t.confirmReminderAt).getTime() - new Date(t.resolvedAt).getTime()).toBe(6 * HOUR);
  });
});
