// Issue §3: cloud storage (upload, signed temporary URLs, delete) and the outbox of WeChat
// open-API calls, through the real SDK.
import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';

let lc: LocalCloudBase;
beforeAll(async () => {
  // No fixture functions: moving the clock here should not fire the heartbeat fixture's timer.
  lc = await startLocal({ extraFunctionsDirs: [] });
});
afterAll(async () => {
  await lc.dev('/api/dev/clock', { body: { reset: true } });
  await lc.stop();
});

const tempUrl = async (fileID: string, maxAge?: number) => {
  const res: any = await lc.app.getTempFileURL({ fileList: [maxAge === undefined ? fileID : { fileID, maxAge }] });
  return res.fileList[0];
};

describe('storage', () => {
  const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255, ...Buffer.from('图片 bytes')]);
  let fileID = '';

  test('uploadFile → a cloud:// fileID', async () => {
    const res: any = await lc.app.uploadFile({ cloudPath: 'repairs/r1/photo one.png', fileContent: bytes });
    fileID = res.fileID;
    expect(fileID).toMatch(/^cloud:\/\/linli-test\.[^/]+\/repairs\/r1\/photo one\.png$/);
  });

  test('getTempFileURL → a URL that downloads the same bytes', async () => {
    const item = await tempUrl(fileID);
    expect(item.code).toBe('SUCCESS');
    expect(item.fileID).toBe(fileID);
    const res = await fetch(item.tempFileURL);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  });

  test('a tampered signature → 403', async () => {
    const { tempFileURL: url } = await tempUrl(fileID);
    const u = new URL(url);
    const sign = u.searchParams.get('sign')!;
    u.searchParams.set('sign', (sign[0] === 'a' ? 'b' : 'a') + sign.slice(1));
    expect((await fetch(u)).status).toBe(403);
    // Pushing the expiry out invalidates the signature too.
    const v = new URL(url);
    v.searchParams.set('expires', String(Number(v.searchParams.get('expires')) + 3600));
    expect((await fetch(v)).status).toBe(403);
    // A signature for one file does not open another: another file's opaque name with this
    // URL's expiry and signature is refused.
    const other: any = await lc.app.uploadFile({ cloudPath: 'repairs/r1/other.png', fileContent: Buffer.from('other') });
    const { tempFileURL: otherUrl } = await tempUrl(other.fileID);
    const w = new URL(url);
    w.pathname = new URL(otherUrl).pathname;
    expect((await fetch(w)).status).toBe(403);
    // The URL names the file only through an opaque token: no path in it.
    expect(url).not.toMatch(/repairs|photo/);
    // The untouched URL still works.
    expect((await fetch(url)).status).toBe(200);
  });

  test('an expired URL (clock moved past maxAge) → 403', async () => {
    const { tempFileURL: url } = await tempUrl(fileID, 60);
    expect((await fetch(url)).status).toBe(200);
    await lc.dev('/api/dev/clock', { body: { advanceMs: 61_000 } });
    try {
      const res = await fetch(url);
      expect(res.status).toBe(403);
      const body = (await res.json()) as any;
      expect(body.error.code).toBe('FORBIDDEN');
    } finally {
      await lc.dev('/api/dev/clock', { body: { reset: true } });
    }
  });

  test('deleteFile → SUCCESS, then the download list says STORAGE_FILE_NONEXIST', async () => {
    const { tempFileURL: url } = await tempUrl(fileID);
    const del: any = await lc.app.deleteFile({ fileList: [fileID] });
    expect(del.fileList).toEqual([{ fileid: fileID, code: 'SUCCESS' }]);
    const after = await tempUrl(fileID);
    expect(after.code).toBe('STORAGE_FILE_NONEXIST');
    expect(after.tempFileURL).toBe('');
    // A URL signed before the delete now finds nothing.
    expect((await fetch(url)).status).toBe(404);
    // Deleting again reports the file missing.
    const again: any = await lc.app.deleteFile({ fileList: [fileID] });
    expect(again.fileList[0].code).toBe('STORAGE_FILE_NONEXIST');
  });

  test('file ids of another environment and paths escaping the store are refused', async () => {
    const foreign = await tempUrl('cloud://other-env.1234-other-env/repairs/r1/photo one.png');
    expect(foreign.code).toBe('STORAGE_FILE_NONEXIST');
    const sneaky = await tempUrl(fileID.replace('repairs/r1/photo one.png', '../../db.sqlite'));
    expect(sneaky.code).toBe('STORAGE_FILE_NONEXIST');
    const put = await fetch(`${lc.url}/cos/${encodeURIComponent('../../evil.txt')}`, { method: 'PUT', body: 'x' });
    expect(put.status).toBe(400);
  });
});

describe('outbox', () => {
  const send = (touser: string, value: string) =>
    lc.app.callWxOpenApi({
      apiName: '/cgi-bin/message/subscribe/send',
      requestData: { touser, template_id: 'TPL_REPAIR_DONE', page: 'pages/index/index', data: { thing1: { value } } },
    }) as Promise<any>;

  test('a subscribe message appears in GET /api/dev/outbox, newest first, filterable by touser', async () => {
    const r1 = await send('o-alice', 'first');
    const r2 = await send('o-bob', 'second');
    const r3 = await send('o-alice', 'third');
    for (const r of [r1, r2, r3]) expect(r.result).toMatchObject({ errcode: 0, errmsg: 'ok' });

    const all = await lc.dev('/api/dev/outbox');
    expect(all.ok).toBe(true);
    expect(all.data.map((m: any) => m.data.thing1.value)).toEqual(['third', 'second', 'first']);
    expect(all.data[0]).toMatchObject({
      api: 'subscribeMessage.send',
      touser: 'o-alice',
      templateId: 'TPL_REPAIR_DONE',
      page: 'pages/index/index',
      data: { thing1: { value: 'third' } },
      errcode: 0,
    });

    const alice = await lc.dev('/api/dev/outbox?touser=o-alice');
    expect(alice.data.map((m: any) => m.data.thing1.value)).toEqual(['third', 'first']);
    const nobody = await lc.dev('/api/dev/outbox?touser=o-nobody');
    expect(nobody.data).toEqual([]);
    const one = await lc.dev('/api/dev/outbox?limit=1');
    expect(one.data).toHaveLength(1);
  });

  test('a subscribe message missing its template is rejected and not recorded', async () => {
    const before = (await lc.dev('/api/dev/outbox')).data.length;
    const r: any = await lc.app.callWxOpenApi({ apiName: '/cgi-bin/message/subscribe/send', requestData: { touser: 'o-alice', data: {} } });
    expect(r.result.errcode).toBe(47003);
    expect((await lc.dev('/api/dev/outbox')).data.length).toBe(before);
  });

  test("msg_sec_check flags '赌博' as risky and passes ordinary text", async () => {
    const risky: any = await lc.app.callWxOpenApi({ apiName: '/wxa/msg_sec_check', requestData: { content: '楼下有人聚众赌博', version: 2, scene: 2, openid: 'o-alice' } });
    expect(risky.result.errcode).toBe(0);
    expect(risky.result.result.suggest).toBe('risky');
    const fine: any = await lc.app.callWxOpenApi({ apiName: '/wxa/msg_sec_check', requestData: { content: '3 栋电梯异响', version: 2, scene: 2, openid: 'o-alice' } });
    expect(fine.result.result.suggest).toBe('pass');
  });
});
