/**
 * Issue #9, account and rate limits: each attack performed through the H5 gateway (and the
 * real SDK for what it wrote), failing cleanly, while the legitimate use still works.
 */
import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';
import { enforce, giveBack, take, used } from '../../cloudfunctions/_lib/rate-limit';

let lc: LocalCloudBase;
const OTHER = 'cm-other-sec';
const START = '2026-03-02T02:00:00.000Z'; // 10:00 北京时间

beforeAll(async () => {
  lc = await startLocal({ seed: true });
  await lc.dev('/api/dev/clock', { body: { set: START, frozen: true } });
  const e = lc.server.ctx.engine;
  e.insert('communities', [{ _id: OTHER, name: '枫林苑', hotline: '021-00000000' }]);
  // Attackers who rent a home elsewhere in the community (residents may delete their own pending requests).
  const tenancy = (openid: string, unitId: string) => ({
    _id: `m-ten-${openid}`,
    openid,
    unitId,
    communityId: 'cm-cuihu',
    name: '租客',
    phone: '13700009999',
    relation: 'tenant',
    status: 'approved',
    requestKey: `${openid}:seed`,
    createdAt: new Date(START),
  });
  e.insert('memberships', [tenancy('o-guesser-1', 'u-3-2-501'), tenancy('o-real-owner-102', 'u-3-2-502'), tenancy('o-hijacker', 'u-3-2-401'), tenancy('o-noreg', 'u-3-2-402')]);
  e.insert('staff', [
    {
      _id: 'st-o-desk',
      openid: 'o-other-desk',
      communityId: OTHER,
      name: '外小区客服',
      phone: '15800000099',
      roles: ['desk', 'admin'],
      active: true,
      onDuty: true,
      createdAt: new Date(),
    },
  ]);
});
afterAll(() => lc.stop());

const call = (action: string, data: unknown, openid: string) => lc.call('account', action, data, openid);
const advance = (ms: number) => lc.dev('/api/dev/clock', { body: { advanceMs: ms } });
let seq = 0;
const rid = () => `sec-${++seq}-${Math.random().toString(36).slice(2, 10)}`;
const registry = (unitId: string) => {
  const u = lc.server.ctx.engine.getById('units', unitId)!;
  return { name: u.ownerName as string, phone: u.ownerPhone as string };
};
/** A wrong number that differs from the owner's in its last digit. */
const wrong = (phone: string, k = 1) => phone.slice(0, 10) + String((Number(phone[10]) + k) % 10);
const claim = (unitId: string, name: string, phone: string, openid: string, clientRequestId = rid()) =>
  call('requestBinding', { unitId, name, phone, relation: 'owner', clientRequestId }, openid);
/** What the person reads in 消息 (through the inbox function), by what it is about. */
const TITLES: Record<string, string[]> = { 'owner-claim': ['有人申请成为您房屋的业主'], 'membership-revoked': ['房屋绑定已被撤销', '家庭成员绑定已被撤销'] };
const noticesOf = async (openid: string, kind: string) => {
  const r = await lc.call('inbox', 'list', { box: 'personal', pageSize: 50 }, openid);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return (r.data.items as any[]).filter((i) => i.kind === 'binding' && TITLES[kind].includes(i.title)).map((i) => ({ ...i, text: i.body }));
};
const unitDoc = (unitId: string) => lc.server.ctx.engine.getById('units', unitId)!;

describe('guessing the owner of a home', () => {
  // u-1-1-202 is owned (approved) by o-resident-02.
  const UNIT = 'u-1-1-202';

  test('three wrong guesses, each deleted and retried; the fourth — even right — waits for the desk, and the unit is flagged', async () => {
    const { name, phone } = registry(UNIT);
    for (let k = 1; k <= 3; k++) {
      const r = await claim(UNIT, name, wrong(phone, k), 'o-guesser-1');
      expect(r.data).toMatchObject({ status: 'pending' });
      // Delete the pending request to guess again: the counter must survive this.
      expect((await call('removeMember', { membershipId: r.data.membershipId }, 'o-guesser-1')).data).toEqual({ removed: true });
    }
    const right = await claim(UNIT, name, phone, 'o-guesser-1');
    expect(right.ok).toBe(true);
    expect(right.data.status).toBe('pending');
    const homes = (await call('me', {}, 'o-guesser-1')).data.homes;
    expect(homes.find((h: any) => h.unitId === UNIT).status).toBe('pending');

    expect(unitDoc(UNIT).bindingFlag).toMatchObject({ misses: 3 });
    const review = (await call('listBindingRequests', { pageSize: 50 }, 'o-staff-desk')).data.items.find((i: any) => i.unitId === UNIT);
    expect(review).toMatchObject({ name, review: 'too-many-misses', unitFlag: { misses: 3 } });
  });

  test('the registered owner is told of every owner claim on their home, once per claim', async () => {
    const notes = await noticesOf('o-resident-02', 'owner-claim');
    expect(notes).toHaveLength(4);
    expect(notes.every((n) => /以业主身份申请绑定您的房屋 1栋1单元202/.test(n.text))).toBe(true);
    // Neither the guesser's phone nor the owner's is spelled out: the last 4 digits only.
    expect(notes.some((n) => /\d{11}/.test(n.text))).toBe(false);
    // A retried call (same client request id) adds no second notice.
    const { name, phone } = registry('u-1-1-202');
    const id = rid();
    const a = await claim(UNIT, name, wrong(phone), 'o-guesser-2', id);
    const b = await claim(UNIT, name, wrong(phone), 'o-guesser-2', id);
    expect(b.data.membershipId).toBe(a.data.membershipId);
    expect(await noticesOf('o-resident-02', 'owner-claim')).toHaveLength(5);
  });

  test('five misses a day on one unit, by five people, send the sixth — the real owner too — to the desk; next day the registry works again', async () => {
    // u-1-1-102 has no owner bound yet.
    const U = 'u-1-1-102';
    const { name, phone } = registry(U);
    for (let k = 1; k <= 5; k++) expect((await claim(U, name, wrong(phone, k), `o-crowd-${k}`)).data.status).toBe('pending');
    const owner = await claim(U, name, phone, 'o-real-owner-102');
    expect(owner.data.status).toBe('pending');
    expect(unitDoc(U).bindingFlag).toMatchObject({ misses: 5 });
    await call('removeMember', { membershipId: owner.data.membershipId }, 'o-real-owner-102');
    await advance(24 * 3600_000);
    const nextDay = await claim(U, name, phone, 'o-real-owner-102');
    expect(nextDay.data.status).toBe('approved');
    expect((await lc.call('tickets', 'listMine', {}, 'o-real-owner-102')).ok).toBe(true);
  });

  test('a unit without a registry entry: owner claims wait for the desk and spend no guess', async () => {
    lc.server.ctx.engine.insert('units', [{ _id: 'u-noreg', communityId: 'cm-cuihu', building: '9栋', unitNo: '1单元', room: '101', label: '9栋1单元101' }]);
    for (let k = 1; k <= 4; k++) {
      const r = await claim('u-noreg', '某业主', '13900000001', 'o-noreg');
      expect(r.data.status).toBe('pending');
      await call('removeMember', { membershipId: r.data.membershipId }, 'o-noreg');
    }
    expect(unitDoc('u-noreg').bindingFlag).toBeUndefined();
  });

  test('a masked phone cannot be fed into the match', async () => {
    const { name, phone } = registry('u-1-1-201');
    const r = await claim('u-1-1-201', name, `*******${phone.slice(7)}`, 'o-masker');
    expect(r.error.code).toBe('INVALID_INPUT');
  });

  test('household members see the last 4 digits of other phones only; each their own in full', async () => {
    const members = (await call('householdMembers', { unitId: 'u-1-1-101' }, 'o-family-01')).data;
    const owner = members.find((m: any) => m.relation === 'owner');
    expect(owner.phoneMasked).toBe(`*******${registry('u-1-1-101').phone.slice(7)}`);
    expect(members.find((m: any) => m.relation === 'family').phoneMasked).toBe('13600000001');
    expect(JSON.stringify(members)).not.toContain(registry('u-1-1-101').phone);
  });
});

describe('a hijacked home is taken back', () => {
  // u-1-1-402 is owned by o-resident-03; the hijacker has guessed the owner's details.
  const UNIT = 'u-1-1-402';
  let hijack: any;
  let ownersTicket: string;

  test('the hijacker is approved by the registry, and the owner is told at once', async () => {
    const { name, phone } = registry(UNIT);
    hijack = (await claim(UNIT, name, phone, 'o-hijacker')).data;
    expect(hijack.status).toBe('approved');
    expect((await lc.call('ping', 'whoami', {}, 'o-hijacker')).data.homes).toContainEqual({ unitId: UNIT, relation: 'owner' });
    // The home's tickets, with the owner's contact phone, are now open to the hijacker.
    const t = await lc.call(
      'tickets',
      'create',
      { type: 'repair', category: 'plumbing_electric', description: '厨房下水堵塞', location: { kind: 'home', unitId: UNIT }, contactPhone: '13900000333', clientRequestId: rid() },
      'o-resident-03',
    );
    ownersTicket = t.data.ticketId;
    expect((await lc.call('tickets', 'listMine', {}, 'o-hijacker')).data.items.map((i: any) => i.ticketId)).toContain(ownersTicket);
    const notes = await noticesOf('o-resident-03', 'owner-claim');
    expect(notes).toHaveLength(1);
    expect(notes[0].text).toContain('已按业主登记信息自动通过');
  });

  test('only desk or admin of the community may revoke, and only with a reason', async () => {
    expect((await call('revokeMembership', { membershipId: hijack.membershipId, reason: '冒名' }, 'o-resident-03')).error.code).toBe('FORBIDDEN');
    expect((await call('revokeMembership', { membershipId: hijack.membershipId, reason: '冒名' }, 'o-staff-eng1')).error.code).toBe('FORBIDDEN');
    expect((await call('revokeMembership', { membershipId: hijack.membershipId, reason: '冒名' }, 'o-other-desk')).error.code).toBe('NOT_FOUND');
    const noReason = await call('revokeMembership', { membershipId: hijack.membershipId, reason: ' ' }, 'o-staff-desk');
    expect(noReason.error).toMatchObject({ code: 'INVALID_INPUT', message: '请填写撤销原因' });
    expect((await call('me', {}, 'o-hijacker')).data.homes.find((h: any) => h.unitId === UNIT).status).toBe('approved');
  });

  test('the desk revokes it with a reason: the household is told, the hijacker loses the home', async () => {
    const r = await call('revokeMembership', { membershipId: hijack.membershipId, reason: '业主本人到前台核实，非本人申请' }, 'o-staff-desk');
    expect(r.data).toMatchObject({ status: 'removed', reason: '业主本人到前台核实，非本人申请' });
    expect((await call('me', {}, 'o-hijacker')).data.homes.map((h: any) => h.unitId)).toEqual(['u-3-2-401']);
    expect((await lc.call('ping', 'whoami', {}, 'o-hijacker')).data.homes).toEqual([{ unitId: 'u-3-2-401', relation: 'tenant' }]);
    expect((await lc.call('tickets', 'listMine', {}, 'o-hijacker')).data.items.map((i: any) => i.ticketId)).not.toContain(ownersTicket);
    expect((await lc.call('tickets', 'get', { ticketId: ownersTicket }, 'o-hijacker')).error.code).toBe('NOT_FOUND');
    expect((await lc.call('tickets', 'get', { ticketId: ownersTicket }, 'o-resident-03')).ok).toBe(true);
    const toHijacker = await noticesOf('o-hijacker', 'membership-revoked');
    const toOwner = await noticesOf('o-resident-03', 'membership-revoked');
    expect(toHijacker).toHaveLength(1);
    expect(toOwner).toHaveLength(1);
    expect(toOwner[0].text).toContain('业主本人到前台核实');
    const log = (await lc.db.collection('audit_log').where({ action: 'binding.revoked', target: hijack.membershipId }).get()).data as any[];
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ actor: 'o-staff-desk', detail: { reason: '业主本人到前台核实，非本人申请', from: 'approved' } });
    // Revoking twice is a clean conflict, and notifies nobody again.
    expect((await call('revokeMembership', { membershipId: hijack.membershipId, reason: '再次撤销' }, 'o-staff-admin')).error.code).toBe('CONFLICT');
    expect(await noticesOf('o-hijacker', 'membership-revoked')).toHaveLength(1);
  });

  test('the removed claimant cannot come back through the registry, even after deleting a request', async () => {
    const { name, phone } = registry(UNIT);
    const again = await claim(UNIT, name, phone, 'o-hijacker');
    expect(again.data.status).toBe('pending');
    await call('removeMember', { membershipId: again.data.membershipId }, 'o-hijacker');
    const third = await claim(UNIT, name, phone, 'o-hijacker');
    expect(third.data.status).toBe('pending');
    const item = (await call('listBindingRequests', { pageSize: 50 }, 'o-staff-desk')).data.items.find((i: any) => i.membershipId === third.data.membershipId);
    expect(item.review).toBe('barred');
  });

  test('a pending request can be revoked too; a refused owner claimant is barred as well', async () => {
    const pending = await call('requestBinding', { unitId: 'u-3-1-101', name: '某租客', phone: '13700001111', relation: 'tenant', clientRequestId: rid() }, 'o-pend-rev');
    const rv = await call('revokeMembership', { membershipId: pending.data.membershipId, reason: '重复申请' }, 'o-staff-admin');
    expect(rv.data.status).toBe('removed');
    const { name, phone } = registry('u-3-1-102');
    const wrongClaim = await claim('u-3-1-102', name, wrong(phone), 'o-refused');
    expect((await call('decideBinding', { membershipId: wrongClaim.data.membershipId, approve: false, reason: '信息不符' }, 'o-staff-desk')).data.status).toBe('rejected');
    expect((await claim('u-3-1-102', name, phone, 'o-refused')).data.status).toBe('pending');
    // Someone leaving a home of their own accord is not barred.
    const { name: n2, phone: p2 } = registry('u-3-1-201');
    const mine = await claim('u-3-1-201', n2, p2, 'o-leaver');
    expect(mine.data.status).toBe('approved');
    await call('removeMember', { membershipId: mine.data.membershipId }, 'o-leaver');
    expect((await claim('u-3-1-201', n2, p2, 'o-leaver')).data.status).toBe('approved');
  });
});

describe('binding review shows no full phone unless the desk needs it', () => {
  test('phoneMasked is masked; the whole number is only on pending requests, as `phone`', async () => {
    const req = await call('requestBinding', { unitId: 'u-3-1-301', name: '被拒', phone: '13700004444', relation: 'family', clientRequestId: rid() }, 'o-to-reject');
    await call('decideBinding', { membershipId: req.data.membershipId, approve: false, reason: '非本户家属' }, 'o-staff-desk');
    const pending = (await call('listBindingRequests', { pageSize: 50 }, 'o-staff-desk')).data.items;
    expect(pending.length).toBeGreaterThan(0);
    for (const i of pending) {
      expect(i.phoneMasked).toMatch(/^\*{7}\d{4}$/);
      expect(i.phone).toMatch(/^1\d{10}$/);
    }
    for (const status of ['approved', 'rejected', 'removed']) {
      const items = (await call('listBindingRequests', { status, pageSize: 50 }, 'o-staff-desk')).data.items;
      expect(items.length).toBeGreaterThan(0);
      expect(JSON.stringify(items)).not.toMatch(/1\d{10}/);
    }
  });
});

describe('staff of two communities', () => {
  /** A call naming the community it acts in (the request envelope's `communityId`). */
  const callIn = async (action: string, data: unknown, openid: string, communityId: string) =>
    (
      await fetch(`${lc.url}/api/functions/account`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
        body: JSON.stringify({ action, data, communityId }),
      })
    ).json() as Promise<any>;

  test('an invite of a second community makes a second staff record with its own roles; the same community twice is refused', async () => {
    const e = lc.server.ctx.engine;
    const invite = (code: string) => ({
      _id: code,
      communityId: OTHER,
      roles: ['desk'],
      note: '',
      createdBy: 'o-other-desk',
      createdAt: new Date(START),
      expiresAt: new Date(Date.parse(START) + 7 * 86400_000),
    });
    e.insert('invites', [invite('OTHRCODE'), invite('OTHRCOD2')]);
    const r = await call('redeemInvite', { code: 'OTHRCODE', name: '王敏', phone: '15800000000' }, 'o-staff-desk');
    expect(r.data).toMatchObject({ communityId: OTHER, roles: ['desk'] });
    expect((await callIn('me', {}, 'o-staff-desk', 'cm-cuihu')).data.staff.communityId).toBe('cm-cuihu');
    const there = await callIn('me', {}, 'o-staff-desk', OTHER);
    expect(there.data.staff).toMatchObject({ communityId: OTHER, communityName: '枫林苑' });
    expect(there.data.staffCommunities.map((c: any) => c.communityId).sort()).toEqual(['cm-cuihu', OTHER].sort());
    const again = await call('redeemInvite', { code: 'OTHRCOD2', name: '王敏', phone: '15800000000' }, 'o-staff-desk');
    expect(again.error).toMatchObject({ code: 'CONFLICT', message: '您已是该小区的员工' });
  });

  test('a person with two records acts in the community chosen, never in one they are not staff of', async () => {
    const e = lc.server.ctx.engine;
    e.insert('staff', [
      { _id: 'st-dual-a', openid: 'o-dual', communityId: 'cm-cuihu', name: '双重', phone: '15800000555', roles: ['desk'], active: true, onDuty: false, createdAt: new Date(START) },
      {
        _id: 'st-dual-b',
        openid: 'o-dual',
        communityId: OTHER,
        name: '双重',
        phone: '15800000555',
        roles: ['admin'],
        active: true,
        onDuty: false,
        createdAt: new Date(Date.parse(START) + 1000),
      },
    ]);
    expect((await call('me', {}, 'o-dual')).data.staff.communityId).toBe('cm-cuihu');
    // Roles are per community: admin in 枫林苑 only.
    expect((await callIn('listStaff', {}, 'o-dual', 'cm-cuihu')).error.code).toBe('FORBIDDEN');
    const staffThere = await callIn('listStaff', {}, 'o-dual', OTHER);
    expect(staffThere.data.every((s: any) => s.communityId === OTHER)).toBe(true);
    const forbidden = await callIn('me', {}, 'o-dual', 'cm-nowhere');
    expect(forbidden.error).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'community-not-staff' } });
    // Stopped there: choosing it is refused.
    await lc.db.collection('staff').doc('st-dual-b').update({ active: false });
    expect((await callIn('me', {}, 'o-dual', OTHER)).error.code).toBe('FORBIDDEN');
    expect((await call('me', {}, 'o-dual')).data.staff.communityId).toBe('cm-cuihu');
  });
});

describe('rate limits', () => {
  test('guessing invite codes: 5 tries per 10 minutes, then RATE_LIMITED with a retryAfter', async () => {
    for (let k = 0; k < 5; k++) {
      expect((await call('redeemInvite', { code: `ZZZZZZ${'ABCDE'[k]}2`, name: '猜码', phone: '15800000321' }, 'o-code-guesser')).error.code).toBe('NOT_FOUND');
    }
    const limited = await call('redeemInvite', { code: 'ZZZZZZF2', name: '猜码', phone: '15800000321' }, 'o-code-guesser');
    expect(limited.error.code).toBe('RATE_LIMITED');
    expect(limited.error.message).toMatch(/^操作过于频繁，请 \d+ (秒|分钟)后再试$/);
    expect(limited.error.details.retryAfterSec).toBeGreaterThan(0);
    expect(limited.error.details.retryAfterSec).toBeLessThanOrEqual(600);
    await advance(limited.error.details.retryAfterSec * 1000);
    expect((await call('redeemInvite', { code: 'ZZZZZZG2', name: '猜码', phone: '15800000321' }, 'o-code-guesser')).error.code).toBe('NOT_FOUND');
  });

  test('binding requests: 10 per 10 minutes per person; others are unaffected', async () => {
    const rooms = ['101', '102', '201', '202', '301', '302', '401', '402', '501', '502', '101'];
    const results = [];
    for (let k = 0; k < 11; k++) {
      results.push(
        await call('requestBinding', { unitId: `u-2-${k < 10 ? 2 : 1}-${rooms[k]}`, name: '批量', phone: '13700002222', relation: 'tenant', clientRequestId: rid() }, 'o-binder'),
      );
    }
    expect(results.slice(0, 10).every((r) => r.ok)).toBe(true);
    expect(results[10].error.code).toBe('RATE_LIMITED');
    expect((await call('requestBinding', { unitId: 'u-2-1-101', name: '别人', phone: '13700003333', relation: 'tenant', clientRequestId: rid() }, 'o-someone-else')).ok).toBe(true);
  });

  test('every write has a default per-person limit (60 a minute); reads take no counter', async () => {
    // One after another, as a tapping person or a script would (61 at once would only measure cold starts).
    const res = [];
    for (let k = 0; k < 61; k++) res.push(await call('subscribe', { templateIds: ['TPL_NOTICE'] }, 'o-tapper'));
    expect(res.slice(0, 60).every((r) => r.ok)).toBe(true);
    const limited = res[60];
    expect(limited.error.code).toBe('RATE_LIMITED');
    expect(limited.error.details.retryAfterSec).toBeLessThanOrEqual(60);
    // Another person, and the same person's reads, are unaffected.
    expect((await call('subscribe', { templateIds: ['TPL_NOTICE'] }, 'o-other-tapper')).ok).toBe(true);
    expect((await call('subscriptions', {}, 'o-tapper')).ok).toBe(true);
    await advance(60_000);
    expect((await call('subscribe', { templateIds: ['TPL_NOTICE'] }, 'o-tapper')).ok).toBe(true);
    // Reads never write a counter (no extra round trip); writes of other functions do.
    await call('me', {}, 'o-reader');
    await lc.call('tickets', 'listMine', {}, 'o-resident-01');
    const scopes = (await lc.db.collection('rate_limits').limit(1000).get()).data.map((d: any) => d.scope);
    expect(scopes).toEqual(expect.arrayContaining(['account.subscribe', 'account.redeemInvite', 'account.requestBinding', 'account.removeMember']));
    expect(scopes.filter((s: string) => s === 'account.me' || s === 'tickets.listMine')).toEqual([]);
    await lc.call('tickets', 'act', { action: 'confirm', ticketId: 'nope' }, 'o-resident-01');
    const t = (await lc.db.collection('rate_limits').where({ scope: 'tickets.act', key: 'o-resident-01' }).get()).data;
    expect(t.length).toBeGreaterThan(0);
  });

  test('counters are atomic under concurrency through the real SDK: 30 racing takes of a limit of 10 pass exactly 10', async () => {
    const now = new Date(START);
    const spec = { limit: 10, windowSec: 600 };
    const results = await Promise.all(Array.from({ length: 30 }, () => take(lc.db as any, 'test.race', 'k1', spec, now)));
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(results.filter((r) => !r.ok).every((r) => r.retryAfterSec! > 0 && r.retryAfterSec! <= 600)).toBe(true);
    expect(await used(lc.db as any, 'test.race', 'k1', spec, now)).toBe(10);
    await giveBack(lc.db as any, 'test.race', 'k1', spec, now);
    expect((await take(lc.db as any, 'test.race', 'k1', spec, now)).ok).toBe(true);
    expect((await take(lc.db as any, 'test.race', 'k1', spec, now)).ok).toBe(false);
    // A day window ends at 北京时间 midnight: from 10:00 that is 14 hours away.
    expect(await take(lc.db as any, 'test.day', 'k1', { limit: 1, windowSec: 86400 }, now)).toEqual({ ok: true });
    expect(await take(lc.db as any, 'test.day', 'k1', { limit: 1, windowSec: 86400 }, now)).toEqual({ ok: false, retryAfterSec: 14 * 3600 });
    // The next Beijing day is a new window.
    expect((await take(lc.db as any, 'test.day', 'k1', { limit: 1, windowSec: 86400 }, new Date(Date.parse(START) + 14 * 3600_000))).ok).toBe(true);
    expect(await take(lc.db as any, 'test.never', 'k1', { limit: 0, windowSec: 60 }, now)).toEqual({ ok: false, retryAfterSec: 60 });
  });

  test('several limits are one counter document: racing takes pass exactly the tightest, a refusal counts in none, each window ends on its own', async () => {
    const now = new Date(START);
    const specs = [
      { limit: 5, windowSec: 600 },
      { limit: 8, windowSec: 86400 },
    ];
    const go = (at: Date) =>
      enforce(lc.db as any, 'test.multi', 'k1', specs, at).then(
        () => 'ok',
        (e) => `${e.code} ${e.details?.retryAfterSec}`,
      );
    const raced = await Promise.all(Array.from({ length: 12 }, () => go(now)));
    expect(raced.filter((r) => r === 'ok')).toHaveLength(5);
    expect(raced.filter((r) => r !== 'ok')).toEqual(Array(7).fill('RATE_LIMITED 600'));
    expect((await lc.db.collection('rate_limits').where({ scope: 'test.multi' }).get()).data).toHaveLength(1);
    // The next ten minutes: 3 more fit the day (the refusals above were not counted), then the day refuses until 北京时间 midnight.
    const later = new Date(Date.parse(START) + 600_000);
    expect(await Promise.all([go(later), go(later), go(later)])).toEqual(['ok', 'ok', 'ok']);
    expect(await go(later)).toBe(`RATE_LIMITED ${14 * 3600 - 600}`);
    // Another key is unaffected; a zero limit refuses at once.
    expect(await enforce(lc.db as any, 'test.multi', 'k2', specs, now)).toBeUndefined();
    await expect(enforce(lc.db as any, 'test.multi', 'k3', [{ limit: 0, windowSec: 60 }, ...specs], now)).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      details: { retryAfterSec: 60 },
    });
  });
});
