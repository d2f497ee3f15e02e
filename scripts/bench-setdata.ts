/**
 * `npm run bench:setdata` — setData sizes of the compiled list pages against the real local
 * CloudBase (issue #18). Prints figures; asserts nothing about time.
 *
 * Starts a local CloudBase with the demo community (the built function bundles, fresh data),
 * makes 100 requests for one resident and 100 published notices through the real functions, then
 * runs scripts/bench-setdata.bench.js (jest + miniprogram-simulate on dist/weapp) once per page,
 * its `wx.cloud.callFunction` answered by the local gateway as that page's persona.
 * `npm run bench:setdata -- --fixtures` runs the same pages on a fixture double instead (no backend).
 * BENCH_PAGES picks pages (routes or names, comma-separated). Build first:
 * `node scripts/build-functions.mjs && NODE_ENV=production npx taro build --type weapp`.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from '../emulator/server';
import { seedIfEmpty } from '../emulator/seed';

const root = resolve(__dirname, '..');
const TOTAL = 100;
const DESCRIPTIONS = [
  '厨房水龙头一直滴水，关紧了也不行',
  '卫生间地漏返臭，晚上尤其明显',
  '楼道灯不亮已经三天了',
  '楼上装修噪音，中午也在施工',
  '电梯按钮失灵，按了没反应',
  '门禁卡刷不开单元门',
];

function jest(env: Record<string, string>) {
  return new Promise<number>((done) => {
    const child = spawn(process.execPath, [join(root, 'node_modules/jest/bin/jest.js'), '-c', 'scripts/bench-setdata.config.js', '--silent'], {
      cwd: root,
      env: { ...process.env, NODE_OPTIONS: '', ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('exit', (code) => done(code ?? 1));
  });
}

async function main() {
  if (process.argv.includes('--fixtures')) process.exit(await jest({}));
  for (const f of ['build/functions/catalogue.json', 'dist/weapp/app.json']) {
    if (!existsSync(join(root, f))) throw new Error(`${f} is missing: node scripts/build-functions.mjs && NODE_ENV=production npx taro build --type weapp`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'linli-bench-setdata-'));
  const server = await startServer({ port: 0, dataDir, functionsDir: join(root, 'build/functions'), env: 'linli-bench', timers: false });
  try {
    seedIfEmpty(server.ctx.engine, new Date(server.ctx.clock.now()));
    const { runner, clock } = server.ctx;
    const call = async (openid: string, fn: string, action: string, data: unknown) => {
      const out = await runner.invoke(fn, { action, data }, { openid, appid: 'wx-local-appid', source: 'wx_client' });
      const res = out.ok ? (out.result as any) : null;
      if (!res?.ok) throw new Error(`bench seed: ${fn}.${action} failed: ${JSON.stringify(out.ok ? res?.error : out)}`);
      return res.data;
    };
    const t0 = Date.now();
    // Every item carries 「（第 k 条）」 so the bench can count what is on screen, whatever the order.
    for (let k = 1; k <= TOTAL; k++) {
      await call('o-resident-01', 'tickets', 'create', {
        type: 'repair',
        category: 'plumbing_electric',
        description: `${DESCRIPTIONS[k % DESCRIPTIONS.length]}（第 ${k} 条）`,
        location: { kind: 'home', unitId: 'u-1-1-101' },
        contactPhone: '13900000000',
        subscribed: [],
        clientRequestId: `bench-setdata-ticket-${k}`,
      });
      clock.advance(60_000);
    }
    for (let k = 1; k <= TOTAL; k++) {
      const n = await call('o-staff-sup', 'announcements', 'create', {
        type: 'reminder',
        title: `冬季防冻温馨提示（第 ${k} 条）`,
        summary: '请做好水管保温',
        body: '近期气温将降至零下，请关好门窗，对阳台、厨房外露水管做好保温，长时间外出请关闭总水阀。',
        clientRequestId: `bench-setdata-notice-${k}`,
      });
      await call('o-staff-sup', 'announcements', 'publish', { announcementId: n.announcementId });
      clock.advance(60_000);
    }
    // The notices reach the resident's 消息 as the broadcast timer delivers them (one message each).
    for (let run = 0; run < 50; run++) {
      const out: any = await server.scheduler.fire('announcements', 'broadcast');
      if (!out.ok || !out.result?.ok) throw new Error(`bench seed: announcements broadcast failed: ${JSON.stringify(out)}`);
      if (server.ctx.engine.count('messages', { openid: 'o-resident-01' }) >= TOTAL) break;
      clock.advance(60_000);
    }
    const inbox = server.ctx.engine.count('messages', { openid: 'o-resident-01' });
    console.log(
      `local CloudBase ${server.url}: ${TOTAL} requests of o-resident-01, ${TOTAL} notices and ${inbox} of their messages made through the functions in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );

    // One jest run per persona: the mini-program keeps who is signed in for the whole run.
    const runs = [
      { openid: 'o-resident-01', pages: 'pages/service/index,pages/notices/index,inbox' },
      { openid: 'o-staff-sup', pages: 'staff/tickets/index' },
    ];
    const wanted = (process.env.BENCH_PAGES || '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    let failed = 0;
    for (const run of runs) {
      const pages = run.pages.split(',').filter((p) => !wanted.length || wanted.includes(p));
      if (!pages.length) continue;
      failed += (await jest({ BENCH_BACKEND: server.url, BENCH_OPENID: run.openid, BENCH_PAGES: pages.join(',') })) ? 1 : 0;
    }
    if (failed) process.exitCode = 1;
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
