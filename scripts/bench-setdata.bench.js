/**
 * How much each list page of the compiled mini-program sends through setData as it grows (issue
 * #18). Prints figures and the budgets; asserts nothing about time. Run by `npm run bench:setdata`
 * (scripts/bench-setdata.ts), which starts the local CloudBase with 100 items made through the
 * functions and sets BENCH_BACKEND/BENCH_OPENID: `wx.cloud.callFunction` then goes to its gateway
 * as that person. Without BENCH_BACKEND (`npm run bench:setdata -- --fixtures`) a fixture double
 * answers: items in the contract shapes of tests/weapp/fixtures.js.
 *
 * Renders dist/weapp pages with miniprogram-simulate (tests/weapp/harness.js), loads the first page
 * of 20 items, then pages on (the page's onReachBottom, as a scroll to the bottom does) to 100.
 * Every setData of every component (the page, Taro's `comp`/`custom-wrapper`) is recorded as bytes
 * of JSON. Every item's text carries 「（第 k 条）」, which is how items on screen are counted.
 *
 * BENCH_PAGES=pages/service/index,staff/tickets/index picks pages (by route or name); a page
 * whose route is not in dist/weapp/app.json (e.g. the inbox before it lands) is skipped.
 * BENCH_DEBUG=1 prints every setData (phase, bytes, first keys) to see what a large one carries.
 * The figures are byte counts: they do not vary with machine load.
 * Build first: NODE_ENV=production npx taro build --type weapp
 */
const fs = require('node:fs');
const path = require('node:path');
const { createHarness, DIST } = require('../tests/weapp/harness');
const { COMMUNITY, home, staff, summary } = require('../tests/weapp/fixtures');

const TOTAL = 100;
const PAGE = 20;
const BUDGET = { append: 32 * 1024, single: 64 * 1024, nodes: 1500 };

const DESCRIPTIONS = [
  '厨房水龙头一直滴水，关紧了也不行',
  '卫生间地漏返臭，晚上尤其明显',
  '楼道灯不亮已经三天了',
  '楼上装修噪音，中午也在施工',
  '电梯按钮失灵，按了没反应',
  '门禁卡刷不开单元门',
];
const pad = (i) => String(i + 1).padStart(4, '0');
const ticketItem = (i) =>
  summary({
    ticketId: `t-${pad(i)}`,
    no: `BX-20261128-${pad(i)}`,
    description: `${DESCRIPTIONS[i % DESCRIPTIONS.length]}（第 ${i + 1} 条）`,
    emergency: i % 7 === 0,
    assigneeName: i % 3 ? '李强' : undefined,
    createdAt: new Date(Date.UTC(2026, 10, 28, 1, 12) - i * 3600_000).toISOString(),
  });
const noticeItem = (i) => ({
  announcementId: `an-${pad(i)}`,
  type: i % 2 ? 'water' : 'general',
  typeLabel: i % 2 ? '停水' : '通知',
  title: `${i % 2 ? '1栋停水通知' : '小区消防演练'}（第 ${i + 1} 条）`,
  summary: i % 2 ? '二次供水水箱清洗消毒，请提前储水' : '周六上午消防演练，请勿惊慌',
  body: '因二次供水水箱年度清洗消毒，届时1栋将暂停供水，请提前储水。',
  status: 'published',
  statusLabel: '已发布',
  scope: i % 2 ? { kind: 'buildings', buildings: ['1栋'] } : { kind: 'community' },
  scopeLabel: i % 2 ? '1栋' : '全小区',
  pinned: i === 0,
  images: [],
  attachments: [],
  interruption: i % 2 ? { reason: '二次供水水箱清洗消毒', startAt: '2026-11-29T01:00:00.000Z', endAt: '2026-11-29T07:00:00.000Z' } : undefined,
  publishAt: '2026-11-28T01:30:00.000Z',
  publishedAt: new Date(Date.UTC(2026, 10, 28, 1, 30) - i * 3600_000).toISOString(),
  updatedAt: '2026-11-28T01:30:00.000Z',
  revised: false,
  communityName: COMMUNITY.name,
  read: i % 3 === 0,
});
// The inbox (branch `inbox`): src/domain/inbox.ts InboxItem.
const inboxItem = (i) => ({
  id: `m-${pad(i)}`,
  box: 'personal',
  kind: 'progress',
  kindLabel: '工单进度',
  tone: 'info',
  title: `您的报修有新进展（第 ${i + 1} 条）`,
  body: '维修师傅李强已接单，预计 30 分钟内到场。',
  at: new Date(Date.UTC(2026, 10, 28, 1, 12) - i * 3600_000).toISOString(),
  read: i % 3 === 0,
  target: { kind: 'ticket', id: `t-${pad(i)}` },
});

/** Answers a cursor-paged list action from `make(i)`, 20 a page, 100 in all. */
const paged =
  (make, extra = {}) =>
  (data = {}) => {
    const from = data.cursor ? Number(data.cursor) : 0;
    const size = Math.min(data.pageSize || PAGE, PAGE);
    const items = Array.from({ length: Math.max(0, Math.min(size, TOTAL - from)) }, (_, k) => make(from + k));
    const next = from + items.length;
    return { items, total: TOTAL, ...(next < TOTAL ? { nextCursor: String(next) } : {}), ...extra };
  };

/** The list pages measured (the first of `routes` that dist/weapp has). */
const PAGES = [
  { name: '服务 (my requests)', routes: ['pages/service/index'] },
  { name: '工单 queue (staff)', routes: ['staff/tickets/index'] },
  { name: '社区通知 (notices)', routes: ['pages/notices/index'] },
  { name: '消息 (inbox)', routes: ['pages/inbox/index', 'staff/inbox/index', 'inbox/index'] },
];
const shown = (comp) => (comp.dom.textContent.match(/（第 \d+ 条）/g) || []).length;

const answers = {
  // A supervisor who also lives in the community: sees both the resident and the staff lists.
  me: { openid: 'o-res-1', homes: [home()], staff: staff(['supervisor']), community: COMMUNITY },
  listMine: paged(ticketItem),
  listQueue: paged(ticketItem),
  queueCounts: { assigned: TOTAL, pool: 0, overdue: 0, dueSoon: 0, open: TOTAL, mine: TOTAL, all: TOTAL },
  'announcements.feed': paged(noticeItem, { unread: 33 }),
  'inbox.list': paged(inboxItem, { unread: 33 }),
  'inbox.unread': { personal: 33, alerts: 0, total: 33 },
};

const app = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8'));
const routes = new Set([...(app.pages || []), ...(app.subPackages || app.subpackages || []).flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))]);
const wanted = (process.env.BENCH_PAGES || '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);

/** Every setData of every component instance, in order. */
const calls = [];
let phase = 'idle';
function recordSetData() {
  const inner = global.Component;
  global.Component = (options) => {
    const created = options.lifetimes?.created || options.created;
    const lifetimes = {
      ...(options.lifetimes || {}),
      created() {
        const original = this.setData;
        const who = options.is || 'component';
        this.setData = function (data, cb) {
          const bytes = Buffer.byteLength(JSON.stringify(data));
          calls.push({ phase, who, bytes });
          if (process.env.BENCH_DEBUG) process.stdout.write(`${phase} ${who} ${bytes} ${Object.keys(data).slice(0, 4).join(' ')}\n`);
          return original.call(this, data, cb);
        };
        if (created) return created.apply(this, arguments);
      },
    };
    return inner({ ...options, lifetimes });
  };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const results = [];

/** POSTs a call to the local CloudBase's gateway as BENCH_OPENID (what wx.cloud.callFunction does). */
function viaGateway({ name, data }) {
  const http = require('node:http');
  const body = JSON.stringify(data);
  return new Promise((done, fail) => {
    const req = http.request(
      `${process.env.BENCH_BACKEND}/api/functions/${name}`,
      { method: 'POST', headers: { 'content-type': 'application/json', 'x-wx-openid': process.env.BENCH_OPENID, 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          try {
            done({ result: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
          } catch (e) {
            fail(e);
          }
        });
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

let h;
beforeAll(() => {
  h = createHarness({ answers });
  if (process.env.BENCH_BACKEND) h.wx.cloud.callFunction.mockImplementation(viaGateway);
  recordSetData();
});

afterAll(() => {
  const out = [];
  const backend = process.env.BENCH_BACKEND ? `local CloudBase ${process.env.BENCH_BACKEND} as ${process.env.BENCH_OPENID}` : 'fixture double of the backend';
  out.push(`\nsetData per list page (dist/weapp, miniprogram-simulate, ${backend}; bytes of JSON)`);
  out.push(`budgets: appending ${PAGE} items ≤ ${kb(BUDGET.append)} whatever the length, no single setData > ${kb(BUDGET.single)}, ${TOTAL} items < ${BUDGET.nodes} WXML nodes\n`);
  out.push(
    `| page | route | first screen (${PAGE}) | each append of ${PAGE} (→ ${Array.from({ length: TOTAL / PAGE - 1 }, (_, k) => (k + 2) * PAGE).join(' / ')}) | largest single setData | nodes at ${PAGE} | nodes at ${TOTAL} | within budget |`,
  );
  out.push('|---|---|---|---|---|---|---|---|');
  results.sort((a, b) => a.order - b.order);
  for (const r of results) {
    if (r.skipped) {
      out.push(`| ${r.name} | — | skipped: ${r.skipped} | | | | | |`);
      continue;
    }
    const ok = r.maxAppend <= BUDGET.append && r.maxSingle <= BUDGET.single && r.nodes100 < BUDGET.nodes;
    out.push(
      `| ${r.name} | \`${r.route}\` | ${kb(r.first)} | ${r.appends.map((a) => (a / 1024).toFixed(1)).join(' / ')} KB | ${kb(r.maxSingle)} | ${r.nodes20.toLocaleString('en')} | ${r.nodes100.toLocaleString('en')} | ${ok ? 'yes' : 'NO'} |`,
    );
  }
  process.stdout.write(out.join('\n') + '\n\n');
});

const quiet = async (ms = 150) => {
  let n = -1;
  while (n !== calls.length) {
    n = calls.length;
    await h.sleep(ms);
  }
};
async function until(ok, comp, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`the list did not grow; ${shown(comp)} items on screen: ${comp.dom.textContent.slice(0, 300)}`);
    await h.sleep(50);
  }
}
const nodes = (comp) => comp.dom.querySelectorAll('*').length;
const sum = (xs) => xs.reduce((s, c) => s + c.bytes, 0);

for (const page of PAGES) {
  const selected = !wanted.length || wanted.some((w) => page.routes.includes(w) || page.name.includes(w));
  const route = page.routes.find((r) => routes.has(r));
  const run = selected && route ? it : it.skip;
  if (!selected) continue;
  if (!route) results.push({ order: PAGES.indexOf(page), name: page.name, skipped: `none of ${page.routes.join(', ')} in dist/weapp/app.json` });
  run(`${page.name}: setData while paging to ${TOTAL} items`, async () => {
    phase = `${route}:first`;
    const comp = await h.render(route, 400);
    await until(() => shown(comp) >= PAGE, comp);
    await quiet();
    const first = sum(calls.filter((c) => c.phase === phase));
    const nodes20 = nodes(comp);
    const appends = [];
    for (let count = PAGE; count < TOTAL; count += PAGE) {
      phase = `${route}:append-${count}`;
      comp.instance.onReachBottom();
      await until(() => shown(comp) >= Math.min(TOTAL, count + PAGE), comp);
      await quiet();
      appends.push(sum(calls.filter((c) => c.phase === phase)));
    }
    const mine = calls.filter((c) => c.phase.startsWith(`${route}:`));
    results.push({
      order: PAGES.indexOf(page),
      name: page.name,
      route,
      first,
      appends,
      maxAppend: Math.max(...appends),
      maxSingle: Math.max(...mine.map((c) => c.bytes)),
      nodes20,
      nodes100: nodes(comp),
    });
    // The bench measured something real: every item reached the screen, once.
    expect(shown(comp)).toBe(TOTAL);
    comp.detach();
  });
}
