import { startLocal, type LocalCloudBase } from '../helpers/local-cloudbase';
import { BINDING_UNDO_EXPIRED, BINDING_UNDO_FORBIDDEN } from '../../src/domain/membership';

/** Issue #12 绑定审核: waiting times, who lives there, history, and undo of an approval — through the real account function. */
let lc: LocalCloudBase;
const A = (action: string, data: unknown, openid: string) => lc.call('account', action, data, openid);
const rid = () => `req-${Math.random().toString(36).slice(2, 12)}`;
const advance = (ms: number) => lc.dev('/api/dev/clock', { body: { advanceMs: ms } });
const MIN = 60_000;
const HOUR = 60 * MIN;
const ask = async (openid: string, unitId: string, name: string, phone: string, relation = 'tenant') => {
  const r = await A('requestBinding', { unitId, name, phone, relation, clientRequestId: rid() }, openid);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data.membershipId as string;
};
const pending = async (openid = 'o-staff-desk') => (await A('listBindingRequests', { status: 'pending', pageSize: 50 }, openid)).data.items;
const history = async (openid = 'o-staff-desk') => (await A('bindingHistory', { pageSize: 50 }, openid)).data.items;

beforeAll(async () => {
  lc = await startLocal({ seed: true });
  await lc.dev('/api/dev/clock', { body: { set: '2026-11-28T02:00:00.000Z', frozen: true } });
  // A second desk member of the same community, and a desk member of another community.
  const staff = (openid: string, communityId: string, name: string) => ({
    _id: `st-${openid}`,
    openid,
    communityId,
    name,
    phone: '13800009999',
    roles: ['desk'],
    active: true,
    onDuty: true,
    createdAt: new Date(),
  });
  await lc.db.collection('communities').add({ _id: 'cm-other', name: '东湖小区', hotline: '021-00000000' });
  await lc.db.collection('staff').add(staff('o-desk-2', 'cm-cuihu', '孙丽'));
  await lc.db.collection('staff').add(staff('o-other-desk', 'cm-other', '外区客服'));
});
afterAll(() => lc.stop());

describe('pending requests: waiting time and who already lives there', () => {
  test('each request says how long it has waited (≥ 24 h is long), and lists the flat’s current household with masked phones', async () => {
    const old = await ask('o-newcomer-01', 'u-1-1-101', '孙悦', '13912340001');
    await advance(25 * HOUR);
    const fresh = await ask('o-x-fresh', 'u-2-1-102', '周新', '13912340002');
    await advance(5 * MIN);
    const items = await pending();
    const a = items.find((i: any) => i.membershipId === old);
    const b = items.find((i: any) => i.membershipId === fresh);
    expect(a.wait).toEqual({ minutes: 25 * 60 + 5, text: '已等待 1 天 1 小时', long: true });
    expect(b.wait).toEqual({ minutes: 5, text: '已等待 5 分钟', long: false });
    // 1栋1单元101: the owner and a family member; phones show their last 4 digits only.
    expect(a.household.map((m: any) => [m.relation, m.phoneMasked.slice(0, 7)])).toEqual([
      ['owner', '*******'],
      ['family', '*******'],
    ]);
    expect(a.household[1]).toMatchObject({ name: '张小雨', phoneMasked: '*******0001' });
    expect(JSON.stringify(a.household)).not.toMatch(/1\d{10}/);
    expect(b.household.map((m: any) => m.relation)).toEqual(['owner']);
    // Staff of another community see none of it; residents cannot ask.
    expect((await pending('o-other-desk')).map((i: any) => i.membershipId)).not.toContain(old);
    expect((await A('listBindingRequests', { status: 'pending' }, 'o-resident-01')).error.code).toBe('FORBIDDEN');
  });
});

describe('history and undo', () => {
  test('approved and refused requests appear with who decided and when; the approver can undo within 10 minutes, and the resident is told', async () => {
    const ok = await ask('o-h-1', 'u-1-1-202', '钱一', '13912340011');
    const no = await ask('o-h-2', 'u-1-1-402', '钱二', '13912340012');
    expect((await A('decideBinding', { membershipId: ok, approve: true }, 'o-staff-desk')).ok).toBe(true);
    await advance(MIN);
    expect((await A('decideBinding', { membershipId: no, approve: false, reason: '房号与实际不符，请核对后重新申请' }, 'o-desk-2')).ok).toBe(true);
    const h = await history();
    const approved = h.find((i: any) => i.membershipId === ok);
    const refused = h.find((i: any) => i.membershipId === no);
    expect(approved).toMatchObject({ status: 'approved', decidedByLabel: '王敏' });
    expect(new Date(approved.undoUntil).getTime() - new Date(approved.decidedAt).getTime()).toBe(10 * MIN);
    expect(refused).toMatchObject({ status: 'rejected', decidedByLabel: '孙丽', reason: '房号与实际不符，请核对后重新申请' });
    expect(refused.undoUntil).toBeUndefined();
    // Newest decision first; seeded registry approvals are labelled as such.
    expect(h.findIndex((i: any) => i.membershipId === no)).toBeLessThan(h.findIndex((i: any) => i.membershipId === ok));
    expect(h.find((i: any) => i.membershipId === 'm-seed-0').decidedByLabel).toBe('业主登记自动通过');
    // Only the approver or a supervisor is offered the undo.
    expect((await history('o-desk-2')).find((i: any) => i.membershipId === ok).undoUntil).toBeUndefined();
    expect((await history('o-staff-sup')).find((i: any) => i.membershipId === ok).undoUntil).toBeDefined();
    expect((await A('bindingHistory', {}, 'o-staff-eng1')).error.code).toBe('FORBIDDEN');
    expect((await history('o-other-desk')).map((i: any) => i.membershipId)).not.toContain(ok);

    // The home is bound...
    expect((await A('me', {}, 'o-h-1')).data.homes.map((x: any) => x.status)).toEqual(['approved']);
    await advance(8 * MIN);
    const undone = await A('undoBindingApproval', { membershipId: ok }, 'o-staff-desk');
    expect(undone.ok).toBe(true);
    expect(undone.data.status).toBe('pending');
    // ...and is pending again: back in the queue, not bound, told through the message centre.
    expect((await pending()).map((i: any) => i.membershipId)).toContain(ok);
    expect((await A('me', {}, 'o-h-1')).data.homes.filter((x: any) => x.status === 'approved')).toHaveLength(0);
    const told = (await lc.db.collection('messages').where({ openid: 'o-h-1', kind: 'binding' }).get()).data;
    expect(told.map((m: any) => m.title)).toEqual(['房屋绑定审核已撤回']);
    expect((await lc.db.collection('audit_log').where({ target: ok, action: 'binding.approval-undone' }).count()).total).toBe(1);
    // A second tap changes nothing and tells nobody twice.
    expect((await A('undoBindingApproval', { membershipId: ok }, 'o-staff-desk')).error.code).toBe('CONFLICT');
    expect((await lc.db.collection('messages').where({ openid: 'o-h-1', kind: 'binding' }).count()).total).toBe(1);
    // Decided again (refused this time), as usual.
    expect((await A('decideBinding', { membershipId: ok, approve: false, reason: '重复申请' }, 'o-staff-desk')).data.status).toBe('rejected');
  });

  test('attacks: another desk member, another community, an engineer or a resident cannot undo; after 10 minutes nobody can', async () => {
    const m = await ask('o-h-3', 'u-1-2-201', '钱三', '13912340013');
    expect((await A('decideBinding', { membershipId: m, approve: true }, 'o-staff-desk')).ok).toBe(true);
    const other = await A('undoBindingApproval', { membershipId: m }, 'o-desk-2');
    expect(other.error).toEqual({ code: 'FORBIDDEN', message: BINDING_UNDO_FORBIDDEN });
    expect((await A('undoBindingApproval', { membershipId: m }, 'o-other-desk')).error.code).toBe('NOT_FOUND');
    expect((await A('undoBindingApproval', { membershipId: m }, 'o-staff-eng1')).error.code).toBe('FORBIDDEN');
    expect((await A('undoBindingApproval', { membershipId: m }, 'o-h-3')).error.code).toBe('FORBIDDEN');
    expect((await A('undoBindingApproval', { membershipId: 'm-does-not-exist' }, 'o-staff-desk')).error.code).toBe('NOT_FOUND');
    await advance(10 * MIN + 1000);
    const late = await A('undoBindingApproval', { membershipId: m }, 'o-staff-desk');
    expect(late.error).toEqual({ code: 'CONFLICT', message: BINDING_UNDO_EXPIRED });
    expect((await A('undoBindingApproval', { membershipId: m }, 'o-staff-sup')).error.code).toBe('CONFLICT');
    expect((await history()).find((i: any) => i.membershipId === m).undoUntil).toBeUndefined();
    expect((await A('me', {}, 'o-h-3')).data.homes.map((x: any) => x.status)).toEqual(['approved']);
    // An approval by the owner registry is not undone here (撤销绑定 with a reason is the way).
    expect((await A('undoBindingApproval', { membershipId: 'm-seed-1' }, 'o-staff-sup')).error.code).toBe('CONFLICT');
  });

  test('a supervisor undoes another’s approval in time; an owner approval that cleared the unit’s flag puts the flag back', async () => {
    const m = await ask('o-h-4', 'u-2-2-202', '钱四', '13912340014', 'owner');
    await lc.db
      .collection('units')
      .doc('u-2-2-202')
      .update({ bindingFlag: { at: new Date('2026-11-28T00:00:00Z'), misses: 5, reason: 'owner-claim-misses' } });
    expect((await A('decideBinding', { membershipId: m, approve: true }, 'o-staff-desk')).ok).toBe(true);
    expect(lc.server.ctx.engine.getById('units', 'u-2-2-202')!.bindingFlag).toBeUndefined();
    expect((await A('undoBindingApproval', { membershipId: m }, 'o-staff-sup')).data.status).toBe('pending');
    expect(lc.server.ctx.engine.getById('units', 'u-2-2-202')!.bindingFlag).toMatchObject({ misses: 5 });
    expect((await pending()).find((i: any) => i.membershipId === m).unitFlag).toMatchObject({ misses: 5 });
  });
});
