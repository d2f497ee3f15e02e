import ExcelJS from 'exceljs';
import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';

/**
 * Issue 16, through the real `register` function with the controlled clock: a register export
 * too large for the request continues in the background (the register timer) and tells its
 * requester; log entries carry a structured outcome the analysis reads (and the backfill stores
 * it on entries written before). Small limits: 1,500 rows in the request, 6,000 at most.
 */
let lc: LocalCloudBase;
const C = 'cm-cuihu';
const R = (action: string, data: unknown, openid: string) => lc.call('register', action, data, openid);
const T = (action: string, data: unknown, openid: string) => lc.call('tickets', action, data, openid);
const CB = (action: string, data: unknown, openid: string) => lc.call('callbacks', action, data, openid);
const system = async (action: string, data: unknown = {}) => ((await lc.app.callFunction({ name: 'register', data: { action, data } })) as any).result;
const timer = () => lc.dev('/api/dev/timers/register', { method: 'POST' });
const setClock = (iso: string) => lc.dev('/api/dev/clock', { body: { set: iso, frozen: true } });
const advance = (ms: number) => lc.dev('/api/dev/clock', { body: { advanceMs: ms } });
let n = 0;
const rid = () => `req-jobs-${n++}`;

async function workbook(url: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await (await fetch(url)).arrayBuffer()) as any);
  return wb.getWorksheet('客户沟通记录表')!;
}

/** `count` register entries of a building, one a minute back from `until`. */
function seedEntries(building: string, count: number, until: number) {
  const docs = [];
  for (let i = 0; i < count; i++) {
    const at = new Date(until - i * 60_000);
    const _id = `dl-bulk-${building}-${i}`;
    docs.push({
      _id,
      sk: `${String(at.getTime()).padStart(14, '0')}~${_id}`,
      communityId: C,
      at,
      source: 'desk',
      action: 'logged',
      type: 'inquiry',
      category: '',
      building,
      unitId: null,
      department: 'desk',
      channel: 'phone',
      who: '住户',
      phone: '13912345678',
      text: `第 ${i} 条`,
      outcome: 'answered',
      staffId: 's-desk',
      staffName: '客服',
      ownerStaffId: 's-desk',
      ownerName: '客服',
      ticketId: null,
      ticketNo: '',
      open: false,
    });
  }
  lc.server.ctx.engine.insert('register_entries', docs);
}

beforeAll(async () => {
  process.env.LINLI_EXPORT_INLINE_ROWS = '1500';
  process.env.LINLI_EXPORT_MAX_ROWS = '6000';
  lc = await startLocal({ seed: true });
  await setClock('2027-06-10T02:00:00.000Z');
  seedEntries('9栋', 3500, Date.parse('2027-06-10T01:00:00.000Z'));
  seedEntries('8栋', 3000, Date.parse('2027-06-10T01:00:00.000Z'));
}, 60_000);
afterAll(async () => {
  delete process.env.LINLI_EXPORT_INLINE_ROWS;
  delete process.env.LINLI_EXPORT_MAX_ROWS;
  await lc.stop();
});

describe('large register exports continue in the background', () => {
  test('past the request’s rows the export becomes a job; the timer finishes it and tells its requester once; only they may fetch it, until it expires', async () => {
    const sup = await R('export', { kind: 'register', filters: { building: '9栋' } }, 'o-staff-sup');
    expect(sup.data).toMatchObject({ pending: true, rows: 3500 });
    expect(sup.data.url).toBeUndefined();
    const eng = await R('export', { kind: 'register', filters: { building: '9栋' } }, 'o-staff-eng1');
    expect(eng.data.pending).toBe(true);
    // Not ready yet: the requester hears so; anyone else is refused.
    expect((await R('download', { exportId: sup.data.exportId }, 'o-staff-sup')).data).toMatchObject({ pending: true });
    expect((await R('download', { exportId: sup.data.exportId }, 'o-staff-desk')).error.code).toBe('FORBIDDEN');
    const ready = () => lc.db.collection('messages').where({ kind: 'export-ready' }).get();
    expect((await ready()).data).toHaveLength(0);

    // Two overlapping timer runs: each export is built once, each requester told once.
    const runs = await Promise.all([timer(), timer()]);
    expect(runs.every((r: any) => r.ok)).toBe(true);
    expect(runs.reduce((s: number, r: any) => s + r.data.data.exports, 0)).toBe(2);
    await timer();
    const msgs = (await ready()).data as any[];
    expect(msgs.map((m) => m.openid).sort()).toEqual(['o-staff-eng1', 'o-staff-sup']);
    const mine = msgs.find((m) => m.openid === 'o-staff-sup');
    expect(mine.target).toEqual({ kind: 'export', id: sup.data.exportId });
    expect(mine.body).toContain('3500 条');
    expect((await lc.db.collection('register_export_parts').count()).total).toBe(0);

    // The link from the inbox: the file, every row once, in the register's order and numbering.
    const got = await R('download', { exportId: sup.data.exportId }, 'o-staff-sup');
    expect(got.ok).toBe(true);
    expect(got.data.rows).toBe(3500);
    const ws = await workbook(got.data.url);
    expect(ws.getCell('A1').value).toBe('客户沟通记录表');
    expect(ws.rowCount - 3).toBe(3500);
    const head = ws.getRow(3).values as any[];
    const [noCol, textCol, phoneCol] = ['序号', '沟通内容', '联系电话'].map((h) => head.indexOf(h));
    const texts = new Set<string>();
    for (let i = 4; i <= ws.rowCount; i++) {
      expect(ws.getRow(i).getCell(noCol).value).toBe(i - 3);
      texts.add(String(ws.getRow(i).getCell(textCol).value));
    }
    expect(texts.size).toBe(3500);
    expect(ws.getRow(4).getCell(textCol).value).toBe('第 0 条'); // newest first
    expect(String(ws.getRow(4).getCell(phoneCol).value)).toBe('13912345678');
    // The engineer's own file has the phones masked.
    const engFile = await workbook((await R('download', { exportId: eng.data.exportId }, 'o-staff-eng1')).data.url);
    expect(String(engFile.getRow(4).getCell(phoneCol).value)).toBe('139****5678');
    expect((await R('download', { exportId: sup.data.exportId }, 'o-staff-eng1')).error.code).toBe('FORBIDDEN');

    // An hour later the link and the file are gone.
    await advance(61 * 60_000);
    expect((await R('download', { exportId: sup.data.exportId }, 'o-staff-sup')).error.code).toBe('NOT_FOUND');
    await timer();
    expect((await fetch(got.data.url)).ok).toBe(false);
    expect((await lc.db.collection('register_exports').where({ _id: sup.data.exportId }).count()).total).toBe(0);
  }, 120_000);

  test('an export past the most rows one file holds is refused at once, with nothing kept', async () => {
    const before = (await lc.db.collection('register_exports').count()).total;
    const r = await R('export', { kind: 'register' }, 'o-staff-sup');
    expect(r.error).toMatchObject({ code: 'INVALID_INPUT', message: '导出超过 6000 条，请缩小日期范围后再导出' });
    expect((await lc.db.collection('register_exports').count()).total).toBe(before);
    expect((await lc.db.collection('register_export_parts').count()).total).toBe(0);
  });

  test('residents cannot export, nor fetch an export', async () => {
    expect((await R('export', { kind: 'register', filters: { building: '9栋' } }, 'o-resident-01')).error.code).toBe('FORBIDDEN');
    expect((await R('download', { exportId: 'ex-anything' }, 'o-resident-01')).error.code).toBe('FORBIDDEN');
  });
});

describe('structured outcomes', () => {
  const month = () => lc.db.collection('register_stats').doc(`${C}:M2027-07:community:all`).get();

  test('a callback and a rating store their outcome when written; the analysis counts the field, not the words', async () => {
    await setClock('2027-07-05T02:00:00.000Z');
    const created = await T(
      'create',
      {
        type: 'repair',
        category: 'plumbing_electric',
        description: '卫生间水管漏水',
        location: { kind: 'home', unitId: 'u-1-1-101' },
        contactPhone: '13900000001',
        subscribed: [],
        clientRequestId: rid(),
      },
      'o-resident-01',
    );
    const ticketId = created.data.ticketId;
    expect((await T('act', { action: 'grab', ticketId }, 'o-staff-eng1')).ok).toBe(true);
    expect((await T('act', { action: 'consent', ticketId, by: '业主本人', scope: '卫生间' }, 'o-staff-eng1')).ok).toBe(true);
    // This community completes repairs without a photo (the photo rule is tested in staff-search).
    expect((await T('setTicketSettings', { completionPhotoRequired: false }, 'o-staff-admin')).ok).toBe(true);
    expect((await T('act', { action: 'complete', ticketId, text: '已修好', photos: [] }, 'o-staff-eng1')).ok).toBe(true);
    expect((await T('act', { action: 'confirm', ticketId }, 'o-resident-01')).ok).toBe(true);
    expect((await T('act', { action: 'rate', ticketId, score: 3, comment: '上次给过 5 星' }, 'o-resident-01')).ok).toBe(true);
    await lc.dev('/api/dev/timers/callbacks', { method: 'POST' });
    // Callbacks go to the service desk by default.
    const cb = (await CB('list', { pageSize: 50 }, 'o-staff-desk')).data.items.find((c: any) => c.ticketId === ticketId);
    // Satisfied, though the resident's words contain 不满意: the words are not the outcome.
    const rec = await CB('record', { callbackId: cb.callbackId, reached: true, channel: 'phone', satisfied: true, comment: '之前有点不满意，现在好了' }, 'o-staff-desk');
    expect(rec.ok).toBe(true);

    const log = (await lc.db.collection('ticket_events').where({ ticketId }).get()).data as any[];
    expect(log.find((e) => e.action === 'callback').outcome).toEqual({ kind: 'callback', result: 'satisfied' });
    expect(log.find((e) => e.action === 'rate').outcome).toEqual({ kind: 'rating', stars: 3 });
    expect(
      log
        .filter((e) => e.outcome)
        .map((e) => e.action)
        .sort(),
    ).toEqual(['callback', 'rate']);

    await advance(5 * 60_000);
    expect((await system('project', { settleSeconds: 0 })).ok).toBe(true);
    const counts = (await month()).data[0].counts;
    expect(counts).toMatchObject({ 'callback.attempts': 1, 'callback.done': 1, 'callback.satisfied': 1, 'rating.n': 1, 'rating.sum': 3 });
    expect(counts['rating.good'] ?? 0).toBe(0);
    const entry = (await lc.db.collection('register_entries').where({ ticketId, source: 'callback' }).get()).data[0];
    expect(entry.outcome).toBe('satisfied');
  }, 60_000);

  test('npm run analysis:backfill stores the outcome on older entries (read once from their words) and the analysis then counts them', async () => {
    const t = (await lc.db.collection('tickets').where({ communityId: C }).orderBy('createdAt', 'desc').limit(1).get()).data[0] as any;
    const at = new Date('2027-07-05T02:01:00.000Z');
    const base = { ticketId: t._id, communityId: C, at, actor: { kind: 'staff', id: 's-eng1', name: '李强' }, channel: 'phone', visibility: 'public' };
    // Written before entries carried an outcome.
    lc.server.ctx.engine.insert('ticket_events', [
      { _id: 'legacy-cb-1', ...base, seq: 901, action: 'callback', text: '电话回访：不满意，还是漏水' },
      { _id: 'legacy-cb-2', ...base, seq: 902, action: 'callback', text: '电话回访未联系上（第 1 次）' },
      { _id: 'legacy-rate', ...base, seq: 903, action: 'rate', actor: { kind: 'resident', id: 'o-resident-01', name: '住户' }, text: '评价 5 星：很好' },
      { _id: 'legacy-rate-0', ...base, seq: 904, action: 'rate', actor: { kind: 'resident', id: 'o-resident-01', name: '住户' }, text: '评价' },
    ]);
    const r = await system('backfill');
    expect(r.ok).toBe(true);
    expect(r.data.outcomes).toBe(4);
    const stored = async (id: string) => (await lc.db.collection('ticket_events').doc(id).get()).data[0].outcome;
    expect(await stored('legacy-cb-1')).toEqual({ kind: 'callback', result: 'unsatisfied' });
    expect(await stored('legacy-cb-2')).toEqual({ kind: 'callback', result: 'unreachable' });
    expect(await stored('legacy-rate')).toEqual({ kind: 'rating', stars: 5 });
    expect(await stored('legacy-rate-0')).toBeNull();
    const counts = (await month()).data[0].counts;
    expect(counts).toMatchObject({ 'callback.attempts': 3, 'callback.done': 2, 'callback.satisfied': 1, 'rating.n': 2, 'rating.sum': 8, 'rating.good': 1 });
    // A second backfill finds nothing left to read.
    expect((await system('backfill')).data.outcomes).toBe(0);
    expect((await month()).data[0].counts).toEqual(counts);
  }, 60_000);
});
