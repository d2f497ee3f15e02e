import { primaryAction, residentActionLabel, resolvedNotice } from '../../src/domain/tickets/presentation';
import { metText, remainingText } from '../../src/domain/tickets/sla';
import { intakeChannel } from '../../src/domain/tickets/timeline';
import { UNBOUND_ONLY_EMERGENCY, unboundReportProblem } from '../../src/domain/tickets/report';
import { durationWords } from '../../src/domain/time';

const at = (iso: string) => new Date(iso);

describe('one primary action per bar (issue #12)', () => {
  test('a consultation the desk can dispatch, accept or answer: 答复 is the one', () => {
    expect(primaryAction(['dispatch', 'accept', 'answer', 'note'], { type: 'consultation', status: 'assigned', viewer: 'staff' })).toBe('answer');
  });
  test('a waiting repair: the desk dispatches; an engineer grabs; an assignee accepts', () => {
    expect(primaryAction(['dispatch', 'note', 'cancel'], { type: 'repair', status: 'pending', viewer: 'staff' })).toBe('dispatch');
    expect(primaryAction(['grab'], { type: 'repair', status: 'pending', viewer: 'staff' })).toBe('grab');
    expect(primaryAction(['accept', 'dispatch', 'transfer'], { type: 'repair', status: 'assigned', viewer: 'staff' })).toBe('accept');
  });
  test('work in progress: arrive, then consent (in-home), then complete; a paused ticket resumes', () => {
    expect(primaryAction(['arrive', 'consent', 'note', 'pause'], { type: 'repair', status: 'accepted', viewer: 'staff' })).toBe('arrive');
    expect(primaryAction(['consent', 'note', 'pause'], { type: 'repair', status: 'arrived', viewer: 'staff' })).toBe('consent');
    expect(primaryAction(['complete', 'note', 'pause'], { type: 'repair', status: 'arrived', viewer: 'staff' })).toBe('complete');
    expect(primaryAction(['resume', 'transfer'], { type: 'repair', status: 'paused', viewer: 'staff' })).toBe('resume');
  });
  test('residents: confirming comes first, then rating; cancel and message are never primary', () => {
    expect(primaryAction(['message', 'reopen', 'confirm'], { type: 'repair', status: 'resolved', viewer: 'resident' })).toBe('confirm');
    expect(primaryAction(['rate'], { type: 'repair', status: 'closed', viewer: 'resident' })).toBe('rate');
    expect(primaryAction(['cancel', 'message'], { type: 'repair', status: 'pending', viewer: 'resident' })).toBeNull();
  });
  test('a consultation’s resident buttons and notice speak of an answer, not a repair', () => {
    expect(['confirm', 'reopen', 'message'].map((a) => residentActionLabel(a as any, 'consultation'))).toEqual(['已解决', '继续追问', '补充说明']);
    expect(['confirm', 'reopen', 'message'].map((a) => residentActionLabel(a as any, 'repair'))).toEqual(['确认完成', '重新处理', '留言']);
    expect(resolvedNotice('consultation')).toMatch(/^物业已答复/);
    expect(resolvedNotice('repair')).toMatch(/^处理人员已完成/);
  });
});

describe('durations and met timers never read 0 分 or 超时完成', () => {
  test('durationWords', () => {
    expect(durationWords(0)).toBe('不到 1 分钟');
    expect(durationWords(59_000)).toBe('不到 1 分钟');
    expect(durationWords(-5 * 60_000)).toBe('5 分钟');
    expect(durationWords(80 * 60_000)).toBe('1 小时 20 分钟');
    expect(durationWords(120 * 60_000)).toBe('2 小时');
    expect(durationWords((2 * 1440 + 180) * 60_000)).toBe('2 天 3 小时');
    expect(durationWords(3 * 1440 * 60_000)).toBe('3 天');
  });
  test('remainingText: seconds overdue is 不到 1 分钟, never 0 分', () => {
    const d = { kind: 'accept' as const, dueAt: at('2026-11-28T02:00:00Z') };
    expect(remainingText(d, at('2026-11-28T02:00:30Z'))).toBe('已超时 不到 1 分钟');
    expect(remainingText(d, at('2026-11-28T01:40:00Z'))).toBe('剩余 20 分钟');
  });
  test('metText names the timer: a late response is 晚 … 响应, not 超时完成', () => {
    expect(metText({ kind: 'accept', dueAt: at('2026-11-28T02:00:00Z'), metAt: at('2026-11-28T02:12:00Z') })).toBe('晚 12 分钟响应');
    expect(metText({ kind: 'reply', dueAt: at('2026-11-28T02:00:00Z'), metAt: at('2026-11-28T01:00:00Z') })).toBe('按时答复');
    expect(metText({ kind: 'resolve', dueAt: at('2026-11-28T02:00:00Z'), metAt: at('2026-11-28T02:00:00Z') })).toBe('按时完成');
  });
});

describe('timeline channel', () => {
  test('only how the ticket came in is a 来电/来访; a call staff made later is not', () => {
    expect(intakeChannel('logged', 'phone')).toBe('phone');
    expect(intakeChannel('created', 'walk_in')).toBe('walk_in');
    expect(intakeChannel('callback', 'phone')).toBeNull();
    expect(intakeChannel('created', 'app')).toBeNull();
  });
});

describe('what an unbound person may report', () => {
  test('an emergency in a public area only', () => {
    expect(unboundReportProblem({ emergency: true, location: { kind: 'public' } })).toBeNull();
    expect(unboundReportProblem({ emergency: true, location: { kind: 'home' } })).toBe(UNBOUND_ONLY_EMERGENCY);
    expect(unboundReportProblem({ emergency: false, location: { kind: 'public' } })).toBe(UNBOUND_ONLY_EMERGENCY);
  });
});
