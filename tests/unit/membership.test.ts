import {
  barsReapplication,
  canAutoApprove,
  canDecideBinding,
  canRemoveMember,
  canRevokeMembership,
  inviteCodeFrom,
  maskPhone,
  maskPhoneTail,
  OWNER_CLAIM_LIMITS,
  ownerClaimOutcome,
} from '../../src/domain/membership';
import { accountInputs } from '../../src/domain/identity';

describe('canAutoApprove', () => {
  const unit = { ownerName: '张伟', ownerPhone: '13912345678' };
  test('an owner matching the registry', () => {
    expect(canAutoApprove(unit, { name: '张伟', phone: '13912345678', relation: 'owner' })).toBe(true);
    expect(canAutoApprove(unit, { name: ' 张伟 ', phone: '13912345678', relation: 'owner' })).toBe(true);
  });
  test('anything else waits for review', () => {
    expect(canAutoApprove(unit, { name: '张伟', phone: '13912345679', relation: 'owner' })).toBe(false);
    expect(canAutoApprove(unit, { name: '张伟', phone: '13912345678', relation: 'family' })).toBe(false);
    expect(canAutoApprove({}, { name: '张伟', phone: '13912345678', relation: 'owner' })).toBe(false);
  });
  test('a masked phone never matches, even against a registry holding the same mask', () => {
    const masked = maskPhoneTail('13912345678');
    expect(canAutoApprove({ ownerName: '张伟', ownerPhone: masked }, { name: '张伟', phone: masked, relation: 'owner' })).toBe(false);
    expect(accountInputs.requestBinding.safeParse({ unitId: 'u', name: '张伟', phone: masked, relation: 'owner', clientRequestId: 'abcdefgh' }).success).toBe(false);
  });
});

describe('owner claims', () => {
  test('limits: 3 misses per person and unit, 5 per unit and day', () => {
    expect(OWNER_CLAIM_LIMITS).toEqual({ perPersonUnit: 3, perUnitPerDay: 5 });
  });
  test('the registry approves only a match, within the limits, by someone never refused or removed', () => {
    expect(ownerClaimOutcome({ registryMatch: true, barred: false, withinLimits: true })).toEqual({ auto: true });
    expect(ownerClaimOutcome({ registryMatch: false, barred: false, withinLimits: true })).toEqual({ auto: false, review: 'registry-mismatch' });
    expect(ownerClaimOutcome({ registryMatch: true, barred: false, withinLimits: false })).toEqual({ auto: false, review: 'too-many-misses' });
    expect(ownerClaimOutcome({ registryMatch: true, barred: true, withinLimits: true })).toEqual({ auto: false, review: 'barred' });
    expect(ownerClaimOutcome({ registryMatch: false, barred: false, withinLimits: true, hasRegistry: false })).toEqual({ auto: false, review: 'no-registry' });
  });
  test('a refusal or a removal by someone else bars automatic re-approval; leaving oneself does not', () => {
    expect(barsReapplication({ status: 'rejected', by: 'desk', openid: 'a' })).toBe(true);
    expect(barsReapplication({ status: 'removed', by: 'desk', openid: 'a' })).toBe(true);
    expect(barsReapplication({ status: 'removed', by: 'owner', openid: 'a' })).toBe(true);
    expect(barsReapplication({ status: 'removed', by: 'a', openid: 'a' })).toBe(false);
  });
  test('desk and admin of the community revoke approved or pending memberships', () => {
    const t = { communityId: 'c1', status: 'approved' };
    expect(canRevokeMembership({ staffCommunityId: 'c1', staffRoles: ['desk'] }, t)).toBe(true);
    expect(canRevokeMembership({ staffCommunityId: 'c1', staffRoles: ['admin'] }, { ...t, status: 'pending' })).toBe(true);
    expect(canRevokeMembership({ staffCommunityId: 'c1', staffRoles: ['engineer', 'supervisor'] }, t)).toBe(false);
    expect(canRevokeMembership({ staffCommunityId: 'c2', staffRoles: ['desk'] }, t)).toBe(false);
    expect(canRevokeMembership({ staffCommunityId: null, staffRoles: [] }, t)).toBe(false);
    expect(canRevokeMembership({ staffCommunityId: 'c1', staffRoles: ['desk'] }, { ...t, status: 'removed' })).toBe(false);
  });
});

describe('canDecideBinding', () => {
  const target = { communityId: 'c1', unitId: 'u1', relation: 'family' as const };
  test('desk and admin of the same community', () => {
    expect(canDecideBinding({ staffCommunityId: 'c1', staffRoles: ['desk'], ownerOfUnits: [] }, target)).toBe(true);
    expect(canDecideBinding({ staffCommunityId: 'c1', staffRoles: ['admin'], ownerOfUnits: [] }, target)).toBe(true);
    expect(canDecideBinding({ staffCommunityId: 'c1', staffRoles: ['engineer'], ownerOfUnits: [] }, target)).toBe(false);
    expect(canDecideBinding({ staffCommunityId: 'c2', staffRoles: ['desk'], ownerOfUnits: [] }, target)).toBe(false);
  });
  test('an owner of the unit for family and tenants, never for another owner', () => {
    expect(canDecideBinding({ staffCommunityId: null, staffRoles: [], ownerOfUnits: ['u1'] }, target)).toBe(true);
    expect(canDecideBinding({ staffCommunityId: null, staffRoles: [], ownerOfUnits: ['u1'] }, { ...target, relation: 'owner' })).toBe(false);
    expect(canDecideBinding({ staffCommunityId: null, staffRoles: [], ownerOfUnits: ['u2'] }, target)).toBe(false);
  });
});

test('canRemoveMember: self, or an owner removing non-owners of their unit', () => {
  const t = { openid: 'b', unitId: 'u1', relation: 'tenant' as const };
  expect(canRemoveMember({ openid: 'b', ownerOfUnits: [] }, t)).toBe(true);
  expect(canRemoveMember({ openid: 'a', ownerOfUnits: ['u1'] }, t)).toBe(true);
  expect(canRemoveMember({ openid: 'a', ownerOfUnits: ['u1'] }, { ...t, relation: 'owner' })).toBe(false);
  expect(canRemoveMember({ openid: 'a', ownerOfUnits: ['u9'] }, t)).toBe(false);
});

test('maskPhone', () => {
  expect(maskPhone('13912345678')).toBe('139****5678');
  expect(maskPhone('123')).toBe('****');
});

test('maskPhoneTail shows the last 4 digits only', () => {
  expect(maskPhoneTail('13912345678')).toBe('*******5678');
  expect(maskPhoneTail('13912345678').replace(/\*/g, '')).toHaveLength(4);
  expect(maskPhoneTail('123')).toBe('****');
});

test('invite codes avoid look-alike characters', () => {
  const code = inviteCodeFrom(Uint8Array.from([0, 1, 8, 14, 23, 24, 31, 255]));
  expect(code).toHaveLength(8);
  expect(code).not.toMatch(/[01OI]/);
});

describe('account input schemas', () => {
  test('phone and name are checked with Chinese messages', () => {
    const r = accountInputs.requestBinding.safeParse({ unitId: 'u', name: '', phone: '123', relation: 'owner', clientRequestId: 'abcdefgh' });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => i.message);
    expect(messages).toEqual(expect.arrayContaining(['请输入姓名', '请输入 11 位手机号']));
  });
  test('unknown fields are refused', () => {
    expect(accountInputs.me.safeParse({ extra: 1 }).success).toBe(false);
  });
  test('revoking needs a reason', () => {
    expect(accountInputs.revokeMembership.safeParse({ membershipId: 'm1', reason: '' }).success).toBe(false);
    expect(accountInputs.revokeMembership.safeParse({ membershipId: 'm1', reason: '冒名顶替' }).success).toBe(true);
  });
  test('invite codes are normalised to upper case', () => {
    const r = accountInputs.redeemInvite.parse({ code: 'abcd2345', name: '新人', phone: '13800000000' });
    expect(r.code).toBe('ABCD2345');
  });
});
