/**
 * The function bundles leave out the SDK parts no function calls (scripts/build-functions.mjs;
 * issue #18, cold start). Text each left-out library carries, which must not come back unnoticed,
 * and the stubs that stand in for them. What the functions do use is proven by the rest of this
 * layer (wire captures, every action) running these same bundles.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_FUNCTIONS } from '../helpers/local-cloudbase';

const LEFT_OUT: Record<string, string> = {
  '@cloudbase/ai (app.ai())': 'AI function tool ',
  'web-streams-polyfill': 'ReadableStreamDefaultReader',
  '@cloudbase/wx-cloud-client-sdk (app.models, app.rdb())': 'PostgrestError',
  'jsonwebtoken (auth().createTicket())': 'jwt must be provided',
  'xml2js / sax (uploadFile())': 'Non-whitespace before first tag',
  'the realtime websocket client (watch())': '[realtime] initWatch cancelled on pause',
  "zod's locales other than en (z.locales)": 'Input tidak valid',
};

const names = existsSync(BUILT_FUNCTIONS)
  ? readdirSync(BUILT_FUNCTIONS, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
  : [];

test('every function is built', () => {
  expect(names).toEqual(expect.arrayContaining(['account', 'announcements', 'callbacks', 'ping', 'tickets']));
});

describe.each(names)('build/functions/%s/index.js', (name) => {
  const code = () => readFileSync(join(BUILT_FUNCTIONS, name, 'index.js'), 'utf8');

  test('holds none of the left-out SDK parts', () => {
    const found = Object.entries(LEFT_OUT)
      .filter(([, marker]) => code().includes(marker))
      .map(([what]) => what);
    expect(found).toEqual([]);
  });

  test('holds the stubs that say what was left out if a function ever calls it', () => {
    const js = code();
    const stubs = [
      'app.ai()',
      'app.models',
      'auth().createTicket() (jsonwebtoken)',
      'uploadFile() (xml2js)',
      'watch() (realtime websocket client)',
      'is left out of the Linli function bundles (scripts/build-functions.mjs)',
    ];
    expect(stubs.filter((s) => !js.includes(s))).toEqual([]);
  });

  test('builds no zod schema while it loads, only when a call needs one (scripts/zod-lazy.mjs)', () => {
    // zod gives each schema it builds a `_zod` property: count them in a fresh process, after the
    // require and after a first call (the request envelope's schema; no database is reached).
    const script = `let built = 0;
const define = Object.defineProperty;
Object.defineProperty = function (o, k, d) { if (k === '_zod') built++; return define.call(this, o, k, d); };
const { main } = require(${JSON.stringify(join(BUILT_FUNCTIONS, name, 'index.js'))});
const atLoad = built;
main({ action: 'no-such-action' }, { environment: '{}' }).then((r) => process.stdout.write(JSON.stringify({ atLoad, afterCall: built, code: r.error.code })));`;
    const r = spawnSync(process.execPath, ['-e', script], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, TENCENTCLOUD_RUNENV: 'SCF', TENCENTCLOUD_REGION: 'ap-shanghai', SCF_NAMESPACE: 'test' } as unknown as NodeJS.ProcessEnv,
    });
    expect(r.stderr).toBe('');
    const { atLoad, afterCall, code } = JSON.parse(r.stdout);
    expect({ atLoad, code }).toEqual({ atLoad: 0, code: 'UNKNOWN_ACTION' });
    expect(afterCall).toBeGreaterThan(0);
  });
});
