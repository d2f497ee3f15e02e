import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';
import { uploadAs } from '../helpers/uploads';

// Report validity is one rule (src/domain/tickets/report.ts) used by the client form and by
// tickets.create: a report needs a description, a photo or a video; an emergency needs none.
let lc: LocalCloudBase;
const rid = () => `req-${Math.random().toString(36).slice(2, 12)}`;
const T = (action: string, data: unknown, openid: string) => lc.call('tickets', action, data, openid);
const report = (extra: Record<string, unknown> = {}) => ({
  type: 'repair',
  category: 'wall_leak',
  description: '',
  photos: [],
  location: { kind: 'home', unitId: 'u-1-1-101' },
  contactPhone: '13900000001',
  clientRequestId: rid(),
  ...extra,
});
/** Uploads as the client does: a server-issued slot, then the bytes with its authorization. */
const upload = (body: Buffer, type: string, openid = 'o-resident-01') => uploadAs(lc, openid, { body, contentType: type });
/** The first bytes of an MP4 (`ftyp` box). */
const MP4 = Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex');

beforeAll(async () => {
  lc = await startLocal({ seed: true });
});
afterAll(() => lc.stop());

test('a video-only, non-emergency report is accepted and carries its video', async () => {
  const video = await upload(MP4, 'video/mp4');
  const before = (await lc.db.collection('tickets').count()).total;
  const r = await T('create', report({ video }), 'o-resident-01');
  expect(r).toMatchObject({ ok: true, data: { created: true } });
  const d = (await T('get', { ticketId: r.data.ticketId }, 'o-resident-01')).data;
  expect(d).toMatchObject({ emergency: false, categoryLabel: '墙面渗漏', description: '', photoUrls: [] });
  expect(d.videoUrl).toEqual(expect.any(String));
  expect((await lc.db.collection('tickets').count()).total).toBe(before + 1);
});

test('a non-emergency report with nothing at all is still refused, with the words the form uses', async () => {
  const before = (await lc.db.collection('tickets').count()).total;
  const r = await T('create', report(), 'o-resident-01');
  expect(r).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '请描述问题或上传图片、视频' } });
  expect((await lc.db.collection('tickets').count()).total).toBe(before);
});

test('a description alone, a photo alone, or an emergency with nothing are accepted', async () => {
  const photo = await upload(Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'), 'image/png');
  for (const extra of [{ description: '墙角渗水' }, { photos: [photo] }, { category: 'severe_leak' }]) {
    const r = await T('create', report(extra), 'o-resident-01');
    expect(r.ok).toBe(true);
  }
});
