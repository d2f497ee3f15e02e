import { announcementActions, canDoAnnouncement, ANNOUNCEMENT_STATUSES, type AnnouncementRole } from '../../src/domain/announcements';
import { awaitsConsent, can, canSee, isInHomeRepair, TIMER_STATUSES, timersRun, TICKET_STATUSES, type Actor, type TicketState } from '../../src/domain/tickets/state-machine';
import { TIMELINE_ACTIONS, TIMELINE_LABELS, timelineLabel } from '../../src/domain/tickets/timeline';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Issue #10: rules decided once in the domain. */
const eng: Actor = { kind: 'staff', staffId: 'st-eng1', communityId: 'cm-1', roles: ['engineer'] };
const other: Actor = { kind: 'staff', staffId: 'st-x', communityId: 'cm-2', roles: ['supervisor'] };
const resident: Actor = { kind: 'resident', openid: 'o-1', unitIds: ['u-1'] };
const neighbour: Actor = { kind: 'resident', openid: 'o-2', unitIds: ['u-2'] };
const repair = (over: Partial<TicketState> = {}): TicketState => ({
  status: 'arrived',
  type: 'repair',
  category: 'plumbing_electric',
  communityId: 'cm-1',
  department: 'engineering',
  unitId: 'u-1',
  reporterOpenid: 'o-1',
  assigneeStaffId: 'st-eng1',
  consent: null,
  ...over,
});

describe('consent rule', () => {
  test('an in-home repair completes only after consent or a recorded refusal', () => {
    expect(isInHomeRepair(repair())).toBe(true);
    expect(awaitsConsent(repair())).toBe(true);
    expect(can(repair(), eng, 'complete')).toBe(false);
    expect(can(repair(), eng, 'consent')).toBe(true);
    expect(can(repair({ consent: { by: '业主', scope: '厨房' } }), eng, 'complete')).toBe(true);
    expect(can(repair({ consent: { by: '业主', scope: '拒绝', refused: true } }), eng, 'complete')).toBe(true);
    expect(can(repair({ consent: { by: '业主', scope: '厨房' } }), eng, 'consent')).toBe(false);
  });
  test('public-area repairs and categories outside the home need none', () => {
    expect(can(repair({ unitId: null }), eng, 'complete')).toBe(true);
    expect(can(repair({ unitId: null }), eng, 'consent')).toBe(false);
    expect(can(repair({ category: 'elevator' }), eng, 'complete')).toBe(true);
  });
});

describe('visibility', () => {
  test('staff of the community, the reporter and the household see a ticket; nobody else', () => {
    expect(canSee(repair(), eng)).toBe(true);
    expect(canSee(repair(), other)).toBe(false);
    expect(canSee(repair(), resident)).toBe(true);
    expect(canSee(repair({ reporterOpenid: 'o-9' }), resident)).toBe(true); // household home
    expect(canSee(repair(), neighbour)).toBe(false);
  });
});

describe('timer-running statuses', () => {
  test('timers run while the ticket waits or is worked on, not while paused or after', () => {
    expect(TICKET_STATUSES.filter(timersRun)).toEqual([...TIMER_STATUSES]);
    expect(timersRun('paused')).toBe(false);
    expect(timersRun('resolved')).toBe(false);
    expect(timersRun('pending')).toBe(true);
  });
});

describe('timeline labels', () => {
  test('every timeline action has a Chinese label; unknown ones never show raw', () => {
    for (const a of TIMELINE_ACTIONS) expect(TIMELINE_LABELS[a]).toMatch(/[\u4e00-\u9fa5]/);
    expect(timelineLabel('something-new')).toBe('工单更新');
  });

  test('every action the functions write to a ticket timeline is a known timeline action', () => {
    // Scan the function sources for timeline writes: `action: '…'` in ticket events and
    // the callbacks' `event('…', …)` helper. (Audit-log actions contain a dot and are skipped.)
    const files: string[] = [];
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts')) files.push(p);
      }
    };
    walk(join(__dirname, '../../cloudfunctions'));
    const written = new Set<string>();
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      if (!/ticket_events|changeTicket/.test(src)) continue;
      for (const m of src.matchAll(/action: '([a-z-]+)'/g)) written.add(m[1]!);
      for (const m of src.matchAll(/\bevent\('([a-z-]+)'/g)) written.add(m[1]!);
      for (const m of src.matchAll(/\bsys\('([a-z-]+)'/g)) written.add(m[1]!);
    }
    expect(written.size).toBeGreaterThan(5);
    const known = new Set<string>(TIMELINE_ACTIONS);
    expect([...written].filter((a) => !known.has(a))).toEqual([]);
  });
});

describe('announcement state machine', () => {
  const roles: AnnouncementRole[] = ['author', 'reviewer', 'resident'];
  test('residents may do nothing; only reviewers review; review covers a pending revision', () => {
    for (const status of ANNOUNCEMENT_STATUSES) expect(announcementActions({ status, type: 'water', pendingRevision: false }, 'resident')).toEqual([]);
    expect(canDoAnnouncement({ status: 'review', type: 'general', pendingRevision: false }, 'author', 'review')).toBe(false);
    expect(canDoAnnouncement({ status: 'review', type: 'general', pendingRevision: false }, 'reviewer', 'review')).toBe(true);
    expect(canDoAnnouncement({ status: 'published', type: 'general', pendingRevision: false }, 'reviewer', 'review')).toBe(false);
    expect(canDoAnnouncement({ status: 'published', type: 'general', pendingRevision: true }, 'reviewer', 'review')).toBe(true);
    expect(roles.map((r) => announcementActions({ status: 'draft', type: 'general', pendingRevision: false }, r))).toEqual([
      ['edit', 'publish', 'pin'],
      ['edit', 'publish', 'pin'],
      [],
    ]);
  });
  test('withdrawn notices are final; restore only for interruptions', () => {
    expect(announcementActions({ status: 'withdrawn', type: 'water', pendingRevision: false }, 'reviewer')).toEqual([]);
    expect(announcementActions({ status: 'expired', type: 'water', pendingRevision: false }, 'author')).toEqual(['restore', 'poster']);
    expect(announcementActions({ status: 'published', type: 'general', pendingRevision: false }, 'author')).toEqual(['edit', 'withdraw', 'pin', 'poster']);
  });
});
