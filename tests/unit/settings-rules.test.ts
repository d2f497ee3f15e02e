import { bestDurationUnit, checkSlaDuration, durationMinutes } from '../../src/domain/limits-staff';
import { bindingWait, undoApprovalVerdict, BINDING_REJECT_REASONS } from '../../src/domain/membership';
import { callbackAssignee } from '../../src/domain/tickets/reminders';

/** Issue #12 rules: who calls back, SLA units, binding waits and who may undo an approval. */
describe('callback assignee', () => {
  test('the desk by default (nobody in person); the handler when configured: the owner, else the assignee', () => {
    expect(callbackAssignee('desk', { ownerStaffId: 'st-eng1', assigneeStaffId: 'st-eng2' })).toBeNull();
    expect(callbackAssignee('handler', { ownerStaffId: 'st-eng1', assigneeStaffId: 'st-eng2' })).toBe('st-eng1');
    expect(callbackAssignee('handler', { ownerStaffId: null, assigneeStaffId: 'st-eng2' })).toBe('st-eng2');
    expect(callbackAssignee('handler', {})).toBeNull();
  });
});

describe('SLA durations in units', () => {
  test('minutes of a whole number in a unit; the schema range and messages whatever the unit', () => {
    expect(durationMinutes('2', 'hour')).toBe(120);
    expect(durationMinutes('3', 'day')).toBe(4320);
    expect(durationMinutes('1.5', 'hour')).toBeNull();
    expect(checkSlaDuration('30', 'day', true)).toBeUndefined();
    expect(checkSlaDuration('31', 'day', true)).toBe('时限不超过 30 天');
    expect(checkSlaDuration('720', 'hour', true)).toBeUndefined();
    expect(checkSlaDuration('721', 'hour', true)).toBe('时限不超过 30 天');
    expect(checkSlaDuration('0', 'hour', true)).toBe('时限至少 1 分钟');
    expect(checkSlaDuration('', 'hour', true)).toBe('请填写时限');
    expect(checkSlaDuration('', 'hour', false)).toBeUndefined();
    expect(checkSlaDuration('1.5', 'hour', true)).toBe('请填写整数小时');
  });
  test('a stored value is shown in the unit it reads best in', () => {
    expect([40, 60, 90, 1440, 2880, 4320, 3000].map(bestDurationUnit)).toEqual(['minute', 'hour', 'minute', 'hour', 'day', 'day', 'hour']);
  });
});

describe('binding review', () => {
  const now = new Date('2026-11-28T02:00:00Z');
  test('waiting time in words; 24 h and more is long', () => {
    expect(bindingWait(now, now)).toEqual({ minutes: 0, text: '刚刚提交', long: false });
    expect(bindingWait(new Date(now.getTime() - 45 * 60_000), now).text).toBe('已等待 45 分钟');
    expect(bindingWait(new Date(now.getTime() - (23 * 60 + 59) * 60_000), now)).toMatchObject({ text: '已等待 23 小时', long: false });
    expect(bindingWait(new Date(now.getTime() - 24 * 3600_000), now)).toMatchObject({ text: '已等待 1 天', long: true });
    expect(bindingWait(new Date(now.getTime() - 50 * 3600_000), now).text).toBe('已等待 2 天 2 小时');
  });
  test('reject reasons fit the 100-character limit', () => {
    for (const r of BINDING_REJECT_REASONS) expect(r.length).toBeLessThanOrEqual(100);
  });
  test('undo: the approver or a supervisor of the community, a staff approval, within 10 minutes', () => {
    const m = { communityId: 'cm-a', status: 'approved', decidedBy: 'o-desk', decidedByStaffId: 'st-desk', decidedAt: new Date(now.getTime() - 10 * 60_000) };
    const desk = { openid: 'o-desk', staffCommunityId: 'cm-a', staffRoles: ['desk'] };
    expect(undoApprovalVerdict(desk, m, now)).toBe('ok');
    expect(undoApprovalVerdict(desk, m, new Date(now.getTime() + 1))).toBe('expired');
    expect(undoApprovalVerdict({ ...desk, openid: 'o-desk-2' }, m, now)).toBe('forbidden');
    expect(undoApprovalVerdict({ openid: 'o-sup', staffCommunityId: 'cm-a', staffRoles: ['supervisor'] }, m, now)).toBe('ok');
    expect(undoApprovalVerdict({ openid: 'o-sup', staffCommunityId: 'cm-b', staffRoles: ['supervisor'] }, m, now)).toBe('not-found');
    expect(undoApprovalVerdict({ openid: 'o-desk', staffCommunityId: null, staffRoles: [] }, m, now)).toBe('not-found');
    expect(undoApprovalVerdict(desk, { ...m, status: 'pending' }, now)).toBe('not-approved');
    // The registry's or an owner's approval is not undone here.
    expect(undoApprovalVerdict(desk, { ...m, decidedByStaffId: undefined }, now)).toBe('not-approved');
  });
});
