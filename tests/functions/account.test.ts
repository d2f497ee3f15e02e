import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';

let lc: LocalCloudBase;
const OTHER = 'cm-other';
beforeAll(async () => {
  lc = await startLocal({ seed: true });
  // A second community with its own staff and resident, to prove nobody crosses over.
  const e = lc.server.ctx.engine;
  e.insert('communities', [{ _id: OTHER, name: '枫林苑', hotline: '021-00000000' }]);
  e.insert('units', [{ _id: 'u-x-1', communityId: OTHER, building: '9栋', unitNo: '1单元', room: '101', label: '9栋1单元101', ownerName: '外人', ownerPhone: '13900000999' }]);
  e.insert('staff', [
    {
      _id: 'st-x-desk',
      openid: 'o-x-desk',
      communityId: OTHER,
      name: '外小区客服',
      phone: '15800000099',
      roles: ['desk', 'admin'],
      active: true,
      onDuty: true,
      createdAt: new Date(),
    },
  ]);
  e.insert('memberships', [
    {
      _id: 'm-x-pending',
      openid: 'o-x-res',
      unitId: 'u-x-1',
      communityId: OTHER,
      name: '外人',
      phone: '13900000999',
      relation: 'tenant',
      status: 'pending',
      requestKey: 'x',
      createdAt: new Date(),
    },
  ]);
});
afterAll(() => lc.stop());

const call = (action: string, data: unknown, openid: string) => lc.call('account', action, data, openid);
const rid = () => `req-${Math.random().toString(36).slice(2, 12)}`;

describe('me', () => {
  test('a resident sees their homes with labels and their community', async () => {
    const r = await call('me', {}, 'o-resident-01');
    expect(r.ok).toBe(true);
    expect(r.data.homes).toHaveLength(1);
    expect(r.data.homes[0]).toMatchObject({ label: '1栋1单元101', relation: 'owner', status: 'approved', communityName: '翠湖花园' });
    expect(r.data.community).toEqual({ _id: 'cm-cuihu', name: '翠湖花园', hotline: '021-62880000' });
    expect(r.data.staff).toBeNull();
  });
  test('a newcomer has no home and no community', async () => {
    const r = await call('me', {}, 'o-newcomer-01');
    expect(r.data).toEqual({ openid: 'o-newcomer-01', homes: [], staff: null, community: null, staffCommunities: [] });
  });
  test('staff see their staff record', async () => {
    const r = await call('me', {}, 'o-staff-desk');
    expect(r.data.staff).toMatchObject({ name: '王敏', roles: ['desk'], communityName: '翠湖花园', onDuty: true });
  });
});

describe('listUnits', () => {
  test('lists 60 units in order and never leaks the owner registry', async () => {
    const r = await call('listUnits', { communityId: 'cm-cuihu' }, 'o-newcomer-01');
    expect(r.data).toHaveLength(60);
    expect(r.data[0].label).toBe('1栋1单元101');
    expect(JSON.stringify(r.data)).not.toMatch(/ownerName|ownerPhone/);
    const b2 = await call('listUnits', { communityId: 'cm-cuihu', building: '2栋' }, 'o-newcomer-01');
    expect(b2.data).toHaveLength(20);
    expect(b2.data.every((u: any) => u.building === '2栋')).toBe(true);
  });
});

describe('requestBinding', () => {
  test('an owner matching the registry is approved at once', async () => {
    const units = (await call('listUnits', { communityId: 'cm-cuihu', building: '3栋' }, 'o-newcomer-01')).data;
    const unit = units.find((u: any) => u.room === '502');
    const owner = lc.server.ctx.engine.getById('units', unit._id)!;
    const r = await call('requestBinding', { unitId: unit._id, name: owner.ownerName, phone: owner.ownerPhone, relation: 'owner', clientRequestId: rid() }, 'o-auto-owner');
    expect(r.ok).toBe(true);
    expect(r.data.status).toBe('approved');
    expect((await call('me', {}, 'o-auto-owner')).data.homes[0].status).toBe('approved');
  });

  test('a double tap or retry with the same client request id creates exactly one request', async () => {
    const before = await lc.db.collection('memberships').where({ openid: 'o-double' }).count();
    const clientRequestId = rid();
    const req = { unitId: 'u-2-1-301', name: '钱多', phone: '13700000033', relation: 'tenant', clientRequestId };
    const results = await Promise.all(Array.from({ length: 8 }, () => call('requestBinding', req, 'o-double')));
    expect(results.every((r) => r.ok && r.data.status === 'pending')).toBe(true);
    expect(new Set(results.map((r) => r.data.membershipId)).size).toBe(1);
    const after = await lc.db.collection('memberships').where({ openid: 'o-double' }).count();
    expect(after.total - before.total).toBe(1);
  });

  test('asking again for a home that is pending is a conflict; bad input changes nothing', async () => {
    const r = await call('requestBinding', { unitId: 'u-2-1-301', name: '钱多', phone: '13700000033', relation: 'tenant', clientRequestId: rid() }, 'o-double');
    expect(r.error.code).toBe('CONFLICT');
    const total = (await lc.db.collection('memberships').count()).total;
    const bad = await call('requestBinding', { unitId: 'u-2-1-301', name: '钱多', phone: '12345', relation: 'tenant', clientRequestId: rid() }, 'o-bad');
    expect(bad.error.code).toBe('INVALID_INPUT');
    expect(bad.error.message).toBe('请输入 11 位手机号');
    const missing = await call('requestBinding', { unitId: 'u-nope', name: '钱多', phone: '13700000033', relation: 'tenant', clientRequestId: rid() }, 'o-bad');
    expect(missing.error.code).toBe('NOT_FOUND');
    expect((await lc.db.collection('memberships').count()).total).toBe(total);
  });
});

describe('binding review', () => {
  test('desk lists pending requests of its own community only, paginated', async () => {
    const page = await call('listBindingRequests', { pageSize: 1 }, 'o-staff-desk');
    expect(page.ok).toBe(true);
    expect(page.data.items).toHaveLength(1);
    expect(page.data.total).toBeGreaterThanOrEqual(2);
    expect(page.data.nextCursor).toBe('1');
    const all = await call('listBindingRequests', { pageSize: 50 }, 'o-staff-desk');
    expect(all.data.items.every((i: any) => i.communityId === 'cm-cuihu' && i.status === 'pending')).toBe(true);
    expect(all.data.items.map((i: any) => i.membershipId)).not.toContain('m-x-pending');
  });

  test('desk approves; the resident then sees the home as bound; a second decision conflicts', async () => {
    const pending = (await call('listBindingRequests', {}, 'o-staff-desk')).data.items.find((i: any) => i.name === '钱多多');
    const r = await call('decideBinding', { membershipId: pending.membershipId, approve: true }, 'o-staff-desk');
    expect(r.data.status).toBe('approved');
    const me = await call('me', {}, 'o-pending-01');
    expect(me.data.homes[0].status).toBe('approved');
    const again = await call('decideBinding', { membershipId: pending.membershipId, approve: false, reason: '重复' }, 'o-staff-admin');
    expect(again.error.code).toBe('CONFLICT');
  });

  test('two staff deciding at once: exactly one wins', async () => {
    const req = await call('requestBinding', { unitId: 'u-3-2-101', name: '并发', phone: '13700000077', relation: 'tenant', clientRequestId: rid() }, 'o-race');
    const [a, b] = await Promise.all([
      call('decideBinding', { membershipId: req.data.membershipId, approve: true }, 'o-staff-desk'),
      call('decideBinding', { membershipId: req.data.membershipId, approve: false, reason: '信息不符' }, 'o-staff-admin'),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
  });

  test('rejecting needs a reason', async () => {
    const req = await call('requestBinding', { unitId: 'u-3-2-102', name: '无因', phone: '13700000078', relation: 'family', clientRequestId: rid() }, 'o-noreason');
    const r = await call('decideBinding', { membershipId: req.data.membershipId, approve: false }, 'o-staff-desk');
    expect(r.error.code).toBe('INVALID_INPUT');
  });
});

describe('households', () => {
  test('an owner sees the household; another household cannot', async () => {
    const mine = await call('householdMembers', { unitId: 'u-1-1-101' }, 'o-resident-01');
    expect(mine.data.map((m: any) => m.name).sort()).toEqual(['张伟', '张小雨'].sort());
    // The family member's phone is masked for the owner: the last 4 digits only.
    expect(mine.data.find((m: any) => m.name === '张小雨').phoneMasked).toBe('*******0001');
    const other = await call('householdMembers', { unitId: 'u-1-1-101' }, 'o-resident-02');
    expect(other.error.code).toBe('FORBIDDEN');
  });

  test('an owner approves a family member of their own unit, and removes them', async () => {
    const req = await call('requestBinding', { unitId: 'u-1-1-101', name: '张二', phone: '13600000009', relation: 'family', clientRequestId: rid() }, 'o-zhang-2');
    expect(req.data.status).toBe('pending');
    const notOwner = await call('decideBinding', { membershipId: req.data.membershipId, approve: true }, 'o-family-01');
    expect(notOwner.error.code).toBe('FORBIDDEN');
    const ok = await call('decideBinding', { membershipId: req.data.membershipId, approve: true }, 'o-resident-01');
    expect(ok.data.status).toBe('approved');
    const byStranger = await call('removeMember', { membershipId: req.data.membershipId }, 'o-resident-02');
    expect(byStranger.error.code).toBe('FORBIDDEN');
    const removed = await call('removeMember', { membershipId: req.data.membershipId }, 'o-resident-01');
    expect(removed.data).toEqual({ removed: true });
    expect((await call('me', {}, 'o-zhang-2')).data.homes).toEqual([]);
  });
});

describe('staff invites', () => {
  test('admin invites; the code works once, even when redeemed twice at once', async () => {
    const inv = await call('createInvite', { roles: ['engineer'] }, 'o-staff-admin');
    expect(inv.data.code).toMatch(/^[A-Z2-9]{8}$/);
    const [a, b] = await Promise.all([
      call('redeemInvite', { code: inv.data.code, name: '新工程师', phone: '15800000123' }, 'o-new-eng'),
      call('redeemInvite', { code: inv.data.code, name: '抢码人', phone: '15800000124' }, 'o-thief'),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const winner = a.ok ? 'o-new-eng' : 'o-thief';
    const me = await call('me', {}, winner);
    expect(me.data.staff.roles).toEqual(['engineer']);
    const staffCount = (
      await lc.db
        .collection('staff')
        .where({ openid: lc.db.command.in(['o-new-eng', 'o-thief']) })
        .count()
    ).total;
    expect(staffCount).toBe(1);
  });

  test('admin changes roles and deactivates; cannot lock themselves out', async () => {
    const list = await call('listStaff', {}, 'o-staff-admin');
    expect(list.data.every((s: any) => s.communityId === 'cm-cuihu')).toBe(true);
    const sec = list.data.find((s: any) => s.name === '陈刚');
    const upd = await call('updateStaff', { staffId: sec.staffId, roles: ['security', 'desk'] }, 'o-staff-admin');
    expect(upd.data.roles).toEqual(['security', 'desk']);
    const self = list.data.find((s: any) => s.name === '周婷');
    expect((await call('updateStaff', { staffId: self.staffId, active: false }, 'o-staff-admin')).error.code).toBe('CONFLICT');
    const otherCommunity = await call('updateStaff', { staffId: 'st-x-desk', active: false }, 'o-staff-admin');
    expect(otherCommunity.error.code).toBe('NOT_FOUND');
  });

  test('on-duty is set by staff themselves', async () => {
    const r = await call('setOnDuty', { onDuty: false }, 'o-staff-eng1');
    expect(r.data.onDuty).toBe(false);
    expect((await call('setOnDuty', { onDuty: true }, 'o-resident-01')).error.code).toBe('FORBIDDEN');
  });
});

describe('authorization matrix', () => {
  // For every action: who is refused. Residents never reach staff actions; staff of one
  // community never reach another's data; callers without identity are refused.
  const staffOnly: [string, unknown][] = [
    ['listBindingRequests', {}],
    ['createInvite', { roles: ['desk'] }],
    ['listStaff', {}],
    ['updateStaff', { staffId: 'st-staff-sec', active: false }],
  ];
  test.each(staffOnly)('residents and engineers are refused %s', async (action, data) => {
    for (const who of ['o-resident-01', 'o-newcomer-01', 'o-staff-eng1']) {
      const r = await call(action, data, who);
      expect(r.error?.code).toBe('FORBIDDEN');
    }
  });

  test('desk cannot manage staff; admin of another community sees none of ours', async () => {
    expect((await call('createInvite', { roles: ['desk'] }, 'o-staff-desk')).error.code).toBe('FORBIDDEN');
    const foreign = await call('listBindingRequests', { pageSize: 50 }, 'o-x-desk');
    expect(foreign.data.items.map((i: any) => i.membershipId)).toEqual(['m-x-pending']);
    const decide = await call('decideBinding', { membershipId: 'm-seed-30', approve: true }, 'o-x-desk');
    expect(decide.error.code).toBe('NOT_FOUND');
  });

  test('newcomers (no home) are refused resident actions', async () => {
    expect((await call('householdMembers', { unitId: 'u-1-1-101' }, 'o-newcomer-01')).error.code).toBe('FORBIDDEN');
    expect((await call('removeMember', { membershipId: 'm-seed-20' }, 'o-newcomer-01')).error.code).toBe('FORBIDDEN');
  });

  test('a call without an end-user identity (function-to-function) is refused every account action', async () => {
    const valid: [string, unknown][] = [
      ['me', {}],
      ['listUnits', { communityId: 'cm-cuihu' }],
      ['requestBinding', { unitId: 'u-1-1-101', name: '某人', phone: '13700000000', relation: 'owner', clientRequestId: rid() }],
      ['listBindingRequests', {}],
      ['createInvite', { roles: ['desk'] }],
    ];
    for (const [action, data] of valid) {
      const res = await lc.app.callFunction({ name: 'account', data: { action, data } });
      expect((res.result as any).error.code).toBe('UNAUTHENTICATED');
    }
  });
});
