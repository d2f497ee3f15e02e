import type { Browser } from 'playwright-core';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { H5_DIR, startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';
import { launch, phone, step } from '../helpers/browser';

/**
 * Issue 9, item 2, end to end in Debian's Chromium: while a resident has the app open, a page
 * of another origin (a second little server on another loopback port) tries to write through
 * the local CloudBase from the resident's browser — a staff record through `/admin` with a
 * `text/plain` body (the one body type a cross-site page may send without asking), a `sendBeacon`,
 * and a ticket through the gateway. Nothing is written; the app itself still works.
 */
let lc: LocalCloudBase;
let browser: Browser;
let evil: Server;
let evilUrl = '';

const ATTACK_PAGE = `<!doctype html><meta charset="utf-8"><title>赢取大奖</title><p>恭喜您中奖！</p>`;

beforeAll(async () => {
  if (!existsSync(join(H5_DIR, 'index.html'))) throw new Error(`${H5_DIR} is missing: run \`npm run build:h5\` (npm test does it)`);
  lc = await startLocal({ seed: true, h5Dir: H5_DIR });
  evil = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(ATTACK_PAGE);
  });
  await new Promise<void>((r) => evil.listen(0, '127.0.0.1', () => r()));
  evilUrl = `http://127.0.0.1:${(evil.address() as AddressInfo).port}`;
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((r) => (evil ? evil.close(() => r()) : r()));
  await lc?.stop();
});

test('a page on another origin cannot write through /admin or the gateway from the resident’s browser', async () => {
  const staffBefore = (await lc.db.collection('staff').count()).total;
  const ticketsBefore = (await lc.db.collection('tickets').where({ reporterOpenid: 'o-resident-01' }).count()).total;

  const { page, context } = await phone(browser, lc.url, 'o-resident-01');
  try {
    // The resident's app is open and talks to its server.
    await step(page, 'app-open', async () => {
      const who = await page.evaluate(async () =>
        (
          await fetch('/api/functions/ping', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-wx-openid': 'o-resident-01' },
            body: JSON.stringify({ action: 'whoami' }),
          })
        ).json(),
      );
      expect(who).toMatchObject({ ok: true, data: { openid: 'o-resident-01' } });
    });

    const attacker = await context.newPage();
    await attacker.goto(evilUrl + '/');
    const attempts = await step(attacker, 'attack', () =>
      attacker.evaluate(async (target) => {
        const staffDoc = JSON.stringify({ _id: 'st-intruder', openid: 'o-intruder', name: '入侵者', roles: ['admin'], communityId: 'cm-cuihu', active: true });
        const insert = JSON.stringify({ action: 'database.insertDocument', collectionName: 'staff', data: [staffDoc], envName: 'linli-test' });
        const outcome = async (p: Promise<Response>) => {
          try {
            const r = await p;
            return r.type === 'opaque' ? 'sent (opaque)' : `status ${r.status}`;
          } catch (e) {
            return `blocked: ${(e as Error).message}`;
          }
        };
        return {
          // Simple requests: the browser sends them without a preflight; the reply is opaque.
          adminTextPlain: await outcome(fetch(`${target}/admin?env=linli-test`, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: insert })),
          adminTextPlainJsonParam: await outcome(
            fetch(`${target}/admin?env=linli-test`, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain; charset=application/json' }, body: insert }),
          ),
          adminBeacon: navigator.sendBeacon(`${target}/admin?env=linli-test`, new Blob([insert], { type: 'text/plain' })),
          gatewayTextPlain: await outcome(
            fetch(`${target}/api/functions/tickets`, {
              method: 'POST',
              mode: 'no-cors',
              headers: { 'content-type': 'text/plain' },
              body: JSON.stringify({ action: 'create', data: { type: 'complaint', description: '跨站写入' } }),
            }),
          ),
          // With the identity header it is no longer simple: the preflight is refused.
          gatewayWithIdentity: await outcome(
            fetch(`${target}/api/functions/tickets`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-wx-openid': 'o-resident-01' },
              body: JSON.stringify({ action: 'create', data: { type: 'complaint', description: '跨站写入' } }),
            }),
          ),
          // Reading the resident's data cross-origin is refused too.
          readPersonas: await outcome(fetch(`${target}/api/dev/personas`)),
        };
      }, lc.url),
    );
    expect(attempts.gatewayWithIdentity).toMatch(/^blocked/);
    expect(attempts.readPersonas).toMatch(/^blocked/);
    // Give the beacon (sent asynchronously) time to arrive before looking at the data.
    await attacker.waitForTimeout(500);
    await attacker.close();
  } finally {
    await context.close();
  }

  // Nothing was written, checked through the SDK.
  expect((await lc.db.collection('staff').where({ openid: 'o-intruder' }).count()).total).toBe(0);
  expect((await lc.db.collection('staff').count()).total).toBe(staffBefore);
  expect((await lc.db.collection('tickets').where({ reporterOpenid: 'o-resident-01' }).count()).total).toBe(ticketsBefore);
  // The intruder is nobody.
  const intruder = await lc.call('ping', 'whoami', {}, 'o-intruder');
  expect(intruder.data.staff).toBeNull();
});
