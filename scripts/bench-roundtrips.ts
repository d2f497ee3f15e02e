/**
 * `npm run bench:roundtrips` — prints, asserts nothing. Every action a resident and each
 * staff role uses in a day, called through the H5 gateway of a fresh local CloudBase (demo
 * data and demo activity), with the database round trips and sequential steps the query
 * profiler counted (x-linli-db-calls / x-linli-db-steps), against the budgets of issue #19:
 * reads ≤ 3 round trips and ≤ 2 sequential steps; per-queue counts in one parallel step with
 * at most 2 round trips besides; writes ≤ 8 round trips. Each action is called twice and the
 * second (warm, steady-state) call is reported; a write's first call of a rate-limit window
 * also creates the window's counter (shown as "first").
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from '../emulator/server';
import { seedIfEmpty } from '../emulator/seed';
import { seedActivity } from '../emulator/seed-activity';

type Kind = 'read' | 'counts' | 'write';
interface Row {
  role: string;
  openid: string;
  fn: string;
  action: string;
  kind: Kind;
  data: (n: number) => unknown;
}

const root = resolve(__dirname, '..');
const ONLY = process.env.BENCH_ONLY; // e.g. "account,inbox"

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'linli-bench-rt-'));
  const server = await startServer({ port: 0, dataDir: dir, functionsDir: join(root, 'build/functions'), timers: false });
  seedIfEmpty(server.ctx.engine, new Date(server.ctx.clock.now()));
  await seedActivity(server);
  const call = async (openid: string, fn: string, action: string, data: unknown) => {
    const res = await fetch(`${server.url}/api/functions/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
      body: JSON.stringify({ action, data }),
    });
    const body = (await res.json()) as any;
    const p = server.ctx.runner.profiler.list({ limit: 1 })[0];
    return { body, calls: Number(res.headers.get('x-linli-db-calls')), steps: Number(res.headers.get('x-linli-db-steps')), sizes: p?.stepSizes ?? [] };
  };

  // A ticket of the resident's own, for `get`.
  const R = 'o-resident-01';
  const newTicket = (n: number) => ({
    type: 'repair',
    category: 'plumbing_electric',
    description: `卫生间灯不亮 ${n}`,
    location: { kind: 'home', unitId: 'u-1-1-101' },
    contactPhone: '13900000000',
    subscribed: [],
    clientRequestId: `bench-rt-${n}-${Date.now()}`,
  });
  const made = await call(R, 'tickets', 'create', newTicket(0));
  const ticketId = made.body.data?.ticketId;
  if (!ticketId) throw new Error(`could not create a ticket: ${JSON.stringify(made.body)}`);

  const rows: Row[] = [
    { role: 'resident', openid: R, fn: 'account', action: 'me', kind: 'read', data: () => ({}) },
    { role: 'resident', openid: R, fn: 'inbox', action: 'unread', kind: 'read', data: () => ({}) },
    { role: 'resident', openid: R, fn: 'inbox', action: 'list', kind: 'read', data: () => ({ box: 'personal' }) },
    { role: 'resident', openid: R, fn: 'announcements', action: 'feed', kind: 'read', data: () => ({}) },
    { role: 'resident', openid: R, fn: 'tickets', action: 'listMine', kind: 'read', data: () => ({}) },
    { role: 'resident', openid: R, fn: 'tickets', action: 'get', kind: 'read', data: () => ({ ticketId }) },
    { role: 'resident', openid: R, fn: 'account', action: 'householdMembers', kind: 'read', data: () => ({ unitId: 'u-1-1-101' }) },
    { role: 'resident', openid: R, fn: 'tickets', action: 'create', kind: 'write', data: (n: number) => newTicket(n) },
    { role: 'resident', openid: R, fn: 'inbox', action: 'read', kind: 'write', data: () => ({ all: true }) },
    { role: 'desk', openid: 'o-staff-desk', fn: 'account', action: 'me', kind: 'read', data: () => ({}) },
    { role: 'desk', openid: 'o-staff-desk', fn: 'inbox', action: 'unread', kind: 'read', data: () => ({}) },
    { role: 'desk', openid: 'o-staff-desk', fn: 'inbox', action: 'list', kind: 'read', data: () => ({ box: 'alerts' }) },
    { role: 'desk', openid: 'o-staff-desk', fn: 'tickets', action: 'queueCounts', kind: 'counts', data: () => ({}) },
    { role: 'desk', openid: 'o-staff-desk', fn: 'tickets', action: 'listQueue', kind: 'read', data: () => ({ queue: 'open' }) },
    { role: 'desk', openid: 'o-staff-desk', fn: 'tickets', action: 'get', kind: 'read', data: () => ({ ticketId }) },
    { role: 'desk', openid: 'o-staff-desk', fn: 'callbacks', action: 'counts', kind: 'counts', data: () => ({}) },
    { role: 'desk', openid: 'o-staff-desk', fn: 'callbacks', action: 'list', kind: 'read', data: () => ({}) },
    { role: 'desk', openid: 'o-staff-desk', fn: 'account', action: 'listBindingRequests', kind: 'read', data: () => ({}) },
    { role: 'desk', openid: 'o-staff-desk', fn: 'announcements', action: 'list', kind: 'read', data: () => ({}) },
    { role: 'engineer', openid: 'o-staff-eng1', fn: 'account', action: 'me', kind: 'read', data: () => ({}) },
    { role: 'engineer', openid: 'o-staff-eng1', fn: 'inbox', action: 'unread', kind: 'read', data: () => ({}) },
    { role: 'engineer', openid: 'o-staff-eng1', fn: 'tickets', action: 'queueCounts', kind: 'counts', data: () => ({}) },
    { role: 'engineer', openid: 'o-staff-eng1', fn: 'tickets', action: 'listQueue', kind: 'read', data: () => ({ queue: 'pool' }) },
    { role: 'engineer', openid: 'o-staff-eng1', fn: 'tickets', action: 'listQueue', kind: 'read', data: () => ({ queue: 'assigned' }) },
    { role: 'engineer', openid: 'o-staff-eng1', fn: 'tickets', action: 'get', kind: 'read', data: () => ({ ticketId }) },
    { role: 'engineer', openid: 'o-staff-eng1', fn: 'account', action: 'setOnDuty', kind: 'write', data: (n: number) => ({ onDuty: n % 2 === 0 }) },
    { role: 'supervisor', openid: 'o-staff-sup', fn: 'tickets', action: 'queueCounts', kind: 'counts', data: () => ({}) },
    { role: 'supervisor', openid: 'o-staff-sup', fn: 'callbacks', action: 'counts', kind: 'counts', data: () => ({}) },
    { role: 'supervisor', openid: 'o-staff-sup', fn: 'callbacks', action: 'list', kind: 'read', data: () => ({}) },
    { role: 'supervisor', openid: 'o-staff-sup', fn: 'announcements', action: 'list', kind: 'read', data: () => ({}) },
    { role: 'supervisor', openid: 'o-staff-sup', fn: 'inbox', action: 'unread', kind: 'read', data: () => ({}) },
    { role: 'admin', openid: 'o-staff-admin', fn: 'account', action: 'me', kind: 'read', data: () => ({}) },
    { role: 'admin', openid: 'o-staff-admin', fn: 'account', action: 'listStaff', kind: 'read', data: () => ({}) },
    { role: 'admin', openid: 'o-staff-admin', fn: 'tickets', action: 'queueCounts', kind: 'counts', data: () => ({}) },
    // The functions added after issue #19's first table: their daily reads.
    { role: 'resident', openid: R, fn: 'events', action: 'list', kind: 'read', data: () => ({}) },
    { role: 'resident', openid: R, fn: 'movein', action: 'myMovein', kind: 'read', data: () => ({}) },
    { role: 'resident', openid: R, fn: 'facilities', action: 'publicStatus', kind: 'read', data: () => ({}) },
    { role: 'desk', openid: 'o-staff-desk', fn: 'events', action: 'staffList', kind: 'read', data: () => ({}) },
    { role: 'desk', openid: 'o-staff-desk', fn: 'register', action: 'list', kind: 'read', data: () => ({}) },
    { role: 'desk', openid: 'o-staff-desk', fn: 'movein', action: 'listBatches', kind: 'read', data: () => ({}) },
    { role: 'engineer', openid: 'o-staff-eng1', fn: 'facilities', action: 'rounds', kind: 'read', data: () => ({}) },
    { role: 'engineer', openid: 'o-staff-eng1', fn: 'facilities', action: 'tasks', kind: 'read', data: () => ({}) },
    { role: 'admin', openid: 'o-staff-admin', fn: 'onboarding', action: 'me', kind: 'read', data: () => ({}) },
    { role: 'admin', openid: 'o-staff-admin', fn: 'onboarding', action: 'listCommunities', kind: 'read', data: () => ({}) },
  ].filter((r) => !ONLY || ONLY.split(',').includes(r.fn)) as Row[];

  const budget = (kind: Kind, calls: number, steps: number, sizes: number[]) => {
    if (kind === 'write') return { text: '≤ 8 calls', ok: calls <= 8 };
    if (kind === 'counts') {
      const widest = Math.max(0, ...sizes);
      return { text: 'counts in 1 step + ≤ 2', ok: calls - widest <= 2 };
    }
    return { text: '≤ 3 calls, ≤ 2 steps', ok: calls <= 3 && steps <= 2 };
  };

  const out: string[] = [];
  out.push('| role | action | kind | calls | steps | calls per step | first call | budget | within |');
  out.push('|---|---|---|---:|---:|---|---:|---|---|');
  let over = 0;
  for (const [i, r] of rows.entries()) {
    const first = await call(r.openid, r.fn, r.action, r.data(2 * i + 1));
    const warm = await call(r.openid, r.fn, r.action, r.data(2 * i + 2));
    const ok = warm.body?.ok === true;
    const b = budget(r.kind, warm.calls, warm.steps, warm.sizes);
    if (!b.ok) over++;
    out.push(
      `| ${r.role} | ${r.fn}.${r.action} | ${r.kind} | ${warm.calls} | ${warm.steps} | ${warm.sizes.join('+') || '–'} | ${first.calls} | ${b.text} | ${ok ? (b.ok ? 'yes' : '**no**') : `error ${warm.body?.error?.code}`} |`,
    );
  }
  console.log(out.join('\n'));
  console.log(
    `\n${rows.length} actions, ${over} over budget. calls = database round trips at the SDK endpoint (warm second call); steps = calls that waited for all earlier ones.`,
  );
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
