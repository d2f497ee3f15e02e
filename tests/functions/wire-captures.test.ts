// Issue §3: what the unchanged @cloudbase/node-sdk sends to the local CloudBase is exactly
// what it sent in the recorded captures (tests/fixtures/cloudbase-wire-captures.jsonl, a copy
// of the captures taken against a recording endpoint with env 'local-env'). Each captured
// call is replayed here through the SDK, and every /admin body the server receives must
// deep-equal the captured body. The only exclusions are values that are per-run by nature,
// each named where it is made:
//   - `transactionId` (runTransaction step): the server mints a fresh id per transaction
//     (the capture's is 'tx-1'); we check instead that both requests carry the id the server
//     handed out, i.e. the same `tx-…` value.
//   - `file_list[].fileid` (getTempFileURL step): the bucket part of a file id depends on
//     how the environment names its bucket (the capture's `6c6f-local` vs ours); we check
//     its shape `cloud://local-env.<bucket>/a/b.txt` and that it is the id uploadFile returned.
// Out of scope: the last capture block, wx-server-sdk@4.0.2's `cloud.openapi.subscribeMessage.send`
// (a multipart `wx.openApi` body). Linli's functions use node-sdk's `callWxOpenApi` (`wx.api`,
// JSON), which is replayed here; the wx-server-sdk requests are not replayed.
// The COS PUT of uploadFile is not an /admin request; we check its effect (the bytes stored).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { ROOT, startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';

interface Captured {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: any;
}

/** step name → the requests captured for it, in order. */
function loadCaptures(): Map<string, Captured[]> {
  const lines = readFileSync(join(ROOT, 'tests/fixtures/cloudbase-wire-captures.jsonl'), 'utf8').split('\n').filter(Boolean);
  const steps = new Map<string, Captured[]>();
  let current = '';
  for (const line of lines) {
    const rec = JSON.parse(line);
    if (rec.step !== undefined) {
      current = rec.step;
      steps.set(current, []);
    } else steps.get(current)!.push(rec);
  }
  return steps;
}

const captures = loadCaptures();
const adminBodies = (step: string) =>
  captures
    .get(step)!
    .filter((r) => r.method === 'POST' && r.url.startsWith('/admin'))
    .map((r) => r.body);

let lc: LocalCloudBase;
let app: ReturnType<typeof tcb.init>;
let db: any;
let _: any;
let $: any;
const recorded: { body: any; headers: Record<string, unknown> }[] = [];

beforeAll(async () => {
  lc = await startLocal({ env: 'local-env', schema: false, onAdminRequest: (body, headers) => recorded.push({ body, headers }) });
  // The SDK app of the captures: env 'local-env', endpoint = this server.
  app = tcb.init({ env: 'local-env', ...lc.server.credentials, serviceUrl: `${lc.url}/admin`, timeout: 30000 } as any);
  db = app.database();
  _ = db.command;
  $ = db.command.aggregate;
  // Data the replayed calls act on (written through the engine, so it is not recorded).
  const engine = lc.server.ctx.engine;
  engine.createCollection('tickets');
  engine.insert('tickets', [
    { _id: '6a1b2c3d4e5f', title: 'Door', status: 'open', priority: 3, count: 0, tags: [], note: 'n', meta: { by: 'x' }, createdAt: new Date(1) },
    { _id: 'doc1', title: 'Lift', status: 'open', priority: 1, count: 5, createdAt: new Date(2) },
  ]);
});
afterAll(() => lc.stop());

/** Runs one replayed step and returns the /admin requests it made. */
async function replay<T>(fn: () => Promise<T>): Promise<{ result: T; sent: typeof recorded }> {
  recorded.length = 0;
  const result = await fn();
  return { result, sent: recorded.splice(0) };
}

test('the captures hold every step this suite replays', () => {
  expect([...captures.keys()]).toEqual([
    'query',
    'add',
    'docUpdate',
    'whereComplex',
    'count',
    'docGet',
    'docSet',
    'remove',
    'aggregate',
    'runTransaction',
    'callFunction',
    'callWxOpenApi',
    'uploadFile',
    'getTempFileURL',
    'limit2000',
    'userInfo',
    'ctx',
    'wx-server-sdk@4.0.2 cloud.openapi.subscribeMessage.send (multipart body, shown as parsed)',
  ]);
});

test('the SDK is the captured version and identifies itself the same way', async () => {
  expect(require('@cloudbase/node-sdk/package.json').version).toBe('3.18.3');
  const captured = captures.get('query')![0].headers;
  expect(captured['user-agent']).toBe('tcb-node-sdk/3.18.3');
  const { sent } = await replay(() => db.collection('tickets').where({ status: 'open' }).count());
  expect(sent).toHaveLength(1);
  expect(sent[0].headers['user-agent']).toBe(captured['user-agent']);
  expect(sent[0].headers['x-sdk-version']).toBe(captured['x-sdk-version']);
  expect(sent[0].headers['content-type']).toBe(captured['content-type']);
});

test('query', async () => {
  const { result, sent } = await replay(() =>
    db
      .collection('tickets')
      .where({ status: 'open', priority: _.gte(2) })
      .orderBy('createdAt', 'desc')
      .limit(5)
      .get(),
  );
  expect(sent.map((r) => r.body)).toEqual(adminBodies('query'));
  expect((result as any).data.map((d: any) => d._id)).toEqual(['6a1b2c3d4e5f']);
});

test('add', async () => {
  const { result, sent } = await replay(() =>
    db.collection('tickets').add({ title: 'Printer', status: 'open', priority: 2, tags: ['hw'], createdAt: db.serverDate(), due: new Date(1704067200000) }),
  );
  expect(sent.map((r) => r.body)).toEqual(adminBodies('add'));
  expect((result as any).id).toMatch(/^[0-9a-f]{32}$/);
});

test('docUpdate', async () => {
  const { result, sent } = await replay(() =>
    db
      .collection('tickets')
      .doc('6a1b2c3d4e5f')
      .update({ count: _.inc(1), tags: _.push(['x']), note: _.remove(), 'meta.by': 'u1', updatedAt: db.serverDate() }),
  );
  expect(sent.map((r) => r.body)).toEqual(adminBodies('docUpdate'));
  expect((result as any).updated).toBe(1);
  // The capture's key order ('meta.by' before updatedAt) is that of a dot-path key. A nested
  // plain object {meta:{by}} is flattened to the same $set, only serialised after the other
  // keys: same update, checked here with key order ignored.
  const nested = await replay(() =>
    db
      .collection('tickets')
      .doc('6a1b2c3d4e5f')
      .update({ count: _.inc(1), tags: _.push(['x']), note: _.remove(), meta: { by: 'u1' }, updatedAt: db.serverDate() }),
  );
  expect(JSON.parse(nested.sent[0].body.data)).toEqual(JSON.parse(adminBodies('docUpdate')[0].data));
});

test('whereComplex', async () => {
  const { sent } = await replay(() =>
    db
      .collection('tickets')
      .where(_.and([_.or([{ status: _.in(['open', 'pending']) }, { assignee: _.exists(false) }]), { priority: _.neq(0) }]))
      .skip(10)
      .field({ title: true, _id: false })
      .get(),
  );
  expect(sent.map((r) => r.body)).toEqual(adminBodies('whereComplex'));
});

test('count', async () => {
  const { result, sent } = await replay(() => db.collection('tickets').where({ status: 'open' }).count());
  expect(sent.map((r) => r.body)).toEqual(adminBodies('count'));
  expect((result as any).total).toBe(3);
});

test('docGet', async () => {
  const { result, sent } = await replay(() => db.collection('tickets').doc('doc1').get());
  expect(sent.map((r) => r.body)).toEqual(adminBodies('docGet'));
  expect((result as any).data[0]).toMatchObject({ _id: 'doc1', count: 5 });
});

test('docSet', async () => {
  const { result, sent } = await replay(() => db.collection('tickets').doc('doc2').set({ status: 'closed' }));
  expect(sent.map((r) => r.body)).toEqual(adminBodies('docSet'));
  expect((result as any).upsertedId).toBe('doc2');
});

test('remove', async () => {
  const { result, sent } = await replay(() => db.collection('tickets').where({ status: 'closed' }).remove());
  expect(sent.map((r) => r.body)).toEqual(adminBodies('remove'));
  expect((result as any).deleted).toBe(1);
});

test('aggregate', async () => {
  const { result, sent } = await replay(() =>
    db
      .collection('tickets')
      .aggregate()
      .match({ status: 'open' })
      .group({ _id: '$status', n: $.sum(1) })
      .end(),
  );
  expect(sent.map((r) => r.body)).toEqual(adminBodies('aggregate'));
  expect((result as any).data).toEqual([{ _id: 'open', n: 3 }]);
});

test('runTransaction', async () => {
  const { sent } = await replay(() =>
    db.runTransaction(async (tx: any) => {
      await tx
        .collection('tickets')
        .doc('doc1')
        .update({ count: _.inc(-1) });
    }),
  );
  const expected = adminBodies('runTransaction');
  expect(sent).toHaveLength(expected.length);
  // Excluded: the transactionId value (per run). Both requests must carry the same one.
  const ids = sent.slice(1).map((r) => r.body.transactionId);
  expect(ids[0]).toMatch(/^tx-[0-9a-f]{32}$/);
  expect(ids[1]).toBe(ids[0]);
  const strip = (b: any) => (b.transactionId === undefined ? b : { ...b, transactionId: '<per-run>' });
  expect(sent.map((r) => strip(r.body))).toEqual(expected.map(strip));
  expect(lc.server.ctx.engine.getById('tickets', 'doc1')!.count).toBe(4);
});

test('callFunction', async () => {
  const { result, sent } = await replay(() => app.callFunction({ name: 'notify', data: { a: 1 } }));
  expect(sent.map((r) => r.body)).toEqual(adminBodies('callFunction'));
  expect((result as any).result).toEqual({ received: { a: 1 } });
});

test('callWxOpenApi', async () => {
  const { result, sent } = await replay(() =>
    app.callWxOpenApi({ apiName: '/cgi-bin/message/subscribe/send', requestData: { touser: 'OPENID', template_id: 'TPL', data: { thing1: { value: 'x' } } } }),
  );
  expect(sent.map((r) => r.body)).toEqual(adminBodies('callWxOpenApi'));
  expect((result as any).result.errcode).toBe(0);
});

let fileID = '';
test('uploadFile, then getTempFileURL', async () => {
  const up = await replay(() => app.uploadFile({ cloudPath: 'a/b.txt', fileContent: Buffer.from('hello') }));
  expect(up.sent.map((r) => r.body)).toEqual(adminBodies('uploadFile'));
  // The captured COS PUT carried 'hello' for key a/b.txt: the emulator stored exactly that.
  const put = captures.get('uploadFile')!.find((r) => r.method === 'PUT')!;
  expect(put.body).toBe('hello');
  expect(lc.server.ctx.storage.read('a/b.txt')!.toString()).toBe(put.body);
  fileID = (up.result as any).fileID;
  expect(fileID).toMatch(/^cloud:\/\/local-env\.[^/]+\/a\/b\.txt$/);

  const { result, sent } = await replay(() => app.getTempFileURL({ fileList: [fileID] }));
  const expected = adminBodies('getTempFileURL');
  expect(sent).toHaveLength(1);
  // Excluded: the fileid's bucket naming. Shape and provenance are checked instead.
  const capturedId = expected[0].file_list[0].fileid;
  expect(capturedId).toMatch(/^cloud:\/\/local-env\.[^/]+\/a\/b\.txt$/);
  expect(sent[0].body.file_list).toEqual([{ fileid: fileID }]);
  const withoutId = (b: any) => ({ ...b, file_list: b.file_list.map((f: any) => ({ ...f, fileid: '<bucket-dependent>' })) });
  expect(withoutId(sent[0].body)).toEqual(withoutId(expected[0]));
  expect((result as any).fileList[0].code).toBe('SUCCESS');
});

test('limit2000', async () => {
  const { result, sent } = await replay(() => db.collection('tickets').limit(2000).get());
  expect(sent.map((r) => r.body)).toEqual(adminBodies('limit2000'));
  expect((result as any).data).toHaveLength(3);
});

test('userInfo and ctx make no request (as captured)', async () => {
  expect(adminBodies('userInfo')).toEqual([]);
  expect(adminBodies('ctx')).toEqual([]);
  const u = await replay(async () => app.auth().getUserInfo());
  const c = await replay(async () => tcb.getCloudbaseContext());
  expect(u.sent).toEqual([]);
  expect(c.sent).toEqual([]);
});
