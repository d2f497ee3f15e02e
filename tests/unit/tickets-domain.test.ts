import { availableActions, can, nextStatus, TICKET_ACTIONS, TICKET_STATUSES, type Actor, type TicketState } from '../../src/domain/tickets/state-machine';
import { DEFAULT_SLA, deadlineState, initialDeadlines, meet, remainingText, shiftForPause } from '../../src/domain/tickets/sla';
import { DEFAULT_RULES, pickAssignee, route, ruleFor } from '../../src/domain/tickets/routing';
import { CATEGORIES, categoriesOf } from '../../src/domain/tickets/catalog';

const base: TicketState = {
  status: 'pending',
  type: 'repair',
  category: 'plumbing_electric',
  communityId: 'c1',
  department: 'engineering',
  unitId: 'u1',
  reporterOpenid: 'r1',
  assigneeStaffId: null,
  ownerStaffId: null,
  pool: true,
  rating: null,
  consent: null,
};
const resident: Actor = { kind: 'resident', openid: 'r1', unitIds: ['u1'] };
const family: Actor = { kind: 'resident', openid: 'r2', unitIds: ['u1'] };
const stranger: Actor = { kind: 'resident', openid: 'r9', unitIds: ['u9'] };
const eng = (id = 's-eng'): Actor => ({ kind: 'staff', staffId: id, communityId: 'c1', roles: ['engineer'] });
const desk: Actor = { kind: 'staff', staffId: 's-desk', communityId: 'c1', roles: ['desk'] };
const sup: Actor = { kind: 'staff', staffId: 's-sup', communityId: 'c1', roles: ['supervisor'] };
const otherCommunity: Actor = { kind: 'staff', staffId: 's-x', communityId: 'c2', roles: ['engineer', 'supervisor', 'desk', 'admin'] };

describe('state machine', () => {
  test('a pooled repair: engineers grab, the desk dispatches, the reporter may cancel', () => {
    expect(availableActions(base, eng())).toEqual(['grab']);
    expect(availableActions(base, desk)).toEqual(expect.arrayContaining(['dispatch', 'note']));
    expect(availableActions(base, resident)).toEqual(['cancel', 'message']);
    expect(availableActions(base, family)).toEqual(['message']);
    expect(availableActions(base, stranger)).toEqual([]);
    expect(availableActions(base, otherCommunity)).toEqual([]);
  });

  test('only the assignee works the ticket; the supervisor can cancel and resume', () => {
    const t = { ...base, status: 'accepted' as const, assigneeStaffId: 's-eng', pool: false };
    expect(availableActions(t, eng())).toEqual(expect.arrayContaining(['transfer', 'arrive', 'consent', 'note', 'pause']));
    // In-home work is completed only once the resident's consent (or refusal) is recorded.
    expect(availableActions(t, eng())).not.toContain('complete');
    expect(availableActions({ ...t, consent: { by: '业主', scope: '厨房' } }, eng())).toEqual(expect.arrayContaining(['complete']));
    expect(availableActions(t, eng('s-other'))).toEqual([]);
    expect(can(t, sup, 'cancel')).toBe(true);
    expect(can(t, sup, 'complete')).toBe(false);
    expect(can({ ...t, status: 'paused' }, sup, 'resume')).toBe(true);
    expect(can(t, resident, 'cancel')).toBe(false); // too late for the resident
  });

  test('resolution is confirmed, reopened or rated by the household only', () => {
    const t = { ...base, status: 'resolved' as const, assigneeStaffId: 's-eng' };
    expect(availableActions(t, resident)).toEqual(['confirm', 'reopen', 'message']);
    expect(availableActions(t, family)).toEqual(['confirm', 'reopen', 'message']);
    expect(can(t, eng(), 'confirm')).toBe(false);
    const closed = { ...t, status: 'closed' as const };
    expect(availableActions(closed, resident)).toEqual(['rate']);
    expect(availableActions({ ...closed, rating: 4 }, resident)).toEqual([]);
  });

  test('consultations are answered, not completed; only repairs have arrival', () => {
    const q = { ...base, type: 'consultation' as const, category: 'fees', department: 'desk' as const, status: 'assigned' as const, assigneeStaffId: 's-desk', pool: false };
    expect(can(q, desk, 'answer')).toBe(true);
    expect(can(q, desk, 'promise')).toBe(true);
    expect(can({ ...q, status: 'accepted' }, desk, 'complete')).toBe(false);
    expect(can({ ...q, status: 'accepted' }, desk, 'arrive')).toBe(false);
  });

  test('consent is asked once, for in-home categories only', () => {
    const t = { ...base, status: 'arrived' as const, assigneeStaffId: 's-eng' };
    expect(can(t, eng(), 'consent')).toBe(true);
    expect(can({ ...t, consent: { by: 'x' } }, eng(), 'consent')).toBe(false);
    expect(can({ ...t, category: 'public_lighting' }, eng(), 'consent')).toBe(false);
  });

  test('every action leads somewhere legal', () => {
    for (const status of TICKET_STATUSES) {
      for (const action of TICKET_ACTIONS) {
        const next = nextStatus({ ...base, status, assigneeStaffId: 's', pausedFrom: 'arrived' }, action);
        if (next !== null) expect(TICKET_STATUSES).toContain(next);
      }
    }
    expect(nextStatus({ ...base, status: 'paused', pausedFrom: 'arrived' }, 'resume')).toBe('arrived');
    expect(nextStatus({ ...base, status: 'resolved', assigneeStaffId: 's' }, 'reopen')).toBe('assigned');
  });
});

describe('service levels', () => {
  const created = new Date('2026-11-28T02:00:00Z');
  test('defaults from the service-levels document', () => {
    const d = initialDeadlines({ type: 'repair', category: 'plumbing_electric', emergency: false }, created);
    expect(d.map((x) => [x.kind, (x.dueAt.getTime() - created.getTime()) / 60000])).toEqual([
      ['accept', 30],
      ['arrive', 40],
      ['resolve', 1440],
    ]);
    const e = initialDeadlines({ type: 'repair', category: 'severe_leak', emergency: true }, created);
    expect(e.find((x) => x.kind === 'arrive')!.dueAt.getTime() - created.getTime()).toBe(15 * 60000);
    const lift = initialDeadlines({ type: 'repair', category: 'elevator_trapped', emergency: true }, created);
    expect(lift.find((x) => x.kind === 'arrive')!.dueAt.getTime() - created.getTime()).toBe(30 * 60000);
    const q = initialDeadlines({ type: 'consultation', category: 'fees', emergency: false }, created);
    expect(q.map((x) => x.kind)).toEqual(['reply']);
    const c = initialDeadlines({ type: 'complaint', category: 'noise', emergency: false }, created);
    expect(c.map((x) => [x.kind, (x.dueAt.getTime() - created.getTime()) / 3600000])).toEqual([
      ['accept', 24],
      ['resolve', 72],
    ]);
  });
  test('a chosen time window moves arrival and completion', () => {
    const window = { start: new Date('2026-11-29T01:00:00Z'), end: new Date('2026-11-29T03:00:00Z') };
    const d = initialDeadlines({ type: 'repair', category: 'doors_windows', emergency: false, window }, created);
    expect(d.find((x) => x.kind === 'arrive')!.dueAt).toEqual(window.end);
    expect(d.find((x) => x.kind === 'resolve')!.dueAt).toEqual(new Date('2026-11-30T01:00:00Z'));
  });
  test('pauses shift only running timers; states and remaining text', () => {
    const d = meet(initialDeadlines({ type: 'repair', category: 'plumbing_electric', emergency: false }, created), ['accept'], created);
    const shifted = shiftForPause(d, 3600_000);
    expect(shifted[0].dueAt).toEqual(d[0].dueAt);
    expect(shifted[2].dueAt.getTime() - d[2].dueAt.getTime()).toBe(3600_000);
    const arrive = d[1];
    expect(deadlineState(arrive, new Date(created.getTime() + 5 * 60000))).toBe('running');
    expect(deadlineState(arrive, new Date(created.getTime() + 15 * 60000))).toBe('due-soon');
    expect(deadlineState(arrive, new Date(created.getTime() + 45 * 60000))).toBe('overdue');
    expect(remainingText(arrive, new Date(created.getTime() + 45 * 60000))).toBe('已超时 5 分钟');
    expect(remainingText(d[2], created)).toBe('剩余 1 天');
    expect(DEFAULT_SLA.warnBeforeMinutes).toBe(30);
  });
});

describe('routing', () => {
  const now = new Date('2026-11-28T02:00:00Z');
  const c = (staffId: string, load: number, extra = {}) => ({ staffId, load, onDuty: true, active: true, lastAssignedAt: null, ...extra });
  test('most specific rule wins', () => {
    expect(ruleFor(DEFAULT_RULES, 'access_control').department).toBe('security');
    expect(ruleFor(DEFAULT_RULES, 'wall_leak')).toMatchObject({ department: 'engineering', mode: 'grab' });
    expect(ruleFor([], 'fees')).toMatchObject({ department: 'desk', mode: 'assign' });
  });
  test('least loaded on duty, round-robin on ties', () => {
    expect(pickAssignee([c('a', 2), c('b', 1), c('c', 0, { onDuty: false })])!.staffId).toBe('b');
    expect(pickAssignee([c('a', 1, { lastAssignedAt: new Date(2) }), c('b', 1, { lastAssignedAt: new Date(1) })])!.staffId).toBe('b');
    expect(pickAssignee([c('a', 0, { active: false })])).toBeNull();
  });
  test('modes: grab pools with a fallback time; fixed falls back when the person is off duty; emergencies skip the pool', () => {
    const grab = route({ match: '*', department: 'engineering', mode: 'grab', grabFallbackMinutes: 10 }, { category: 'x', emergency: false }, [c('a', 0)], now);
    expect(grab).toMatchObject({ assigneeStaffId: null, mode: 'grab' });
    expect(grab.grabDeadline!.getTime() - now.getTime()).toBe(600_000);
    const emergency = route({ match: '*', department: 'engineering', mode: 'grab', grabFallbackMinutes: 10 }, { category: 'x', emergency: true }, [c('a', 3), c('b', 0)], now);
    expect(emergency).toMatchObject({ assigneeStaffId: 'b', alertSupervisor: true });
    const fixed = route(
      { match: '*', department: 'desk', mode: 'fixed', fixedStaffId: 'z', grabFallbackMinutes: 10 },
      { category: 'x', emergency: false },
      [c('a', 5), c('z', 9, { onDuty: false })],
      now,
    );
    expect(fixed.assigneeStaffId).toBe('a');
  });
  test('the catalogue covers every type and marks the four emergencies', () => {
    expect(categoriesOf('repair').length).toBeGreaterThan(5);
    expect(CATEGORIES.filter((x) => x.emergency).map((x) => x.label)).toEqual(['电梯困人', '突发停水停电', '严重漏水', '燃气异味']);
  });
});
