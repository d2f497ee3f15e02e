import { canAutoApprove, canDecideBinding, canRemoveMember, inviteCodeFrom, maskPhone } from '../../src/domain/membership';
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
  test('invite codes are normalised to upper case', () => {
    const r = accountInputs.redeemInvite.parse({ code: 'abcd2345', name: '新人', phone: '13800000000' });
    expect(r.code).toBe('ABCD2345');
  });
});
