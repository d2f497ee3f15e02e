import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { accumulate, foldEvent, type Contribution, type RawEvent, type TicketFacts, type TicketProgress } from '../../src/domain/register';
import { isTicketEntry } from '../../src/domain/tickets/timeline';
import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';

let lc: LocalCloudBase;
const C = 'cm-cuihu';
const R = (action: string, data: unknown, openid: string) => lc.call('register', action, data, openid);
const T = (action: string, data: unknown, openid: string) => lc.call('tickets', action, data, openid);
const system = async (action: string, data: unknown = {}) => ((await lc.app.callFunction({ name: 'register', data: { action, data } })) as any).result;
const project = () => system('project', { settleSeconds: 0 });
const setClock = (iso: string) => lc.dev('/api/dev/clock', { body: { set: iso, frozen: true } });
const advance = (ms: number) => lc.dev('/api/dev/clock', { body: { advanceMs: ms } });
const HOME: Record<string, string> = { 'o-resident-01': 'u-1-1-101', 'o-resident-04': 'u-1-2-201', 'o-resident-06': 'u-2-1-102' };
let n = 0;
const rid = () => `req-${Date.now().toString(36)}-${n++}`;
/** A resident's repair report for one of their homes. */
const repair = (openid: string, unitId: string, category: string, description: string) =>
  T('create', { type: 'repair', category, description, location: { kind: 'home', unitId }, contactPhone: '13900000008', subscribed: [], clientRequestId: rid() }, openid);

async function all(coll: string, where: Record<string, unknown> = {}) {
  const out: any[] = [];
  for (;;) {
    const page = (await lc.db.collection(coll).where(where).skip(out.length).limit(1000).get()).data;
    out.push(...page);
    if (page.length < 1000) return out;
  }
}

/** The aggregates recomputed from scratch: the raw log folded in (ticket, seq) order, repeats from the tickets themselves. */
async function recompute() {
  const [events, tickets, units, desk] = await Promise.all([all('ticket_events'), all('tickets'), all('units'), all('register_entries', { source: 'desk' })]);
  const building = new Map(units.map((u) => [u._id, u.building]));
  const byTicket = new Map(tickets.map((t) => [t._id, t]));
  const facts = (t: any): TicketFacts => ({
    ticketId: t._id,
    no: t.no,
    type: t.type,
    category: t.category,
    emergency: !!t.emergency,
    department: t.department,
    building: (t.unitId ? building.get(t.unitId) : t.location?.building) ?? '',
    unitId: t.unitId ?? null,
    contactName: t.contactName,
    contactPhone: t.contactPhone,
    createdAt: new Date(t.createdAt),
  });
  const sorted = events
    .filter((e) => isTicketEntry(e, byTicket.get(e.ticketId)))
    .map((e) => ({ ...e, at: new Date(e.at) }))
    .sort((a, b) => a.at.getTime() - b.at.getTime() || (a.ticketId < b.ticketId ? -1 : a.ticketId > b.ticketId ? 1 : a.seq - b.seq));
  const progress = new Map<string, TicketProgress>();
  const contributions: Contribution[] = [];
  for (const ev of sorted as RawEvent[]) {
    const t = byTicket.get(ev.ticketId);
    const f = facts(t);
    const repeat =
      (ev.action === 'created' || ev.action === 'logged') &&
      !!t.unitId &&
      tickets.some(
        (o) =>
          o._id !== t._id &&
          o.unitId === t.unitId &&
          o.category === t.category &&
          +new Date(o.createdAt) <= +f.createdAt &&
          +new Date(o.createdAt) >= +f.createdAt - 30 * 86400_000,
      );
    const r = foldEvent(ev, f, progress.get(t._id) ?? null, { repeat, open: t.open, owner: { id: null, name: '' } });
    progress.set(t._id, r.progress);
    contributions.push(...r.contributions);
  }
  const { foldDeskLog } = await import('../../src/domain/register');
  for (const e of desk) contributions.push(...foldDeskLog({ ...e, at: new Date(e.at) }));
  const stats = accumulate(C, contributions);
  return new Map([...stats].map(([id, s]) => [id, Object.fromEntries(Object.entries(s.counts).filter(([, v]) => v !== 0))]));
}

async function stored() {
  const docs = (await all('register_stats')).filter((d) => d.dim !== 'reach');
  return new Map(docs.map((d) => [d._id, Object.fromEntries(Object.entries(d.counts as Record<string, number>).filter(([, v]) => v !== 0))]));
}

beforeAll(async () => {
  lc = await startLocal({ seed: true });
  // These flows complete repairs without photos; the photo rule (on by default) is tested in staff-search.test.ts.
  expect((await lc.call('tickets', 'setTicketSettings', { completionPhotoRequired: false }, 'o-staff-admin')).ok).toBe(true);
  await setClock('2026-11-02T01:00:00.000Z');
}, 60_000);
afterAll(() => lc.stop());

type Cmd =
  | { kind: 'create'; who: number; category: 0 | 1 }
  | { kind: 'act'; action: 'grab' | 'arrive' | 'complete' | 'confirm' | 'reopen' | 'message' | 'cancel' | 'rate'; ticket: number }
  | { kind: 'wait'; minutes: number }
  | { kind: 'project' };

const residents = Object.keys(HOME);

async function run(cmd: Cmd, ids: { id: string; who: string }[]) {
  if (cmd.kind === 'wait') return advance(cmd.minutes * 60_000);
  if (cmd.kind === 'project') return project();
  if (cmd.kind === 'create') {
    const who = residents[cmd.who % residents.length];
    const r = await T(
      'create',
      {
        type: 'repair',
        category: cmd.category === 0 ? 'repair_other' : 'public_lighting',
        description: cmd.category === 0 ? '阳台晾衣架松动' : '楼道灯不亮',
        location: cmd.category === 0 ? { kind: 'home', unitId: HOME[who] } : { kind: 'public', building: '2栋', area: '一楼大堂' },
        contactPhone: '13900000001',
        subscribed: [],
        clientRequestId: rid(),
      },
      who,
    );
    if (r.ok) ids.push({ id: r.data.ticketId, who });
    return;
  }
  if (!ids.length) return;
  const t = ids[cmd.ticket % ids.length];
  const staff = 'o-staff-eng1';
  const byResident = ['confirm', 'reopen', 'cancel', 'rate'].includes(cmd.action);
  const data: Record<string, unknown> = { action: cmd.action, ticketId: t.id };
  if (cmd.action === 'complete') Object.assign(data, { text: '已处理', photos: [] });
  if (cmd.action === 'message') Object.assign(data, { text: '请尽快处理', photos: [] });
  if (cmd.action === 'reopen') Object.assign(data, { reason: '还是有问题' });
  if (cmd.action === 'cancel') Object.assign(data, { reason: '不需要了' });
  if (cmd.action === 'rate') Object.assign(data, { score: 4, comment: '' });
  await T('act', data, byResident || cmd.action === 'message' ? t.who : staff);
}

const cmdArb: fc.Arbitrary<Cmd> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('create' as const), who: fc.nat(2), category: fc.constantFrom(0 as const, 1 as const) }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('act' as const),
      action: fc.constantFrom('grab', 'arrive', 'complete', 'confirm', 'reopen', 'message', 'cancel', 'rate') as fc.Arbitrary<any>,
      ticket: fc.nat(20),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), minutes: fc.constantFrom(1, 10, 35, 90, 60 * 26, 60 * 24 * 5) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('project' as const) }) },
);

describe('projection and aggregates', () => {
  test('after a random series of ticket actions (timer run at random points, twice over), the aggregates equal a recomputation from the raw log', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(cmdArb, { minLength: 25, maxLength: 40 }), async (cmds) => {
        const ids: { id: string; who: string }[] = [];
        for (const c of cmds) await run(c, ids);
        const first = await project();
        expect(first.ok).toBe(true);
        const again = await project(); // a rerun adds nothing
        expect(again.data.projected).toBe(0);
        const [mine, theirs] = await Promise.all([stored(), recompute()]);
        expect(mine).toEqual(theirs);
        // Independent counts straight from the log.
        const month = `${C}:M2026-11:community:all`;
        const events = await all('ticket_events');
        const created = events.filter((e) => e.action === 'created' && +new Date(e.at) < Date.parse('2026-11-30T16:00:00Z')).length;
        if (created) expect(mine.get(month)?.tickets ?? 0).toBe(created);
        const contacts = (await all('register_entries')).length;
        const sumContacts = [...mine].filter(([id]) => /:M\d{4}-\d{2}:community:all$/.test(id)).reduce((s, [, c]) => s + (c.contacts ?? 0), 0);
        expect(sumContacts).toBe(contacts);
        // Every entry once: ids are the log's ids.
        const entryIds = (await all('register_entries')).map((e) => e._id);
        expect(new Set(entryIds).size).toBe(entryIds.length);
      }),
      { seed: 20261202, numRuns: 2, endOnFailure: true },
    );
  }, 240_000);

  test('the backfill rebuilds the same aggregates from the log', async () => {
    const before = await stored();
    const r = await system('backfill');
    expect(r.ok).toBe(true);
    expect(await stored()).toEqual(before);
  }, 60_000);
});

describe('repeat issues', () => {
  test('the same unit and category within 30 days counts as a repeat; after 30 days, or another category, it does not', async () => {
    await setClock('2027-03-01T02:00:00.000Z');
    const mk = (category: string) => repair('o-resident-08', 'u-2-2-202', category, '重复问题测试');
    expect((await mk('repair_other')).ok).toBe(true);
    await advance(10 * 86400_000);
    await mk('repair_other'); // repeat (day 10)
    await mk('elevator'); // other category: not a repeat
    await advance(35 * 86400_000);
    await mk('repair_other'); // 35 days after the last one: not a repeat
    await project();
    const oct = (await lc.db.collection('register_stats').doc(`${C}:M2027-03:community:all`).get()).data[0];
    expect(oct.counts.repeat).toBe(1);
    const nov = (await lc.db.collection('register_stats').doc(`${C}:M2027-04:community:all`).get()).data[0];
    expect(nov.counts.tickets).toBe(1);
    expect(nov.counts.repeat ?? 0).toBe(0);
  }, 60_000);
});

describe('a ticket’s own log', () => {
  test('first entries of an attempt that lost the insert (or crashed before it) are in the log but never in the register', async () => {
    const r = await repair('o-resident-01', HOME['o-resident-01'], 'elevator', '电梯异响');
    expect(r.ok).toBe(true);
    const ticketId = r.data.ticketId;
    const [mine] = (await lc.db.collection('ticket_events').where({ ticketId, seq: 1 }).get()).data as any[];
    expect(mine.opening).toBe((await lc.db.collection('tickets').doc(ticketId).get()).data[0].opening);
    // What a twin that lost the insert and then crashed leaves behind, and a crash before any ticket.
    const at = new Date(mine.at);
    const lost = {
      ticketId,
      seq: 1,
      communityId: C,
      at,
      action: 'created',
      actor: { kind: 'resident', id: 'o-resident-01', name: '住户' },
      channel: 'app',
      visibility: 'public',
      text: '另一次尝试',
      opening: 'lost-attempt',
    };
    const orphan = await lc.db.collection('ticket_events').add(lost);
    await lc.db.collection('ticket_events').add({ ...lost, ticketId: 'tk-never-inserted', opening: 'crashed' });
    await project();
    const entries = (await lc.db.collection('register_entries').where({ ticketId }).get()).data as any[];
    expect(entries.map((e) => e._id)).toContain(`ev-${mine._id}`);
    expect(entries.map((e) => e._id)).not.toContain(`ev-${orphan.id}`);
    expect((await lc.db.collection('register_entries').where({ ticketId: 'tk-never-inserted' }).count()).total).toBe(0);
    // And the ticket's timeline shows its own entry only.
    const d = (await T('get', { ticketId }, 'o-staff-desk')).data;
    expect(d.timeline.filter((e: any) => e.action === 'created').map((e: any) => e.text)).toEqual(['电梯异响']);
  });
});

describe('register, log, export and permissions', () => {
  test('desk logs a contact in one call; a retry does not duplicate; it is listed and counted', async () => {
    const input = { requestKey: 'desk-log-0001', type: 'praise', channel: 'visit', text: '感谢保安帮忙搬东西', who: '张阿姨', phone: '13912345678', building: '1栋' };
    const [a, b] = await Promise.all([R('log', input, 'o-staff-desk'), R('log', input, 'o-staff-desk')]);
    expect(a.ok && b.ok).toBe(true);
    expect(a.data.id).toBe(b.data.id);
    expect((await lc.db.collection('register_entries').where({ source: 'desk' }).count()).total).toBe(1);
    const list = await R('list', { filters: { type: 'praise' } }, 'o-staff-desk');
    expect(list.data.items).toHaveLength(1);
    expect(list.data.items[0]).toMatchObject({ who: '张阿姨', phone: '13912345678', outcome: 'answered', channel: 'visit' });
    expect((await R('list', { filters: { type: 'praise' } }, 'o-staff-eng1')).data.items[0].phone).toBe('139****5678');
  });

  test('filters, search and cursor pages', async () => {
    const b2 = await R('list', { filters: { building: '2栋' }, pageSize: 3 }, 'o-staff-sup');
    expect(b2.ok).toBe(true);
    expect(b2.data.items.every((e: any) => e.building === '2栋')).toBe(true);
    const seen = new Set(b2.data.items.map((e: any) => e._id));
    let cursor = b2.data.nextCursor;
    while (cursor) {
      const p = await R('list', { filters: { building: '2栋' }, pageSize: 3, cursor }, 'o-staff-sup');
      for (const e of p.data.items) {
        expect(seen.has(e._id)).toBe(false);
        seen.add(e._id);
      }
      cursor = p.data.nextCursor;
    }
    expect(seen.size).toBe((await lc.db.collection('register_entries').where({ communityId: C, building: '2栋' }).count()).total);
    const q = await R('list', { filters: { q: '晾衣架' } }, 'o-staff-sup');
    expect(q.data.items.length).toBeGreaterThan(0);
    expect(q.data.items.every((e: any) => e.text.includes('晾衣架'))).toBe(true);
    const closed = await R('list', { filters: { state: 'closed', from: '2026-10-01', to: '2026-10-31' } }, 'o-staff-sup');
    expect(closed.ok).toBe(true);
  });

  test('impossible ranges and unknown values are refused with a clear message', async () => {
    const bad = [{ from: '2026-11-30', to: '2026-11-01' }, { channel: 'fax' }, { category: 'ufo' }, { from: '2026-13-45' }, { state: 'maybe' }, { colour: 'red' }];
    for (const filters of bad) {
      const r = await R('list', { filters }, 'o-staff-sup');
      expect(r.ok).toBe(false);
      expect(r.error.code).toBe('INVALID_INPUT');
    }
    expect((await R('list', { filters: { from: '2026-11-30', to: '2026-11-01' } }, 'o-staff-sup')).error.message).toBe('开始日期不能晚于结束日期');
    expect((await R('analysis', { period: { kind: 'month', key: 'W2026-11-30' } }, 'o-staff-sup')).error.code).toBe('INVALID_INPUT');
  });

  test('residents never reach the register; engineers cannot read the analysis; system actions are not for people', async () => {
    expect((await R('list', {}, 'o-resident-01')).error.code).toBe('FORBIDDEN');
    expect((await R('log', { requestKey: 'resident-try-1', type: 'praise', channel: 'app', text: '我自己写的' }, 'o-resident-01')).error.code).toBe('FORBIDDEN');
    expect((await R('export', { kind: 'register' }, 'o-resident-01')).error.code).toBe('FORBIDDEN');
    expect((await R('analysis', { period: { kind: 'month' } }, 'o-staff-eng1')).error.code).toBe('FORBIDDEN');
    expect((await R('backfill', {}, 'o-staff-admin')).error.code).toBe('FORBIDDEN');
    const ok = await R('analysis', { period: { kind: 'month', key: 'M2026-11' }, scope: 'building' }, 'o-staff-sup');
    expect(ok.ok).toBe(true);
    expect(ok.data.rows.length).toBeGreaterThan(0);
  });

  test('staff of another community see nothing of this one', async () => {
    const other = 'o-staff-other-sup';
    await lc.db.collection('staff').add({ _id: 's-other-sup', openid: other, name: '外小区主管', communityId: 'c-elsewhere', roles: ['supervisor'], active: true });
    const r = await R('list', {}, other);
    expect(r.ok).toBe(true);
    expect(r.data.items).toHaveLength(0);
    const a = await R('analysis', { period: { kind: 'month', key: 'M2026-11' } }, other);
    expect(a.data.summary.contacts).toBe(0);
  });

  test('the register export holds the filtered rows in the form layout; phones masked for an engineer; the link is its requester’s only and expires', async () => {
    const sup = await R('export', { kind: 'register', filters: { building: '2栋' } }, 'o-staff-sup');
    expect(sup.error).toBeUndefined();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await (await fetch(sup.data.url)).arrayBuffer()) as any);
    const ws = wb.getWorksheet('客户沟通记录表')!;
    expect(ws.getCell('A1').value).toBe('客户沟通记录表');
    expect(ws.getRow(3).values).toEqual(expect.arrayContaining(['序号', '日期时间', '渠道', '联系电话', '沟通内容', '处理结果', '经办人', '首问负责人']));
    const expected = (await lc.db.collection('register_entries').where({ communityId: C, building: '2栋' }).count()).total;
    expect(ws.rowCount - 3).toBe(expected);
    expect(sup.data.rows).toBe(expected);
    const phoneCol = (ws.getRow(3).values as any[]).indexOf('联系电话');
    const buildingCol = (ws.getRow(3).values as any[]).indexOf('楼栋');
    for (let i = 4; i <= ws.rowCount; i++) expect(ws.getRow(i).getCell(buildingCol).value).toBe('2栋');
    expect(String(ws.getRow(4).getCell(phoneCol).value)).toMatch(/^1\d{10}$/);

    const eng = await R('export', { kind: 'register', filters: { building: '2栋' } }, 'o-staff-eng1');
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(Buffer.from(await (await fetch(eng.data.url)).arrayBuffer()) as any);
    const ws2 = wb2.getWorksheet('客户沟通记录表')!;
    expect(String(ws2.getRow(4).getCell(phoneCol).value)).toMatch(/^1\d{2}\*{4}\d{4}$/);

    // Only the requester gets a link; after the hour it is gone.
    expect((await R('download', { exportId: sup.data.exportId }, 'o-staff-eng1')).error.code).toBe('FORBIDDEN');
    expect((await R('download', { exportId: sup.data.exportId }, 'o-staff-desk')).error.code).toBe('FORBIDDEN');
    expect((await R('download', { exportId: sup.data.exportId }, 'o-staff-sup')).ok).toBe(true);
    await advance(61 * 60_000);
    expect((await R('download', { exportId: sup.data.exportId }, 'o-staff-sup')).error.code).toBe('NOT_FOUND');
    expect((await fetch(sup.data.url)).ok).toBe(false);
  }, 60_000);

  test('the analysis export has every table', async () => {
    const r = await R('export', { kind: 'analysis', period: { kind: 'month', key: 'M2026-11' } }, 'o-staff-sup');
    expect(r.ok).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await (await fetch(r.data.url)).arrayBuffer()) as any);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '按楼栋', '按部门', '按人员', '类别排行', '公告触达']);
    const month = (await lc.db.collection('register_stats').doc(`${C}:M2026-11:community:all`).get()).data[0];
    expect(wb.getWorksheet('汇总')!.getRow(4).getCell(2).value).toBe(month.counts.contacts);
    expect((await R('export', { kind: 'analysis' }, 'o-staff-desk')).error.code).toBe('FORBIDDEN');
  }, 60_000);
});
