import { callbackNeeded, dueStages, markStages, nextReminderAt, toMinute, type StagedDeadline } from '../../src/domain/tickets/reminders';
import { urgencyOf } from '../../src/domain/tickets/urgency';

const due = '2026-11-28T10:00:00.000Z';
const at = (iso: string) => new Date(iso);
const dl = (over: Partial<StagedDeadline> = {}): StagedDeadline => ({ kind: 'arrive', dueAt: new Date(due), ...over }) as StagedDeadline;

describe('dueStages: a warning before a timer is due, then a breach, each once per due time', () => {
  test('nothing before the warning window', () => {
    expect(dueStages(dl(), at('2026-11-28T09:29:59.999Z'), 30)).toEqual([]);
  });
  test('the warning opens exactly warnMinutes before the due time', () => {
    expect(dueStages(dl(), at('2026-11-28T09:30:00.000Z'), 30)).toEqual(['warn']);
    expect(dueStages(dl(), at('2026-11-28T09:59:59.999Z'), 30)).toEqual(['warn']);
  });
  test('at the due time both stages are due (a missed warning is not skipped)', () => {
    expect(dueStages(dl(), at(due), 30)).toEqual(['warn', 'breach']);
  });
  test('a stage done for this due time is not due again', () => {
    const warned = markStages(dl(), ['warn']);
    expect(dueStages(warned, at('2026-11-28T09:45:00.000Z'), 30)).toEqual([]);
    expect(dueStages(warned, at('2026-11-28T10:05:00.000Z'), 30)).toEqual(['breach']);
    expect(dueStages(markStages(warned, ['breach']), at('2026-11-29T10:00:00.000Z'), 30)).toEqual([]);
  });
  test('a moved timer (a pause, a promise) starts its stages over', () => {
    const done = markStages(dl(), ['warn', 'breach']);
    const moved: StagedDeadline = { ...done, dueAt: new Date('2026-11-28T14:00:00.000Z') };
    expect(dueStages(moved, at('2026-11-28T13:40:00.000Z'), 30)).toEqual(['warn']);
    expect(dueStages(moved, at('2026-11-28T14:00:00.000Z'), 30)).toEqual(['warn', 'breach']);
  });
  test('a met timer has nothing due, however late', () => {
    expect(dueStages(dl({ metAt: at('2026-11-28T09:00:00.000Z') }), at('2026-12-01T00:00:00.000Z'), 30)).toEqual([]);
  });
  test('the due time may be stored as an ISO string', () => {
    expect(dueStages(dl({ dueAt: due as unknown as Date }), at(due), 0)).toEqual(['warn', 'breach']);
  });
});

describe('markStages', () => {
  test('records the due time each stage was done for, keeping the others, without changing its input', () => {
    const d = dl();
    const warned = markStages(d, ['warn']);
    expect(warned.stages).toEqual({ warn: Date.parse(due) });
    expect(d.stages).toBeUndefined();
    expect(markStages(warned, ['breach']).stages).toEqual({ warn: Date.parse(due), breach: Date.parse(due) });
    expect(markStages(d, []).stages).toEqual({});
  });
});

describe('nextReminderAt', () => {
  test('the earliest warning or breach still to come across running timers', () => {
    const a = dl({ kind: 'accept', dueAt: at('2026-11-28T08:30:00.000Z') } as Partial<StagedDeadline>);
    const b = dl();
    expect(nextReminderAt([b, a], 30)?.toISOString()).toBe('2026-11-28T08:00:00.000Z');
    // Once a's warning is done, its breach is next.
    expect(nextReminderAt([b, markStages(a, ['warn'])], 30)?.toISOString()).toBe('2026-11-28T08:30:00.000Z');
    // Once a is done entirely, b's warning is next.
    expect(nextReminderAt([b, markStages(a, ['warn', 'breach'])], 30)?.toISOString()).toBe('2026-11-28T09:30:00.000Z');
  });
  test('to the minute, rounded up: the minute timer first sees it then, and same-minute timers share one write', () => {
    const a = dl({ dueAt: at('2026-11-28T09:30:20.500Z') } as Partial<StagedDeadline>);
    expect(nextReminderAt([a], 30)?.toISOString()).toBe('2026-11-28T09:01:00.000Z');
    expect(nextReminderAt([markStages(a, ['warn'])], 30)?.toISOString()).toBe('2026-11-28T09:31:00.000Z');
    expect(markStages(a, ['warn']).stages).toEqual({ warn: Date.parse('2026-11-28T09:31:00.000Z') });
    expect(toMinute(Date.parse('2026-11-28T09:31:00.000Z'))).toBe(Date.parse('2026-11-28T09:31:00.000Z'));
    // A stage marked for the due time is done, whether marked to the minute or (older records) to the ms.
    expect(dueStages(markStages(a, ['warn']), at('2026-11-28T09:10:00.000Z'), 30)).toEqual([]);
    expect(dueStages({ ...a, stages: { warn: Date.parse('2026-11-28T09:30:20.500Z') } }, at('2026-11-28T09:10:00.000Z'), 30)).toEqual([]);
    // A due time moved to another minute starts its stages over.
    const moved = { ...markStages(a, ['warn']), dueAt: at('2026-11-28T09:45:00.000Z') };
    expect(dueStages(moved, at('2026-11-28T09:20:00.000Z'), 30)).toEqual(['warn']);
  });
  test('met timers and finished stages leave nothing: null', () => {
    expect(nextReminderAt([], 30)).toBeNull();
    expect(nextReminderAt([dl({ metAt: at(due) }), markStages(dl(), ['warn', 'breach'])], 30)).toBeNull();
  });
});

describe('callbackNeeded', () => {
  test('always: every resolved ticket, whatever the rating', () => {
    for (const r of [null, undefined, 1, 5]) expect(callbackNeeded('always', r)).toBe(true);
  });
  test('never: none', () => {
    for (const r of [null, undefined, 1, 5]) expect(callbackNeeded('never', r)).toBe(false);
  });
  test('skip-if-rated-4: skipped from 4 stars, needed below or without a rating', () => {
    expect(callbackNeeded('skip-if-rated-4', 4)).toBe(false);
    expect(callbackNeeded('skip-if-rated-4', 5)).toBe(false);
    expect(callbackNeeded('skip-if-rated-4', 3)).toBe(true);
    expect(callbackNeeded('skip-if-rated-4', 0)).toBe(true);
    expect(callbackNeeded('skip-if-rated-4', null)).toBe(true);
    expect(callbackNeeded('skip-if-rated-4', undefined)).toBe(true);
  });
});

describe('urgencyOf: the stored queue order, and the timer visit that moves a ticket to the overdue tier', () => {
  test('tiers: overdue emergency, overdue, emergency, the rest, no running timer', () => {
    const now = at(due);
    const past = at('2026-11-28T09:59:59.999Z');
    expect(urgencyOf({ nextDueAt: past, emergency: true }, now)).toBe(0);
    expect(urgencyOf({ nextDueAt: past, emergency: false }, now)).toBe(1);
    // Due exactly now is overdue, as the breach is said then; a millisecond before it is not.
    expect(urgencyOf({ nextDueAt: now, emergency: true }, now)).toBe(0);
    expect(urgencyOf({ nextDueAt: now.toISOString(), emergency: false }, now)).toBe(1);
    expect(urgencyOf({ nextDueAt: at('2026-11-28T10:00:00.001Z'), emergency: true }, now)).toBe(2);
    expect(urgencyOf({ nextDueAt: at('2026-11-28T10:00:00.001Z'), emergency: false }, now)).toBe(3);
    expect(urgencyOf({ nextDueAt: null, emergency: true }, now)).toBe(4);
  });
  test('the breach visit (the next reminder once warned, a due time rounded up to the minute) finds the ticket overdue', () => {
    for (const ms of [0, 1, 29_999, 59_999]) {
      const d = dl({ dueAt: new Date(new Date(due).getTime() + ms) });
      const visit = nextReminderAt([markStages(d, ['warn'])], 30)!;
      expect(urgencyOf({ nextDueAt: d.dueAt, emergency: false }, new Date(visit.getTime() - 60_000))).toBe(3);
      expect(dueStages(markStages(d, ['warn']), visit, 30)).toEqual(['breach']);
      expect(urgencyOf({ nextDueAt: d.dueAt, emergency: false }, visit)).toBe(1);
    }
  });
});
