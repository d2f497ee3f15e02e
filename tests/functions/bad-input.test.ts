// Issue §3: bad input gets a clear error (a code and a message, the right HTTP status),
// changes nothing, and never leaks a stack trace — on /admin, on the gateway, on dev routes.
import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';
import { signedAdminHeaders } from '../helpers/sign';

let lc: LocalCloudBase;
/** Every response body this suite saw, checked for stack traces at the end. */
const bodies: string[] = [];

beforeAll(async () => {
  lc = await startLocal({ seed: true, extraFunctionsDirs: [] });
  await lc.db.createCollection('things');
  await lc.db.collection('things').add([
    { _id: 't1', n: 1 },
    { _id: 't2', n: 2 },
  ]);
});
afterAll(() => lc.stop());

const thingsCount = () => lc.server.ctx.engine.count('things', {});

async function raw(path: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }, base = lc.url) {
  const res = await fetch(base + path, { method: 'POST', headers, body });
  const text = await res.text();
  bodies.push(text);
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json };
}

const admin = (body: unknown) => {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  // Signed like the SDK signs (the server refuses unsigned /admin requests).
  return raw('/admin?env=linli-test', text, signedAdminHeaders(`${lc.url}/admin?env=linli-test`, text));
};
const base = { envName: 'linli-test' };

describe('/admin', () => {
  test.each([
    ['a body that is not JSON', 'this is not json', 'INVALID_PARAM', /not valid JSON/],
    ['a JSON array', '[1,2]', 'INVALID_PARAM', /JSON object/],
    ['JSON null', 'null', 'INVALID_PARAM', /JSON object/],
    ['no action', { ...base, collectionName: 'things' }, 'INVALID_PARAM', /missing action/],
    ['an unknown action', { ...base, action: 'database.dropEverything', collectionName: 'things' }, 'INVALID_ACTION', /database\.dropEverything/],
    ['a missing collectionName', { ...base, action: 'database.getDocument', query: '{}' }, 'INVALID_PARAM', /collectionName/],
    ['an invalid collection name', { ...base, action: 'database.addCollection', collectionName: 'a b;drop' }, 'INVALID_PARAM', /collection name/],
    ['a query that is not EJSON', { ...base, action: 'database.getDocument', collectionName: 'things', query: '{"n":' }, 'INVALID_PARAM', /malformed EJSON in query/],
    [
      'a query with a malformed $numberLong',
      { ...base, action: 'database.getDocument', collectionName: 'things', query: '{"n":{"$numberLong":"1.5"}}' },
      'INVALID_PARAM',
      /malformed EJSON in query/,
    ],
    ['a query with an invalid $date', { ...base, action: 'database.getDocument', collectionName: 'things', query: '{"at":{"$date":"not-a-date"}}' }, 'INVALID_PARAM', /date/i],
    [
      'a query with an invalid regular expression',
      { ...base, action: 'database.getDocument', collectionName: 'things', query: '{"n":{"$regularExpression":{"pattern":"(","options":""}}}' },
      'INVALID_PARAM',
      /regular expression/i,
    ],
    ['a query that is an array', { ...base, action: 'database.getDocument', collectionName: 'things', query: '[1]' }, 'INVALID_PARAM', /query must be an object/],
    ['a query that is not a string', { ...base, action: 'database.getDocument', collectionName: 'things', query: { n: 1 } }, 'INVALID_PARAM', /EJSON string/],
    ['a negative limit', { ...base, action: 'database.getDocument', collectionName: 'things', query: '{}', limit: -1 }, 'INVALID_PARAM', /limit/],
    ['an order that is not EJSON', { ...base, action: 'database.getDocument', collectionName: 'things', query: '{}', order: '{' }, 'INVALID_PARAM', /malformed EJSON in order/],
    ['insert data that is not an array', { ...base, action: 'database.insertDocument', collectionName: 'things', data: '{"n":3}' }, 'INVALID_PARAM', /non-empty array/],
    [
      'insert data with malformed EJSON',
      { ...base, action: 'database.insertDocument', collectionName: 'things', data: ['{"_id":"ok","n":3}', '{"n":'] },
      'INVALID_PARAM',
      /malformed EJSON in data/,
    ],
    [
      'insert data with an invalid $date',
      { ...base, action: 'database.insertDocument', collectionName: 'things', data: ['{"_id":"t9","at":{"$date":"31/02/2024"}}'] },
      'INVALID_PARAM',
      /date/i,
    ],
    [
      'insert data that is not a document',
      { ...base, action: 'database.insertDocument', collectionName: 'things', data: ['[1,2]'] },
      'INVALID_PARAM',
      /document must be an object/,
    ],
    [
      'an unknown update operator',
      { ...base, action: 'database.modifyDocument', collectionName: 'things', query: '{"_id":"t1"}', data: '{"$explode":{"n":1}}', multi: false, merge: true },
      'INVALID_PARAM',
      /update/,
    ],
    [
      'an empty update',
      { ...base, action: 'database.modifyDocument', collectionName: 'things', query: '{"_id":"t1"}', data: '{}', multi: false, merge: true },
      'INVALID_PARAM',
      /empty/,
    ],
    ['an aggregate without stages', { ...base, action: 'database.aggregateDocuments', collectionName: 'things' }, 'INVALID_PARAM', /stages/],
    [
      'an aggregate with an unknown stage',
      { ...base, action: 'database.aggregateDocuments', collectionName: 'things', stages: [{ stageKey: '$teleport', stageValue: '{}' }] },
      'DATABASE_REQUEST_FAILED',
      /aggregate failed/,
    ],
    ['an unknown transaction', { ...base, action: 'database.commitTransaction', transactionId: 'tx-nope' }, 'DATABASE_TRANSACTION_FAIL', /TransactionNotExist.*30 seconds/], // CloudBase's own message (no id),
    ['an unknown function', { ...base, action: 'functions.invokeFunction', function_name: 'nope', request_data: '{}' }, 'FUNCTIONS_NOT_EXIST', /nope/],
    ['function data that is not JSON', { ...base, action: 'functions.invokeFunction', function_name: 'ping', request_data: '{' }, 'INVALID_PARAM', /request_data/],
  ])('%s → a clear error, nothing changed', async (_label, body, code, message) => {
    const before = thingsCount();
    const res = await admin(body as any);
    expect(res.status).toBe(200); // CloudBase answers errors as {code, message} with HTTP 200
    expect(res.json.code).toBe(code);
    expect(res.json.message).toMatch(message as RegExp);
    expect(thingsCount()).toBe(before);
    expect(lc.server.ctx.engine.getById('things', 't1')).toEqual({ _id: 't1', n: 1 });
  });

  test('a non-JSON content type is refused', async () => {
    const res = await raw('/admin', 'action=database.getDocument', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.json.code).toBe('INVALID_PARAM');
    expect(res.json.message).toMatch(/content-type/);
  });

  test('a body over 6 MB (7 MB of JSON) → 413, nothing written', async () => {
    const before = thingsCount();
    const big = JSON.stringify({ ...base, action: 'database.insertDocument', collectionName: 'things', data: [JSON.stringify({ blob: 'x'.repeat(7 * 1024 * 1024) })] });
    expect(big.length).toBeGreaterThan(7 * 1024 * 1024);
    const res = await admin(big);
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe('REQUEST_TOO_LARGE');
    expect(res.json.error.message).toMatch(/6 MB/);
    expect(thingsCount()).toBe(before);
    // The server is fine afterwards.
    expect((await lc.db.collection('things').count()).total).toBe(before);
  });

  test('the SDK surfaces an /admin error as a TcbError with the code', async () => {
    await expect(
      lc.db
        .collection('things')
        .where({ n: lc.db.command.gt(0) })
        .skip(-1 as any)
        .get(),
    ).rejects.toBeTruthy();
    await expect(lc.db.collection('nope_never').get()).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' });
  });
});

describe('gateway', () => {
  const gw = (fn: string, body: string, openid: string | null = 'o-resident-01') =>
    raw(`/api/functions/${fn}`, body, { 'content-type': 'application/json', ...(openid === null ? {} : { 'x-wx-openid': openid }) });

  test('an unknown function → 404 NOT_FOUND', async () => {
    const res = await gw('nope', '{"action":"x"}');
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('nope') } });
  });

  test('a missing x-wx-openid → 401 UNAUTHENTICATED', async () => {
    const res = await gw('ping', '{"action":"whoami"}', null);
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe('UNAUTHENTICATED');
    expect(res.json.error.message).toMatch(/x-wx-openid/);
    const blank = await gw('ping', '{"action":"whoami"}', '   ');
    expect(blank.status).toBe(401);
  });

  test('malformed JSON → 400 INVALID_INPUT', async () => {
    const res = await gw('ping', '{"action":');
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('INVALID_INPUT');
  });

  test('an event without action → {ok:false, INVALID_INPUT}', async () => {
    const res = await gw('ping', '{"data":{}}');
    expect(res.status).toBe(200);
    expect(res.json.ok).toBe(false);
    expect(res.json.error.code).toBe('INVALID_INPUT');
    expect(res.json.error.message).toMatch(/action/);
    const empty = await gw('ping', '');
    expect(empty.json.error.code).toBe('INVALID_INPUT');
  });

  test('an unknown action → UNKNOWN_ACTION', async () => {
    const res = await gw('ping', '{"action":"selfDestruct"}');
    expect(res.json.ok).toBe(false);
    expect(res.json.error.code).toBe('UNKNOWN_ACTION');
    // Inherited object keys are not actions either.
    const proto = await gw('ping', '{"action":"constructor"}');
    expect(proto.json.error.code).toBe('UNKNOWN_ACTION');
  });

  test('ping.echo over 200 chars → INVALID_INPUT with a Chinese message and details.issues', async () => {
    const ok = await gw('ping', JSON.stringify({ action: 'echo', data: { text: '你好' } }));
    expect(ok.json).toEqual({ ok: true, data: { text: '你好' } });
    const res = await gw('ping', JSON.stringify({ action: 'echo', data: { text: 'x'.repeat(201) } }));
    expect(res.json.ok).toBe(false);
    expect(res.json.error.code).toBe('INVALID_INPUT');
    expect(res.json.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(res.json.error.details.issues).toEqual([expect.objectContaining({ path: 'text' })]);
    const extra = await gw('ping', JSON.stringify({ action: 'echo', data: { text: 'hi', admin: true } }));
    expect(extra.json.error.code).toBe('INVALID_INPUT');
  });

  test('a gateway body over 6 MB → 413', async () => {
    const res = await gw('ping', JSON.stringify({ action: 'echo', data: { text: 'x'.repeat(7 * 1024 * 1024) } }));
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe('REQUEST_TOO_LARGE');
  });

  test('unknown routes and methods → 404 with a code', async () => {
    const get = await fetch(`${lc.url}/api/functions/ping`);
    bodies.push(await get.clone().text());
    expect(get.status).toBe(404);
    expect(((await get.json()) as any).error.code).toBe('NOT_FOUND');
    const dev = await raw('/api/dev/nothing-here', '{}');
    expect(dev.status).toBe(404);
  });
});

describe('production mode (local:false)', () => {
  let prod: LocalCloudBase;
  beforeAll(async () => {
    prod = await startLocal({ local: false, schema: false, extraFunctionsDirs: [] });
  });
  afterAll(() => prod.stop());

  test.each([
    ['GET', '/api/dev/health'],
    ['GET', '/api/dev/personas'],
    ['GET', '/api/dev/outbox'],
    ['GET', '/api/dev/functions'],
    ['POST', '/api/dev/clock'],
    ['POST', '/api/dev/indexes'],
    ['POST', '/api/functions/ping'],
  ])('%s %s → 404', async (method, path) => {
    const res = await fetch(prod.url + path, {
      method,
      headers: { 'content-type': 'application/json', 'x-wx-openid': 'o-resident-01' },
      body: method === 'POST' ? JSON.stringify({ action: 'whoami', advanceMs: 1e9, collection: 'x', indexes: [] }) : undefined,
    });
    const text = await res.text();
    bodies.push(text);
    expect(res.status).toBe(404);
    expect(JSON.parse(text).error.code).toBe('NOT_FOUND');
  });

  test('the clock did not move and the SDK endpoint still works', async () => {
    expect(prod.server.ctx.clock.state().offsetMs).toBe(0);
    await prod.db.createCollection('p');
    expect((await prod.db.collection('p').count()).total).toBe(0);
  });
});

test('no response body above contains a stack trace', () => {
  expect(bodies.length).toBeGreaterThan(40);
  for (const b of bodies) {
    expect(b).not.toMatch(/\bat .*\.(c?js|ts):\d+/);
    expect(b).not.toMatch(/node:internal|node_modules/);
  }
});
