// Issue 9 (items 2, 3, 5, 6 and 7's PUT /cos): each attack on the local CloudBase, performed
// through the real SDK or raw HTTP, now fails cleanly, and the legitimate use still works.
import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '../../emulator/credentials';
import { ROOT, startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';
import { signedAdminHeaders } from '../helpers/sign';
import { uploadAs } from '../helpers/uploads';

let lc: LocalCloudBase;
const h5Dir = mkdtempSync(join(tmpdir(), 'linli-h5-'));
beforeAll(async () => {
  writeFileSync(join(h5Dir, 'index.html'), '<!doctype html><title>app</title>');
  lc = await startLocal({ seed: true, extraFunctionsDirs: [], h5Dir });
  await lc.db.createCollection('sec_things');
});
afterAll(async () => {
  await lc.stop();
  rmSync(h5Dir, { recursive: true, force: true });
});

const things = () => lc.server.ctx.engine.count('sec_things', {});
const insertBody = (doc: Record<string, unknown>) => ({
  action: 'database.insertDocument',
  collectionName: 'sec_things',
  data: [JSON.stringify(doc)],
  envName: 'linli-test',
});

/** A raw request with any headers (Host included, which fetch does not let us set). */
function rawHttp(method: string, path: string, headers: Record<string, string>, body?: string | Buffer): Promise<{ status: number; headers: Record<string, any>; text: string }> {
  const u = new URL(lc.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: u.hostname, port: u.port, method, path, headers: { ...headers, ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A signed /admin request with a hand-made body (what the SDK would send, or worse). */
async function signedAdmin(body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  const url = `${lc.url}/admin?env=linli-test`;
  const res = await fetch(url, { method: 'POST', headers: { ...signedAdminHeaders(url, text), ...headers }, body: text });
  return { status: res.status, text: await res.text() };
}

async function rejection(p: Promise<unknown>): Promise<any> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to reject');
}

describe('item 2: /admin checks the SDK signature', () => {
  test('the SDK with the configured key pair works; the server hands functions the same pair', async () => {
    expect(lc.server.credentials).toEqual({ secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY });
    const { id } = (await lc.db.collection('sec_things').add({ n: 1 })) as any;
    expect((await lc.db.collection('sec_things').doc(id).get()).data).toEqual([{ _id: id, n: 1 }]);
    // A function's own SDK (inside the bundle) reaches /admin: whoami reads the database.
    const who = await lc.call('ping', 'whoami', {}, 'o-resident-01');
    expect(who.ok).toBe(true);
    expect(who.data.homes.length).toBeGreaterThan(0);
    // And a function called through the SDK.
    const viaSdk = (await lc.app.callFunction({ name: 'ping', data: { action: 'whoami' } })) as any;
    expect(viaSdk.result.ok).toBe(true);
  });

  test.each([
    ['a wrong SecretKey', { secretId: DEFAULT_SECRET_ID, secretKey: 'guessed-key' }],
    ['a wrong SecretId', { secretId: 'AKIDsomeoneelse', secretKey: DEFAULT_SECRET_KEY }],
    ["last year's default pair", { secretId: 'local', secretKey: 'local' }],
  ])('the SDK with %s: refused, the SDK throws a TcbError, nothing written', async (_label, creds) => {
    const before = things();
    const stranger = tcb.init({ env: 'linli-test', ...creds, serviceUrl: `${lc.url}/admin`, timeout: 30000 } as any);
    const add = await rejection(stranger.database().collection('sec_things').add({ stranger: true }));
    expect(add.code).toBe('SIGN_PARAM_INVALID');
    expect(typeof add.message).toBe('string');
    const read = await rejection(stranger.database().collection('units').get());
    expect(read.code).toBe('SIGN_PARAM_INVALID');
    const timer = await rejection(stranger.callFunction({ name: 'tickets', data: { action: 'sweep' } }));
    expect(timer.code).toBe('SIGN_PARAM_INVALID');
    expect(things()).toBe(before);
  });

  test('an unsigned request (no Authorization) is refused with CloudBase’s {code, message}', async () => {
    const before = things();
    const res = await fetch(`${lc.url}/admin?env=linli-test`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(insertBody({ unsigned: true })),
    });
    const body = (await res.json()) as any;
    expect(body).toEqual({ code: 'SIGN_PARAM_INVALID', message: expect.stringMatching(/Authorization/), requestId: expect.any(String) });
    // The owner registry is not readable either.
    const read = await fetch(`${lc.url}/admin?env=linli-test`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'database.getDocument', collectionName: 'units', query: '{}', envName: 'linli-test' }),
    });
    const readBody = (await read.json()) as any;
    expect(readBody.code).toBe('SIGN_PARAM_INVALID');
    expect(readBody.data).toBeUndefined();
    expect(things()).toBe(before);
  });

  test('a signed request whose body was changed, or that has an extra parameter, is refused', async () => {
    const before = things();
    const url = `${lc.url}/admin?env=linli-test`;
    const signedText = JSON.stringify(insertBody({ ok: true }));
    const headers = signedAdminHeaders(url, signedText);
    const changed = JSON.stringify(insertBody({ ok: false, admin: true }));
    const r1 = await fetch(url, { method: 'POST', headers, body: changed });
    expect(((await r1.json()) as any).code).toBe('SIGN_PARAM_INVALID');
    const extra = JSON.stringify({ ...insertBody({ ok: true }), transactionId: 'tx-x' });
    const r2 = await fetch(url, { method: 'POST', headers, body: extra });
    expect(((await r2.json()) as any).code).toBe('SIGN_PARAM_INVALID');
    // Sent to another query string (env) than signed.
    const r3 = await fetch(`${lc.url}/admin?env=other`, { method: 'POST', headers, body: signedText });
    expect(((await r3.json()) as any).code).toBe('SIGN_PARAM_INVALID');
    expect(things()).toBe(before);
    // The untouched request goes through.
    const ok = await fetch(url, { method: 'POST', headers, body: signedText });
    expect(((await ok.json()) as any).data.insertedIds).toHaveLength(1);
    expect(things()).toBe(before + 1);
  });

  test('a signature older than 10 minutes is refused', async () => {
    const url = `${lc.url}/admin?env=linli-test`;
    const text = JSON.stringify(insertBody({ old: true }));
    const before = things();
    const res = await fetch(url, { method: 'POST', headers: signedAdminHeaders(url, text, undefined, Math.floor(Date.now() / 1000) - 700), body: text });
    expect((await res.json()) as any).toMatchObject({ code: 'SIGN_PARAM_INVALID', message: 'signature expired' });
    expect(things()).toBe(before);
  });
});

describe('item 2: cross-site and DNS-rebinding requests', () => {
  test.each([
    ['text/plain', 'text/plain'],
    ['text/plain with a JSON-looking parameter', 'text/plain; charset=application/json'],
    ['a form', 'application/x-www-form-urlencoded'],
  ])('/admin refuses a %s body even when signed; nothing written', async (_label, type) => {
    const before = things();
    const res = await signedAdmin(insertBody({ csrf: true }), { 'content-type': type });
    expect(JSON.parse(res.text)).toMatchObject({ code: 'INVALID_PARAM', message: expect.stringMatching(/content-type/) });
    expect(things()).toBe(before);
  });

  test('the gateway and the JSON dev routes refuse a text/plain body (415)', async () => {
    const gw = await fetch(`${lc.url}/api/functions/ping`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-wx-openid': 'o-resident-01' },
      body: '{"action":"whoami"}',
    });
    expect(gw.status).toBe(415);
    expect(((await gw.json()) as any).error.code).toBe('INVALID_INPUT');
    const before = lc.server.ctx.clock.state().offsetMs;
    const clock = await fetch(`${lc.url}/api/dev/clock`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"advanceMs":86400000}' });
    expect(clock.status).toBe(415);
    expect(lc.server.ctx.clock.state().offsetMs).toBe(before);
  });

  test.each(['evil.example', 'evil.example:0', '127.0.0.1.nip.io', 'localhost.evil.example'])('Host %s (DNS rebinding) → 403 on every route', async (name) => {
    const port = new URL(lc.url).port;
    const host = name.endsWith(':0') ? name.replace(':0', `:${port}`) : `${name}:${port}`;
    const before = things();
    const admin = await rawHttp(
      'POST',
      '/admin?env=linli-test',
      { ...signedAdminHeaders(`http://${host}/admin?env=linli-test`, JSON.stringify(insertBody({ rebound: true }))), host },
      JSON.stringify(insertBody({ rebound: true })),
    );
    expect(admin.status).toBe(403);
    expect(JSON.parse(admin.text)).toMatchObject({ code: 'PERMISSION_DENIED' });
    for (const path of ['/api/dev/personas', '/api/dev/outbox', '/']) {
      const get = await rawHttp('GET', path, { host });
      expect(get.status).toBe(403);
      expect(JSON.parse(get.text).error.code).toBe('FORBIDDEN');
    }
    const gw = await rawHttp('POST', '/api/functions/ping', { host, 'content-type': 'application/json', 'x-wx-openid': 'o-resident-01' }, '{"action":"whoami"}');
    expect(gw.status).toBe(403);
    expect(things()).toBe(before);
  });

  test('the server answers its own names: 127.0.0.1, localhost, [::1]', async () => {
    const port = new URL(lc.url).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      const res = await rawHttp('GET', '/api/dev/health', { host });
      expect(res.status).toBe(200);
    }
  });

  test.each(['http://evil.example', 'http://127.0.0.1:1', 'null', 'https://127.0.0.1'])('Origin %s → 403 on /admin, the gateway, uploads and dev routes', async (origin) => {
    const before = things();
    const admin = await signedAdmin(insertBody({ crossSite: true }), { origin });
    expect(admin.status).toBe(403);
    const gw = await fetch(`${lc.url}/api/functions/ping`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': 'o-resident-01', origin },
      body: '{"action":"whoami"}',
    });
    expect(gw.status).toBe(403);
    const up = await fetch(`${lc.url}/cos/uploads/x.png`, { method: 'PUT', headers: { 'content-type': 'image/png', origin }, body: Buffer.from('png') });
    expect(up.status).toBe(403);
    const timer = await fetch(`${lc.url}/api/dev/timers/tickets`, { method: 'POST', headers: { origin } });
    expect(timer.status).toBe(403);
    expect(things()).toBe(before);
  });

  test("the app's own origin is served", async () => {
    const gw = await fetch(`${lc.url}/api/functions/ping`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': 'o-resident-01', origin: lc.url },
      body: '{"action":"whoami"}',
    });
    expect(gw.status).toBe(200);
    expect(((await gw.json()) as any).data.openid).toBe('o-resident-01');
  });
});

describe('item 2 and 7: PUT /cos needs the upload authorization for exactly that path', () => {
  const metadata = async (cloudPath: string) => {
    const text = JSON.stringify({ action: 'storage.getUploadMetadata', path: cloudPath, method: 'put', envName: 'linli-test' });
    const res = await signedAdmin(JSON.parse(text));
    return JSON.parse(res.text).data as { url: string; token: string; authorization: string; cosFileId: string };
  };
  const put = (url: string, body: string | Buffer, headers: Record<string, string> = {}) => fetch(url, { method: 'PUT', headers, body: body as any });
  const authHeaders = (m: { token: string; authorization: string; cosFileId: string }) => ({
    authorization: m.authorization,
    'x-cos-security-token': m.token,
    'x-cos-meta-fileid': m.cosFileId,
  });

  test("a resident's photo cannot be overwritten: no, a forged, or another path's authorization → 403; the bytes stay", async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const fileID = await uploadAs(lc, 'o-resident-01', { body: png });
    const path = lc.server.ctx.storage.pathOf(fileID)!;
    const target = `${lc.url}/cos/${encodeURIComponent(path)}`;

    const none = await put(target, 'overwritten');
    expect(none.status).toBe(403);
    expect(await none.text()).toMatch(/<Code>AccessDenied<\/Code>/);

    const mine = await metadata('uploads/attacker.png');
    const otherPath = await put(target, 'overwritten', authHeaders(mine));
    expect(otherPath.status).toBe(403);

    const forged = { ...authHeaders(mine), authorization: mine.authorization.replace(/q-signature=./, (s) => s.slice(0, -1) + (s.endsWith('0') ? '1' : '0')) };
    expect((await put(mine.url, 'x', forged)).status).toBe(403);
    // Stretching the expiry of a real authorization breaks its signature.
    const stretched = { ...authHeaders(mine), authorization: mine.authorization.replace(/;(\d+)&/, (_m, e) => `;${Number(e) + 86400 * 3650}&`) };
    expect((await put(mine.url, 'x', stretched)).status).toBe(403);
    // A token from one issue with the authorization of another.
    const second = await metadata('uploads/attacker.png');
    expect((await put(mine.url, 'x', { ...authHeaders(mine), 'x-cos-security-token': second.token })).status).toBe(403);

    expect(lc.server.ctx.storage.read(path)!.equals(png)).toBe(true);
    expect(lc.server.ctx.storage.exists('uploads/attacker.png')).toBe(false);
    // The right authorization for its own path works.
    expect((await put(mine.url, 'mine', authHeaders(mine))).status).toBe(200);
    expect(lc.server.ctx.storage.read('uploads/attacker.png')!.toString()).toBe('mine');
  });

  test('an authorization expires after 10 minutes (emulator clock)', async () => {
    const m = await metadata('uploads/late.png');
    await lc.dev('/api/dev/clock', { body: { advanceMs: 11 * 60_000 } });
    try {
      expect((await put(m.url, 'late', authHeaders(m))).status).toBe(403);
    } finally {
      await lc.dev('/api/dev/clock', { body: { reset: true } });
    }
    expect(lc.server.ctx.storage.exists('uploads/late.png')).toBe(false);
  });

  test("the SDK's uploadFile works, and an SDK with the wrong key cannot get an authorization", async () => {
    const res = (await lc.app.uploadFile({ cloudPath: 'sec/ok.png', fileContent: Buffer.from('ok') })) as any;
    expect(res.fileID).toMatch(/sec\/ok\.png$/);
    const stranger = tcb.init({ env: 'linli-test', secretId: DEFAULT_SECRET_ID, secretKey: 'nope', serviceUrl: `${lc.url}/admin` } as any);
    const e = await rejection(stranger.uploadFile({ cloudPath: 'sec/evil.png', fileContent: Buffer.from('evil') }));
    expect(e.code).toBe('SIGN_PARAM_INVALID');
    expect(lc.server.ctx.storage.exists('sec/evil.png')).toBe(false);
  });

  test.each([
    ['broken percent-encoding', '%E0%A4%A'],
    ['a NUL byte', 'a%00b.png'],
    ['a control character', 'a%0Ab.png'],
    ['a trailing slash (a folder)', 'uploads%2F'],
    ['only a dot', '.'],
    ['a parent segment', '..%2Fx.png'],
    ['a backslash', 'a%5C..%5Cx.png'],
    ['a 300-byte segment', 'x'.repeat(300)],
    ['a 2000-character key', 'a%2F'.repeat(500) + 'x'],
    ['nothing', ''],
  ])('odd name on PUT /cos: %s → a clean 4xx in COS XML, never 500', async (_label, key) => {
    const res = await put(`${lc.url}/cos/${key}`, 'x');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(await res.text()).toMatch(/<Error><Code>\w+<\/Code>/);
  });

  test('odd names the SDK asks metadata for are refused with INVALID_PARAM; a key that collides with a folder → 409', async () => {
    for (const bad of ['', 'a/', '../x', 'a\u0000b', 'x'.repeat(300)]) {
      const e = await rejection(lc.app.uploadFile({ cloudPath: bad, fileContent: Buffer.from('x') }));
      expect(e.code).toBe('INVALID_PARAM');
    }
    await lc.app.uploadFile({ cloudPath: 'sec/folder/inner.png', fileContent: Buffer.from('x') });
    const m = await metadata('sec/folder');
    const res = await put(m.url, 'x', authHeaders(m));
    expect(res.status).toBe(409);
    const m2 = await metadata('sec/ok.png/below.png');
    expect((await put(m2.url, 'x', authHeaders(m2))).status).toBe(409);
    // A folder is not a file: no download URL, no delete.
    const id = lc.server.ctx.storage.fileId('sec/folder');
    expect(((await lc.app.getTempFileURL({ fileList: [id] })) as any).fileList[0].code).toBe('STORAGE_FILE_NONEXIST');
    expect(((await lc.app.deleteFile({ fileList: [id] })) as any).fileList[0].code).toBe('STORAGE_FILE_NONEXIST');
  });

  test('odd paths elsewhere: static files and download URLs → 4xx', async () => {
    expect((await fetch(`${lc.url}/%E0%A4%A`)).status).toBe(400);
    expect((await fetch(`${lc.url}/a%00b`)).status).toBe(400);
    expect((await fetch(`${lc.url}/some/page`)).status).toBe(200); // the app's routes still fall back to index.html
    expect((await fetch(`${lc.url}/files/not-a-token?expires=9999999999&sign=00`)).status).toBe(403);
    expect((await fetch(`${lc.url}/files/%E0%A4%A?expires=1&sign=x`)).status).toBe(403);
  });
});

describe('item 3: temporary URLs and served content types', () => {
  const upload = async (cloudPath: string, content: string | Buffer) =>
    ((await lc.app.uploadFile({ cloudPath, fileContent: Buffer.from(content as any) })) as any).fileID as string;
  const urlOf = async (fileID: string) => ((await lc.app.getTempFileURL({ fileList: [fileID] })) as any).fileList[0].tempFileURL as string;

  test("a temporary URL of a resident's upload carries no openid (nor any part of the path)", async () => {
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    const url = await urlOf(await uploadAs(lc, 'o-resident-01', { body: png }));
    expect(url).not.toContain('o-resident-01');
    expect(url).not.toContain('uploads');
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);
  });

  test.each([
    ['page.html', '<script>alert(document.cookie)</script>'],
    ['icon.svg', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'],
    ['page.htm', '<script>1</script>'],
    ['notes.txt', 'hello'],
    ['data.json', '{"a":1}'],
    ['script.js', 'alert(1)'],
    ['noext', '<html></html>'],
    ['xss.xml', '<x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>'],
  ])('%s is served as an attachment of type application/octet-stream, never sniffed', async (name, content) => {
    const res = await fetch(await urlOf(await upload(`sec/served/${name}`, content)));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toMatch(/sandbox/);
    expect(await res.text()).toBe(content);
  });

  test.each([
    ['photo.jpg', 'image/jpeg'],
    ['photo.JPEG', 'image/jpeg'],
    ['photo.png', 'image/png'],
    ['photo.webp', 'image/webp'],
    ['anim.gif', 'image/gif'],
    ['clip.mp4', 'video/mp4'],
    ['plan.pdf', 'application/pdf'],
  ])('%s is served inline as %s, with nosniff', async (name, type) => {
    const res = await fetch(await urlOf(await upload(`sec/media/${name}`, 'bytes')));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('content-disposition')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('item 5: deep JSON is refused before dispatch, and instances are always released', () => {
  const deep = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
  const pingStats = () => lc.server.ctx.runner.stats('ping');

  test('16 requests nested 100,000 levels deep (gateway and /admin) are refused; the next call is served and the pool is free', async () => {
    // A warm instance first, so "free" means an idle instance is there to take the call.
    expect((await lc.call('ping', 'echo', { text: 'warm' })).ok).toBe(true);
    const attempts = Array.from({ length: 16 }, (_x, i) =>
      i % 2 === 0
        ? fetch(`${lc.url}/api/functions/ping`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-wx-openid': 'o-resident-01' },
            body: `{"action":"echo","data":${deep(100_000)}}`,
          }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }))
        : signedAdmin({ action: 'functions.invokeFunction', function_name: 'ping', request_data: `{"action":"echo","data":${deep(100_000)}}`, envName: 'linli-test' }).then(
            (r) => ({ status: r.status, body: JSON.parse(r.text) }),
          ),
    );
    const results = await Promise.all(attempts);
    results.forEach((r, i) => {
      if (i % 2 === 0) {
        expect(r.status).toBe(400);
        expect(r.body.error).toEqual({ code: 'INVALID_INPUT', message: expect.stringMatching(/64/) });
      } else {
        expect(r.body).toMatchObject({ code: 'INVALID_PARAM', message: expect.stringMatching(/nested deeper than 64/) });
      }
    });
    expect(pingStats()).toMatchObject({ busy: 0, waiting: 0 });
    const next = await lc.call('ping', 'echo', { text: '你好' });
    expect(next).toEqual({ ok: true, data: { text: '你好' } });
    expect(pingStats()).toMatchObject({ busy: 0, waiting: 0 });
  });

  test('a deep /admin body and a deep EJSON query are refused with INVALID_PARAM', async () => {
    const url = `${lc.url}/admin?env=linli-test`;
    const body = `{"action":"database.getDocument","collectionName":"sec_things","x":${deep(10_000)}}`;
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect((await res.json()) as any).toMatchObject({ code: 'INVALID_PARAM', message: expect.stringMatching(/nested deeper than 64/) });
    const q = await signedAdmin({ action: 'database.getDocument', collectionName: 'sec_things', query: deep(10_000), envName: 'linli-test' });
    expect(JSON.parse(q.text)).toMatchObject({ code: 'INVALID_PARAM', message: expect.stringMatching(/query is nested deeper than 64/) });
    // 64 levels is fine.
    const ok = await lc.call('ping', 'echo', { text: 'ok' });
    expect(ok.ok).toBe(true);
  });

  test('an event the runner cannot deliver (postMessage throws) fails at once and frees its instance, 16 times over', async () => {
    const { runner } = lc.server.ctx;
    const outcomes = await Promise.all(Array.from({ length: 16 }, () => runner.invoke('ping', { action: 'echo', data: { fn: () => 1 } }, { openid: 'o-resident-01' })));
    for (const o of outcomes) expect(o).toMatchObject({ ok: false, code: 'INVALID_PARAM' });
    expect(pingStats()).toMatchObject({ busy: 0, waiting: 0 });
    // A deep object handed to the runner directly is refused before an instance is taken.
    let v: any = 1;
    for (let i = 0; i < 100_000; i++) v = { a: v };
    expect(await runner.invoke('ping', { action: 'echo', data: v }, { openid: 'o-resident-01' })).toMatchObject({ ok: false, code: 'INVALID_PARAM' });
    expect(pingStats()).toMatchObject({ busy: 0, waiting: 0 });
    const next = await runner.invoke('ping', { action: 'echo', data: { text: 'after' } }, { openid: 'o-resident-01' });
    expect(next).toMatchObject({ ok: true, result: { ok: true, data: { text: 'after' } } });
    expect(pingStats()).toMatchObject({ busy: 0, waiting: 0 });
  });
});

describe('item 6: /admin dispatches only its own listed actions and serialises nothing internal', () => {
  test.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf'])(
    '{"action":"%s"} → INVALID_ACTION, a reply of code, message and requestId only',
    async (action) => {
      const res = await signedAdmin({ action, envName: 'linli-test' });
      const body = JSON.parse(res.text);
      expect(Object.keys(body).sort()).toEqual(['code', 'message', 'requestId']);
      expect(body.code).toBe('INVALID_ACTION');
      expect(res.text).not.toContain(DEFAULT_SECRET_KEY);
      expect(res.text).not.toMatch(/engine|storage|runner|outbox|secret/i);
    },
  );

  test('the storage keys are not reachable by serialising the server state', () => {
    const text = JSON.stringify(lc.server.ctx.storage);
    expect(Object.keys(JSON.parse(text)).sort()).toEqual(['bucket', 'env', 'root']);
    // And a URL cannot be forged without them: a far expiry with a real signature is refused.
  });

  test('a temporary URL cannot be stretched to 10 years', async () => {
    const fileID = ((await lc.app.uploadFile({ cloudPath: 'sec/forever.png', fileContent: Buffer.from('x') })) as any).fileID;
    const url = new URL(((await lc.app.getTempFileURL({ fileList: [fileID] })) as any).fileList[0].tempFileURL);
    expect((await fetch(url)).status).toBe(200);
    url.searchParams.set('expires', String(Math.floor(Date.now() / 1000) + 10 * 365 * 86400));
    expect((await fetch(url)).status).toBe(403);
  });
});

describe('LINLI_MODE=production', () => {
  function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
      const s = createServer();
      s.once('error', reject);
      s.listen(0, '127.0.0.1', () => {
        const { port } = s.address() as { port: number };
        s.close(() => resolve(port));
      });
    });
  }

  function run(env: Record<string, string>): Promise<{ out: string; url?: string; stop: () => Promise<void> }> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/main.ts'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    };
    return new Promise((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`no answer from main.ts:\n${out}`)), 30_000);
      const onData = (d: Buffer) => {
        out += d;
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m && /SecretId/.test(out)) {
          clearTimeout(timer);
          resolve({ out, url: m[1], stop });
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (d) => (out += d));
      child.once('exit', () => {
        clearTimeout(timer);
        resolve({ out, stop });
      });
    });
  }

  test('refuses the documented default key pair, and with a pair of its own seeds nothing and serves no gateway', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'linli-prod-'));
    try {
      const port = String(await freePort());
      const base = { PORT: port, HOST: '127.0.0.1', LINLI_DATA_DIR: dataDir, LINLI_MODE: 'production', TCB_ENV: 'linli-test' };
      const refused = await run({ ...base, TENCENTCLOUD_SECRETID: DEFAULT_SECRET_ID, TENCENTCLOUD_SECRETKEY: DEFAULT_SECRET_KEY });
      expect(refused.url).toBeUndefined();
      expect(refused.out).toMatch(/TENCENTCLOUD_SECRETID/);

      const creds = { secretId: 'AKIDprodtest', secretKey: 'prod-test-key-4b9e' };
      const s = await run({ ...base, TENCENTCLOUD_SECRETID: creds.secretId, TENCENTCLOUD_SECRETKEY: creds.secretKey });
      try {
        expect(s.url).toBeDefined();
        expect(s.out).not.toContain(creds.secretKey);
        const app = tcb.init({ env: 'linli-test', ...creds, serviceUrl: `${s.url}/admin`, timeout: 30000 } as any);
        // No demo data: the declared collections exist and are empty.
        for (const name of ['communities', 'units', 'memberships', 'staff', 'tickets']) expect(((await app.database().collection(name).count()) as any).total).toBe(0);
        expect((await fetch(`${s.url}/api/dev/personas`)).status).toBe(404);
        expect((await fetch(`${s.url}/api/functions/ping`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-wx-openid': 'o-x' }, body: '{}' })).status).toBe(
          404,
        );
        // The local defaults do not open it.
        const local = tcb.init({ env: 'linli-test', secretId: DEFAULT_SECRET_ID, secretKey: DEFAULT_SECRET_KEY, serviceUrl: `${s.url}/admin`, timeout: 30000 } as any);
        expect((await rejection(local.database().collection('staff').count())).code).toBe('SIGN_PARAM_INVALID');
      } finally {
        await s.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
