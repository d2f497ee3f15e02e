// Issue #18: the ticket timer marks its reminders in batches — tickets whose next reminder
// falls in the same minute share one conditional update — and still says each thing once.
import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';

let lc: LocalCloudBase;
const now = new Date('2026-11-28T02:00:00.000Z');
beforeAll(async () => {
  lc = await startLocal({ seed: true });
  lc.server.ctx.clock.set(now.getTime(), true);
});
afterAll(() => lc.stop());

const N = 120;
function ticket(j: number, dueAt: Date) {
  const before = new Date(now.getTime() - 3600_000);
  return {
    _id: `tb-${j}`,
    no: `BX-20261128-9${String(j).padStart(3, '0')}`,
    communityId: 'cm-cuihu',
    type: 'repair',
    category: 'plumbing_electric',
    emergency: false,
    description: '楼道灯不亮',
    photos: [],
    location: { kind: 'public', area: '大堂', label: '大堂' },
    unitId: null,
    contactName: '住户',
    contactPhone: '13900000000',
    reporterOpenid: 'o-resident-01',
    channel: 'app',
    department: 'engineering',
    pool: false,
    grabDeadline: null,
    assigneeStaffId: 'st-eng1',
    assigneeName: '工程',
    ownerStaffId: 'st-desk',
    ownerName: '王敏',
    status: 'accepted',
    open: true,
    deadlines: [{ kind: 'resolve', dueAt }],
    nextDueAt: dueAt,
    nextReminderAt: new Date(dueAt.getTime() - 30 * 60_000),
    callbackDue: false,
    resolutionCount: 0,
    confirmReminderAt: null,
    eventCount: 1,
    createdAt: before,
    updatedAt: before,
  };
}

test('120 warnings due over two minutes: marked with a handful of updates, each said once under overlapping runs', async () => {
  // Due at ms-precise times within 10:10–10:12 (two minutes of the warning window).
  const docs = Array.from({ length: N }, (_x, j) => ticket(j, new Date(now.getTime() + 10 * 60_000 + 1 + ((j * 997) % 120_000))));
  lc.server.ctx.engine.insert('tickets', docs);
  const first = await lc.dev('/api/dev/timers/tickets', { body: {} });
  expect(first.ok).toBe(true);
  expect(first.data.data.warned).toBe(N);

  const run = ((await lc.dev('/api/dev/invocations?fn=tickets&limit=1')).data as any[])[0];
  const updates = run.calls.filter((c: any) => c.collection === 'tickets' && /modifyDocument|updateDocument/.test(c.action));
  // One per minute the breaches fall in (10:11 and 10:12, rounded up), not one per ticket.
  expect(updates.length).toBeLessThanOrEqual(3);
  expect(updates.length).toBeGreaterThanOrEqual(1);

  for (const d of docs) {
    const t = lc.server.ctx.engine.getById('tickets', d._id)!;
    const due = d.deadlines[0].dueAt.getTime();
    const minute = Math.ceil(due / 60_000) * 60_000;
    expect(t.deadlines[0].stages).toEqual({ warn: minute });
    expect(new Date(t.nextReminderAt).getTime()).toBe(minute);
    // The rest of the ticket is as it was.
    expect(t.deadlines[0].dueAt).toEqual(d.deadlines[0].dueAt);
    expect(t.updatedAt).toEqual(d.updatedAt);
  }
  // Overlapping runs at the same minute say nothing again.
  const again = await Promise.all([lc.dev('/api/dev/timers/tickets', { body: {} }), lc.dev('/api/dev/timers/tickets', { body: {} })]);
  expect(again.map((r) => r.data.data.warned)).toEqual([0, 0]);
  expect(lc.server.ctx.engine.count('reminders', { ticketId: { $in: docs.map((d) => d._id) } })).toBe(N);
  expect(lc.server.ctx.engine.count('messages', { kind: 'deadline-warning', 'target.id': { $in: docs.map((d) => d._id) } })).toBe(2 * N);
});

test('a ticket changed after the run read it keeps the change (the update is conditional per ticket)', async () => {
  const due = new Date(now.getTime() + 20 * 60_000);
  lc.server.ctx.engine.insert('tickets', [ticket(900, due), ticket(901, due)]);
  // Someone accepts a promise on tb-900 at the same moment: it moves and its updatedAt changes.
  // The run's read saw the old one; simulate the interleaving by changing it between two runs'
  // decisions — the first run (overlapping) reads both, the change lands, then the write.
  const moved = new Date(now.getTime() + 5 * 3600_000);
  const engine = lc.server.ctx.engine;
  const original = engine.update.bind(engine);
  let injected = false;
  (engine as any).update = (name: string, q: any, d: any, o: any, tx?: string) => {
    if (!injected && name === 'tickets' && JSON.stringify(q).includes('tb-900')) {
      injected = true;
      original(
        'tickets',
        { _id: 'tb-900' },
        { $set: { deadlines: [{ kind: 'resolve', dueAt: moved }], nextReminderAt: new Date(moved.getTime() - 30 * 60_000), updatedAt: new Date(now.getTime() + 1) } },
        { multi: false, replace: false, upsert: false },
      );
    }
    return original(name, q, d, o, tx);
  };
  try {
    const r = await lc.dev('/api/dev/timers/tickets', { body: {} });
    expect(r.ok).toBe(true);
  } finally {
    (engine as any).update = original;
  }
  expect(injected).toBe(true);
  const changed = engine.getById('tickets', 'tb-900')!;
  expect(changed.deadlines).toEqual([{ kind: 'resolve', dueAt: moved }]);
  expect(new Date(changed.nextReminderAt).getTime()).toBe(moved.getTime() - 30 * 60_000);
  const other = engine.getById('tickets', 'tb-901')!;
  expect(other.deadlines[0].stages).toEqual({ warn: due.getTime() });
});
