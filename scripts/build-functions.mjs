#!/usr/bin/env node
// Bundles every cloud function into build/functions/<name>/ (one minified index.js, its
// package.json and config.json), ready for `tcb fn deploy` and WeChat DevTools, and writes
// build/functions/catalogue.json (functions, actions, audiences, JSON Schemas, triggers).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';

const root = resolve(import.meta.dirname, '..');
const src = join(root, 'cloudfunctions');
const out = join(root, 'build', 'functions');
const require = createRequire(import.meta.url);
const sdkVersion = require('@cloudbase/node-sdk/package.json').version;

// What the bundles leave out (issue #18: cold start). A CloudBase cold start pays for parsing and
// running every module in the bundle before the first database call. The functions use the SDK's
// database, callFunction, callWxOpenApi, getTempFileURL and getCloudbaseContext; these parts of
// @cloudbase/node-sdk 3.18.3 are never called, so each is replaced by a small stub that throws a
// clear error if a future function does call it (then remove its line here). Wire formats are
// untouched: no stub sits on the path of a request the functions make (tests/functions/wire-captures).
const notBundled = (what) =>
  `throw new Error(${JSON.stringify(`${what} is left out of the Linli function bundles (scripts/build-functions.mjs); remove its stub there to use it`)})`;
const STUBS = [
  // app.ai(): @cloudbase/ai with @cloudbase/app, its wx_mp adapter and web-streams polyfills (≈ 300 KB).
  { importer: /@cloudbase[\\/]node-sdk[\\/]dist[\\/]cloudbase\.js$/, path: /^\.\/ai$/, contents: `exports.createAI = function () { ${notBundled('app.ai()')} };` },
  // app.models / app.rdb(): the data-model and MySQL clients. init() builds them eagerly (inside a
  // try/catch) but sends nothing; the stub hands back objects that throw on first use.
  {
    path: /^@cloudbase\/wx-cloud-client-sdk$/,
    contents: `const fail = (what) => new Proxy({}, { get(_, k) {
  if (typeof k === 'symbol' || k === 'then' || k === 'toJSON') return undefined;
  throw new Error(what + ' is left out of the Linli function bundles (scripts/build-functions.mjs); remove its stub there to use it');
} });
exports.default = { generateHTTPClient: () => fail('app.models'), generateMySQLClient: () => fail('app.rdb()') };`,
  },
  // auth().createTicket(): custom-login tickets (jsonwebtoken, jws, semver, lodash.*).
  { path: /^jsonwebtoken$/, contents: `exports.sign = exports.verify = exports.decode = function () { ${notBundled('auth().createTicket() (jsonwebtoken)')} };` },
  // uploadFile(): parses COS's XML answer (xml2js, xmlbuilder, sax).
  { path: /^xml2js$/, contents: `exports.parseString = function () { ${notBundled('uploadFile() (xml2js)')} };` },
  // collection.watch(): the realtime websocket client.
  {
    importer: /@cloudbase[\\/]database[\\/]/,
    path: /^\.\/realtime\/websocket-client$/,
    contents: `exports.RealtimeWebSocketClient = function () { ${notBundled('watch() (realtime websocket client)')} };`,
  },
];
// exceljs (with jszip, saxes, readable-stream…, ≈ 1 MB minified) is only run by an export or an
// import, so it is not in index.js at all: it is bundled on its own as `exceljs.js` next to it, in
// each function folder that uses it (the deployed folder holds both), and required on first use
// (`ExcelJS.Workbook`). (`esm`: the module is reached through `import ExcelJS from 'exceljs'`, whose
// interop would otherwise read every export at start.)
// mime-types (its 190 KB mime-db table) is a side file the same way: only a multipart upload's
// form-data looks a type up, and even unrun its table cost every cold start a parse.
const SIDE = { exceljs: require.resolve('exceljs'), 'mime-types': require.resolve('mime-types', { paths: [require.resolve('form-data')] }) };
const LAZY = [
  { path: /^mime-types$/, side: 'mime-types' },
  { path: /^exceljs$/, side: 'exceljs', esm: true },
];
/** The plugin for one function's build; `sides` collects the side files that bundle requires. */
const leaveOut = (sides) => ({
  name: 'linli-leave-out',
  setup(b) {
    b.onResolve({ filter: /./ }, (args) => {
      const stub = STUBS.findIndex((s) => s.path.test(args.path) && (!s.importer || s.importer.test(args.importer)));
      if (stub >= 0) return { path: String(stub), namespace: 'linli-stub' };
      const lazy = LAZY.findIndex((l) => l.path.test(args.path));
      if (lazy >= 0) {
        if (LAZY[lazy].side) sides.add(LAZY[lazy].side);
        return { path: String(lazy), namespace: 'linli-lazy' };
      }
      return undefined;
    });
    b.onLoad({ filter: /./, namespace: 'linli-stub' }, (args) => ({ contents: STUBS[Number(args.path)].contents, loader: 'js' }));
    b.onLoad({ filter: /./, namespace: 'linli-lazy' }, (args) => {
      const { real, side, esm } = LAZY[Number(args.path)];
      const proxy = `new Proxy({}, { get: (_, k) => get()[k], has: (_, k) => k in get(), ownKeys: () => Reflect.ownKeys(get()), getOwnPropertyDescriptor: (_, k) => Reflect.getOwnPropertyDescriptor(get(), k) })`;
      // A side file is required by a path computed at run time, which esbuild leaves to Node.
      const load = side ? `require(require('node:path').join(__dirname, ${JSON.stringify(`${side}.js`)}))` : `require(${JSON.stringify(real)})`;
      return {
        contents: `let m; const get = () => (m ??= ${load});
module.exports = ${esm ? `{ __esModule: true, default: ${proxy} }` : proxy};`,
        loader: 'js',
        resolveDir: root,
      };
    });
  },
});

// zod: the bundles import `scripts/zod-lazy.mjs` in its place, which builds each schema on first use
// (see there), so a cold start builds only the schemas of the action it serves. The catalogue below
// is built through it too, so catalogue.json shows that the schemas it builds are zod's own. And
// zod's 48 error-message locales (≈ 170 KB, re-exported as `z.locales` and `z.core.locales`) are left
// out: the functions give their own Chinese messages and zod's English ones come from `en`, which
// zod imports on its own.
const zodReal = join(dirname(require.resolve('zod/package.json')), 'index.js');
const zodLazy = {
  name: 'linli-zod-lazy',
  setup(b) {
    b.onResolve({ filter: /^zod$/ }, () => ({ path: join(root, 'scripts', 'zod-lazy.mjs') }));
    b.onResolve({ filter: /^linli-real-zod$/ }, () => ({ path: zodReal }));
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)$/.test(args.resolveDir) ? { path: 'locales', namespace: 'linli-zod-locales' } : undefined,
    );
    b.onLoad({ filter: /./, namespace: 'linli-zod-locales' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

// JSON modules as `JSON.parse('…')`: V8 reads a string of JSON faster than the same object literal.
// (chinese-days' holiday table, 43 KB, is the largest single input of the bundles that have it: ≈ 1.2 ms
// of a cold load as a literal, 0.5 ms this way.)
const jsonParse = {
  name: 'linli-json-parse',
  setup(b) {
    b.onLoad({ filter: /\.json$/ }, (args) => ({
      contents: `module.exports = JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(readFileSync(args.path, 'utf8'))))});`,
      loader: 'js',
    }));
  },
};

const names = readdirSync(src, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith('_') && existsSync(join(src, d.name, 'index.ts')))
  .map((d) => d.name)
  .sort();

// CloudBase's runtime is Nodejs18.15 (cloudbaserc.json).
const BUNDLE = { bundle: true, minify: true, platform: 'node', target: 'node18', format: 'cjs', legalComments: 'none', logLevel: 'warning' };
const sides = new Map();
/** A side module bundled once per build (build/functions/.<name>.js), copied into each function folder using it. */
function sideFile(name) {
  if (!sides.has(name)) {
    const file = join(out, `.${name}.js`);
    sides.set(
      name,
      build({ ...BUNDLE, entryPoints: [SIDE[name]], outfile: file }).then(() => file),
    );
  }
  return sides.get(name);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const started = Date.now();
await Promise.all(
  names.map(async (name) => {
    const dir = join(out, name);
    mkdirSync(dir, { recursive: true });
    const sides = new Set();
    await build({ ...BUNDLE, entryPoints: [join(src, name, 'index.ts')], outfile: join(dir, 'index.js'), plugins: [zodLazy, jsonParse, leaveOut(sides)] });
    for (const side of sides) copyFileSync(await sideFile(side), join(dir, `${side}.js`));
    const config = JSON.parse(readFileSync(join(src, name, 'config.json'), 'utf8'));
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config, null, 2) + '\n');
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify(
        { name, version: '1.0.0', private: true, main: 'index.js', description: `Linli cloud function ${name} (bundled; built with @cloudbase/node-sdk ${sdkVersion})` },
        null,
        2,
      ) + '\n',
    );
  }),
);

for (const file of sides.values()) rmSync(await file);

// The catalogue: load the registry through esbuild and describe each action — once with zod as the
// bundles have it (zod-lazy.mjs) and once with zod itself; the two must agree, action by action and
// schema by schema, or the build fails.
async function describeAll(plugins, tag) {
  const tmp = join(root, 'build', `.registry-${tag}.cjs`);
  await build({
    stdin: {
      contents: `export { FUNCTIONS } from './cloudfunctions/registry'; export { describe } from './cloudfunctions/_lib/handler';`,
      resolveDir: root,
      loader: 'ts',
    },
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'warning',
    plugins,
  });
  const { FUNCTIONS, describe } = require(tmp);
  rmSync(tmp);
  return names.map((name) => {
    const config = JSON.parse(readFileSync(join(src, name, 'config.json'), 'utf8'));
    if (!FUNCTIONS[name]) throw new Error(`cloudfunctions/registry.ts does not list ${name}`);
    return { name, timeout: config.timeout, memorySize: config.memorySize, triggers: config.triggers ?? [], actions: describe(FUNCTIONS[name], name) };
  });
}
const [catalogue, eager] = await Promise.all([describeAll([zodLazy], 'lazy'), describeAll([], 'zod')]);
if (JSON.stringify(catalogue) !== JSON.stringify(eager)) {
  const at = catalogue.flatMap((f, i) => f.actions.filter((a, j) => JSON.stringify(a) !== JSON.stringify(eager[i].actions[j])).map((a) => `${f.name}.${a.action}`));
  throw new Error(`scripts/zod-lazy.mjs describes these actions otherwise than zod does: ${at.join(', ') || '(the function list)'}`);
}
writeFileSync(join(out, 'catalogue.json'), JSON.stringify(catalogue, null, 2) + '\n');

const kb = (f) => `${(readFileSync(f).length / 1024).toFixed(0)} KB`;
const sizes = names.map(
  (n) =>
    `${n} ${kb(join(out, n, 'index.js'))}${Object.keys(SIDE)
      .map((s) => (existsSync(join(out, n, `${s}.js`)) ? ` + ${s}.js ${kb(join(out, n, `${s}.js`))}` : ''))
      .join('')}`,
);
console.log(`built ${names.length} functions in ${Date.now() - started} ms → build/functions (${sizes.join(', ')})`);
