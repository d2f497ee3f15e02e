/**
 * `npm run bench:load` — prints figures, asserts nothing about time.
 * N concurrent people (default 50: 90 % residents, 10 % staff) call a fresh local CloudBase
 * (its own process, demo data and demo activity, plus bench residents with approved homes)
 * through the H5 gateway for a fixed time, each back to back (no think time):
 * residents 70 % tickets.listMine, 20 % tickets.create, 10 % announcements.feed; staff
 * tickets.queueCounts / listQueue / get. Prints calls/s, p50/p95/p99 per action, errors by
 * code (RATE_LIMITED apart), the single-client p50 of each action (one person, same mix) and
 * the server's memory (RSS) before, at the end and after an idle wait, with the load average.
 *
 * Two runs: back to back (no think time: what the server serves at saturation, calls/s), then
 * paced — the same people together offering BENCH_PACED_RATE calls/s (110, the throughput goal),
 * each starting calls at random (Poisson) moments, so latency is read at a load the server is
 * meant to carry rather than at saturation, where every caller waits for all the others.
 *
 * BENCH_USERS (50), BENCH_SECONDS (30 per run), BENCH_SINGLE_SECONDS (8), BENCH_IDLE_S (120),
 * BENCH_PACED_RATE (110; 0 skips the paced run), BENCH_SERVER_NODE_ARGS;
 * the server takes LINLI_MAX_INSTANCES / LINLI_IDLE_MS from the environment as usual.
 */
import tcb from '@cloudbase/node-sdk';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { localCredentials } from '../emulator/credentials';

const root = resolve(__dirname, '..');
const USERS = Number(process.env.BENCH_USERS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const SINGLE_SECONDS = Number(process.env.BENCH_SINGLE_SECONDS ?? 8);
const IDLE_S = Number(process.env.BENCH_IDLE_S ?? 120);
const PACED_RATE = Number(process.env.BENCH_PACED_RATE ?? 110);
const STAFF = ['o-staff-desk', 'o-staff-eng1', 'o-staff-eng2', 'o-staff-sup', 'o-staff-admin'];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] : NaN);
const mb = (kb: number) => `${Math.round(kb / 1024)} MB`;
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

function freePort(): Promise<number> {
  return new Promise((r) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as any).port;
      s.close(() => r(port));
    });
  });
}

/** CPU seconds (user + system, every thread) the process has used so far. */
function cpuSeconds(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

function rssKb(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}

interface Stats {
  lat: Map<string, number[]>;
  errors: Map<string, number>;
  calls: number;
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'linli-bench-load-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // The server in its own process, so its memory is its own (node + tsx's loader, one process).
  // BENCH_SERVER_NODE_ARGS: extra node flags for the server, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`
  // (a profile per thread: the main thread and each function instance).
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', join(root, 'emulator/main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), LINLI_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((ok, fail) => {
    child.stdout!.on('data', (b: Buffer) => String(b).includes('listening on') && ok());
    child.once('exit', (c) => fail(new Error(`server exited (${c})`)));
  });
  child.stdout!.resume();
  try {
    const creds = localCredentials();
    const app = tcb.init({ env: 'linli-local', ...creds, serviceUrl: `${url}/admin`, timeout: 30000 } as any);
    const db = app.database();
    // Bench residents: each an approved owner of their own unit (the seed's 60 units).
    const units = (await db.collection('units').limit(100).get()).data as any[];
    const taken = new Set(((await db.collection('memberships').limit(100).get()).data as any[]).map((m) => m.unitId));
    const free = units.filter((u) => !taken.has(u._id));
    const residents = Math.max(1, USERS - Math.min(STAFF.length, Math.round(USERS / 10)));
    const people: { openid: string; unitId: string }[] = [];
    for (let i = 0; i < residents; i++) {
      const u = free[i % free.length];
      const openid = `o-bench-${String(i).padStart(3, '0')}`;
      people.push({ openid, unitId: u._id });
      await db.collection('memberships').add({
        _id: `m-bench-${i}`,
        openid,
        unitId: u._id,
        communityId: u.communityId,
        name: `压测住户${i}`,
        phone: `1380000${String(i).padStart(4, '0')}`,
        relation: i < free.length ? 'owner' : 'family',
        status: 'approved',
        requestKey: `${openid}:bench`,
        createdAt: new Date(),
        decidedAt: new Date(),
        decidedBy: 'bench',
      });
    }
    const staff = STAFF.slice(0, USERS - residents);
    const ticketIds: string[] = [];
    let seq = 0;

    const call = async (s: Stats, openid: string, fn: string, action: string, data: unknown) => {
      const t0 = performance.now();
      let code = '';
      let body: any;
      try {
        const res = await fetch(`${url}/api/functions/${fn}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
          body: JSON.stringify({ action, data }),
        });
        body = await res.json();
        if (!body?.ok) code = String(body?.error?.code ?? `HTTP_${res.status}`);
      } catch (e) {
        code = `NETWORK_${(e as any)?.cause?.code ?? 'ERROR'}`;
      }
      const ms = performance.now() - t0;
      const key = `${fn}.${action}`;
      s.calls++;
      if (code) s.errors.set(`${key} ${code}`, (s.errors.get(`${key} ${code}`) ?? 0) + 1);
      else (s.lat.get(key) ?? s.lat.set(key, []).get(key)!).push(ms);
      return body;
    };

    const residentStep = async (s: Stats, p: { openid: string; unitId: string }) => {
      const r = Math.random();
      if (r < 0.7) return call(s, p.openid, 'tickets', 'listMine', {});
      if (r < 0.9) {
        const out = await call(s, p.openid, 'tickets', 'create', {
          type: 'repair',
          category: 'plumbing_electric',
          description: '压测：卫生间灯不亮',
          location: { kind: 'home', unitId: p.unitId },
          contactPhone: '13900000000',
          subscribed: [],
          clientRequestId: `bench-load-${p.openid}-${++seq}`,
        });
        if (out?.ok && ticketIds.length < 500) ticketIds.push(out.data.ticketId);
        return out;
      }
      return call(s, p.openid, 'announcements', 'feed', {});
    };
    const staffStep = async (s: Stats, openid: string) => {
      const r = Math.random();
      if (r < 0.3) return call(s, openid, 'tickets', 'queueCounts', {});
      if (r < 0.7 || ticketIds.length === 0) return call(s, openid, 'tickets', 'listQueue', { queue: openid.includes('eng') ? 'pool' : 'open' });
      return call(s, openid, 'tickets', 'get', { ticketId: ticketIds[Math.floor(Math.random() * ticketIds.length)] });
    };

    /**
     * Everyone calls for `seconds`. Without `rate`, back to back; with it, each person starts a
     * call at exponentially spaced moments averaging `rate` calls/s for all together (a call
     * still running when the next is due delays it: one tap at a time, as a person).
     */
    const run = async (seconds: number, res: typeof people, st: string[], rate = 0) => {
      const s: Stats = { lat: new Map(), errors: new Map(), calls: 0 };
      const end = Date.now() + seconds * 1000;
      const t0 = performance.now();
      const meanGapMs = rate > 0 ? ((res.length + st.length) / rate) * 1000 : 0;
      const gap = () => (meanGapMs ? -Math.log(1 - Math.random()) * meanGapMs : 0);
      const person = async (step: () => Promise<unknown>) => {
        let next = Date.now() + gap();
        while (next < end) {
          if (next > Date.now()) await sleep(next - Date.now());
          await step();
          next = Math.max(next + gap(), Date.now());
        }
      };
      await Promise.all([...res.map((p) => person(() => residentStep(s, p))), ...st.map((o) => person(() => staffStep(s, o)))]);
      return { s, seconds: (performance.now() - t0) / 1000 };
    };

    const rssStart = rssKb(child.pid!);
    console.log(`bench:load — ${residents} residents + ${staff.length} staff for ${SECONDS} s; server pid ${child.pid}, RSS at start ${mb(rssStart)}; load average ${load()}`);

    // One person alone, same mix (a resident, then a staff member), for the single-client p50.
    const single = await run(SINGLE_SECONDS / 2, [people[0]], []);
    const singleStaff = await run(SINGLE_SECONDS / 2, [], [staff[0] ?? STAFF[0]]);
    const singleP50 = new Map<string, number>();
    for (const x of [single.s, singleStaff.s]) for (const [k, v] of x.lat) singleP50.set(k, pct(v, 50));
    const singleRate = (single.s.calls + singleStaff.s.calls) / (single.seconds + singleStaff.seconds);

    const report = async (title: string, rate: number) => {
      const loadBefore = load();
      const cpu0 = cpuSeconds(child.pid!);
      const { s, seconds } = await run(SECONDS, people, staff, rate);
      const cpuRun = cpuSeconds(child.pid!) - cpu0;
      const loadAfter = load();
      const rows = [...s.lat.entries()].sort((a, b) => b[1].length - a[1].length);
      const all = rows.flatMap(([, v]) => v);
      console.log(`\n${title}\n\n| action | calls | p50 ms | p95 ms | p99 ms | single-client p50 ms | p95 / single p50 |`);
      console.log(`|---|---:|---:|---:|---:|---:|---:|`);
      for (const [k, v] of rows) {
        const sp = singleP50.get(k);
        console.log(
          `| ${k} | ${v.length} | ${pct(v, 50).toFixed(0)} | ${pct(v, 95).toFixed(0)} | ${pct(v, 99).toFixed(0)} | ${sp ? sp.toFixed(0) : '–'} | ${sp ? (pct(v, 95) / sp).toFixed(1) + '×' : '–'} |`,
        );
      }
      console.log(`| all | ${all.length} | ${pct(all, 50).toFixed(0)} | ${pct(all, 95).toFixed(0)} | ${pct(all, 99).toFixed(0)} | | |`);
      const limited = [...s.errors.entries()].filter(([k]) => k.endsWith(' RATE_LIMITED'));
      const other = [...s.errors.entries()].filter(([k]) => !k.endsWith(' RATE_LIMITED'));
      console.log(`\nthroughput: ${(s.calls / seconds).toFixed(1)} calls/s mixed with ${USERS} people (one client alone: ${singleRate.toFixed(1)} calls/s)`);
      console.log(
        `errors: ${other.length ? other.map(([k, n]) => `${k} ×${n}`).join(', ') : 'none'}; RATE_LIMITED: ${limited.length ? limited.map(([k, n]) => `${k} ×${n}`).join(', ') : 'none'}`,
      );
      console.log(
        `server CPU: ${cpuRun.toFixed(1)} s in ${seconds.toFixed(1)} s (${(cpuRun / seconds).toFixed(2)} cores), ${((cpuRun * 1000) / Math.max(1, s.calls)).toFixed(1)} ms per call — the figure other load on the machine moves least`,
      );
      console.log(`load average (1/5/15 min): before the run ${loadBefore}, at its end ${loadAfter}`);
    };

    await report(`back to back (${USERS} people, no think time, ${SECONDS} s): saturation`, 0);
    const rssEnd = rssKb(child.pid!);
    if (PACED_RATE > 0) await report(`paced (${USERS} people offering ${PACED_RATE} calls/s together, Poisson, ${SECONDS} s)`, PACED_RATE);

    console.log(`\nwaiting ${IDLE_S} s idle…`);
    await sleep(IDLE_S * 1000);
    const rssIdle = rssKb(child.pid!);
    const back = ((rssIdle - rssStart) / rssStart) * 100;
    console.log(`server RSS: start ${mb(rssStart)}, end of run ${mb(rssEnd)}, after ${IDLE_S} s idle ${mb(rssIdle)} (${back >= 0 ? '+' : ''}${back.toFixed(0)} % of start)`);
    const health = (await (await fetch(`${url}/api/dev/health`)).json()) as any;
    if (health?.ok === false) console.log('health check failed');
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
