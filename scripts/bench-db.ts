/**
 * `npm run bench:db` — prints figures, asserts nothing about time.
 *  1. An indexed equality + sort query (page of 20) and a count, through the real SDK
 *     against the local CloudBase, at 1k, 10k and 100k documents.
 *  2. Cold start: each bundled function's size and load time vs loading the unbundled SDK, measured
 *     in the same run (`-- --cold` runs only this part; BENCH_COLD_RUNS sets the number of processes).
 */
import tcb from '@cloudbase/node-sdk';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from '../emulator/server';
import { localCredentials } from '../emulator/credentials';

const credentials = localCredentials();
Object.assign(process.env, { TENCENTCLOUD_RUNENV: 'SCF', TENCENTCLOUD_SECRETID: credentials.secretId, TENCENTCLOUD_SECRETKEY: credentials.secretKey, SILENCE: 'true' });
const root = resolve(__dirname, '..');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function time(runs: number, fn: () => Promise<unknown>) {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn();
    xs.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(xs);
}

async function dbBench() {
  const rows: string[] = [];
  const results: Record<number, { query: number; count: number; engine: number; natural: number }> = {};
  for (const n of [1_000, 10_000, 100_000]) {
    const dir = mkdtempSync(join(tmpdir(), 'linli-bench-'));
    const server = await startServer({ port: 0, dataDir: dir, functionsDir: join(dir, 'none'), timers: false, schema: false });
    const { engine } = server.ctx;
    engine.createCollection('tickets');
    engine.ensureIndexes('tickets', [
      {
        name: 'status_created',
        keys: [
          ['status', 1],
          ['createdAt', -1],
        ],
      },
    ]);
    const statuses = ['open', 'accepted', 'in_progress', 'resolved', 'closed'];
    const t0 = Date.now();
    for (let i = 0; i < n; i += 5000) {
      const batch = [];
      for (let j = i; j < Math.min(n, i + 5000); j++) {
        batch.push({ _id: `t${j}`, status: statuses[j % 5], title: `工单 ${j}`, createdAt: new Date(1_700_000_000_000 + j * 60_000), priority: j % 3 });
      }
      engine.insert('tickets', batch);
    }
    const loadMs = Date.now() - t0;
    const db = tcb.init({ env: 'bench', ...credentials, serviceUrl: `${server.url}/admin` } as any).database();
    const page = () => db.collection('tickets').where({ status: 'open' }).orderBy('createdAt', 'desc').limit(20).get();
    const first = await page();
    if (first.data.length !== 20) throw new Error('unexpected page size');
    await time(5, page);
    const query = await time(50, page);
    const count = await time(20, () => db.collection('tickets').where({ status: 'open' }).count());
    // No orderBy: natural (insertion) order, from an index whose order is another (status, createdAt).
    const naturalPage = () => db.collection('tickets').where({ status: 'open' }).skip(40).limit(20).get();
    if ((await naturalPage()).data.length !== 20) throw new Error('unexpected page size');
    const natural = await time(20, naturalPage);
    const engineMs = await time(200, async () => engine.find('tickets', { status: 'open' }, { order: [['createdAt', -1]], limit: 20 }));
    const plan = engine.explain('tickets', { status: 'open' }, { order: [['createdAt', -1]], limit: 20 }).join('; ');
    results[n] = { query, count, engine: engineMs, natural };
    rows.push(
      `| ${n.toLocaleString('en')} | ${query.toFixed(2)} | ${engineMs.toFixed(3)} | ${count.toFixed(2)} | ${natural.toFixed(2)} | ${(loadMs / 1000).toFixed(1)} s | ${plan} |`,
    );
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log('\nIndexed equality + sort (page of 20) and count on `tickets`, median ms');
  console.log('| documents | query via SDK | same query in-engine | count via SDK | no orderBy, page 3, via SDK | load | SQLite plan |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  const ratio = results[100_000].query / results[1_000].query;
  console.log(`\nquery at 100k / query at 1k: ${ratio.toFixed(2)}× (goal ≤ 3×)`);
}

function coldStart() {
  const fnDir = join(root, 'build/functions');
  if (!existsSync(join(fnDir, 'ping/index.js'))) throw new Error('build/functions is missing: run node scripts/build-functions.mjs first');
  const names = readdirSync(fnDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const loadOnce = (target: string) => {
    const r = spawnSync(
      process.execPath,
      ['-e', `const t=process.hrtime.bigint();require(${JSON.stringify(target)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`],
      {
        cwd: root,
        // A clean environment: no NODE_OPTIONS (tsx's loader would slow every require).
        env: { PATH: process.env.PATH, TENCENTCLOUD_RUNENV: 'SCF', TENCENTCLOUD_REGION: 'ap-shanghai', SCF_NAMESPACE: 'bench' } as unknown as NodeJS.ProcessEnv,
        encoding: 'utf8',
      },
    );
    if (r.status !== 0) throw new Error(r.stderr);
    return Number(r.stdout);
  };
  // Interleaved (bundle, SDK, bundle, SDK…) so that load from other processes on the machine
  // falls on both sides of the ratio alike.
  const runs = Number(process.env.BENCH_COLD_RUNS || 11);
  const targets = [...names.map((n) => join(fnDir, n, 'index.js')), '@cloudbase/node-sdk'];
  const times = new Map<string, number[]>(targets.map((t) => [t, []]));
  for (let i = 0; i < runs; i++) for (const t of targets) times.get(t)!.push(loadOnce(t));
  const sdk = median(times.get('@cloudbase/node-sdk')!);
  console.log(`\nCold start: time to load (require), median of ${runs} fresh processes each, interleaved`);
  console.log('| what | bundle size | load, median | ratio to unbundled SDK require |');
  console.log('|---|---|---|---|');
  for (const n of names) {
    const file = join(fnDir, n, 'index.js');
    const ms = median(times.get(file)!);
    console.log(`| \`build/functions/${n}/index.js\` | ${(statSync(file).size / 1024).toFixed(0)} KB | ${ms.toFixed(1)} ms | ${(ms / sdk).toFixed(2)}× |`);
  }
  console.log(`| unbundled \`require('@cloudbase/node-sdk')\` | — | ${sdk.toFixed(1)} ms | 1.00× |`);
  const ping = median(times.get(join(fnDir, 'ping/index.js'))!);
  console.log(`\nping bundle / unbundled SDK: ${(ping / sdk).toFixed(2)}× (budget ≤ 0.5×)`);
}

// `npm run bench:db -- --cold` measures the cold start only.
(process.argv.includes('--cold') ? Promise.resolve() : dbBench()).then(coldStart).catch((e) => {
  console.error(e);
  process.exit(1);
});
