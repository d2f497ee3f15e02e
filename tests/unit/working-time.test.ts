/**
 * Working-time deadlines (issue #17): service hours on China's working days, with 调休 Saturdays
 * working and public holidays off, on the real `chinese-days` data the functions bundle.
 */
import data from 'chinese-days/dist/chinese-days.json';
import { addWorkingMinutes, calendarCovers, isWorkingDay, nextOpening, workCalendarFrom, type WorkClock } from '../../src/domain/tickets/working-time';
import { DEFAULT_SLA, initialDeadlines, reopenDeadlines, type SlaPolicy } from '../../src/domain/tickets/sla';

const calendar = workCalendarFrom(data as any);
const clock: WorkClock = { calendar, hours: { open: '08:30', close: '17:30' } };
/** 北京时间 → Date. */
const bj = (s: string) => new Date(`${s}+08:00`);
const iso = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('the calendar', () => {
  test.each([
    ['2026-10-01', false, '国庆'],
    ['2026-10-07', false, '国庆最后一天'],
    ['2026-10-08', true, '节后第一天'],
    ['2026-10-10', true, '国庆调休周六'],
    ['2026-09-20', true, '国庆调休周日'],
    ['2026-02-14', true, '春节调休周六'],
    ['2026-02-16', false, '春节'],
    ['2026-02-23', false, '春节假期周一'],
    ['2026-02-24', true, '节后周二'],
    ['2026-02-28', true, '春节调休周六'],
    ['2026-03-07', false, '普通周六'],
    ['2026-03-09', true, '普通周一'],
  ])('%s is a working day: %s (%s)', (date, working) => {
    expect(isWorkingDay(date, calendar)).toBe(working);
  });

  test('a year the data does not cover counts only weekends as off', () => {
    expect(calendarCovers('2026-10-01', calendar)).toBe(true);
    const later = `${calendar.lastYear + 1}-10-01`;
    expect(calendarCovers(later, calendar)).toBe(false);
    const weekday = new Date(`${later}T00:00:00Z`).getUTCDay();
    expect(isWorkingDay(later, calendar)).toBe(weekday !== 0 && weekday !== 6);
  });
});

describe('addWorkingMinutes', () => {
  test('"3 working days" across National Day ends on the 调休 Saturday after it', () => {
    // Wed 30 Sep 10:00 → Oct 1–7 off; 8 Thu, 9 Fri, 10 Sat (调休) are the three working days.
    expect(iso(addWorkingMinutes(bj('2026-09-30T10:00:00'), 3 * 1440, clock))).toBe('2026-10-10 10:00');
    // Around the clock it would have been Saturday 3 October, in the middle of the holiday.
  });

  test('minutes carry over closing time into the 调休 Saturday before Spring Festival', () => {
    // Fri 13 Feb 16:00 + 120 service minutes: 90 on Friday, 30 on Saturday 14 Feb (调休) from 08:30.
    expect(iso(addWorkingMinutes(bj('2026-02-13T16:00:00'), 120, clock))).toBe('2026-02-14 09:00');
    // From Saturday 14 Feb 17:00, the next opening is Tuesday 24 Feb (15–23 off).
    expect(iso(addWorkingMinutes(bj('2026-02-14T17:00:00'), 60, clock))).toBe('2026-02-24 09:00');
  });

  test('a ticket reported at night, on a weekend or on a holiday starts at the next opening', () => {
    expect(iso(nextOpening(bj('2026-03-09T07:00:00'), clock))).toBe('2026-03-09 08:30');
    expect(iso(nextOpening(bj('2026-03-09T12:00:00'), clock))).toBe('2026-03-09 12:00');
    expect(iso(nextOpening(bj('2026-03-06T20:00:00'), clock))).toBe('2026-03-09 08:30');
    expect(iso(nextOpening(bj('2026-10-03T11:00:00'), clock))).toBe('2026-10-08 08:30');
    // One working day from a holiday morning: opening of the 8th, then one working day on.
    expect(iso(addWorkingMinutes(bj('2026-10-03T11:00:00'), 1440, clock))).toBe('2026-10-09 08:30');
  });

  test('whole days and the rest: 1 day 2 hours from Friday afternoon', () => {
    // Fri 6 Mar 15:00 + 1 working day = Mon 9 Mar 15:00, + 120 minutes: 150 left on Monday → 17:00.
    expect(iso(addWorkingMinutes(bj('2026-03-06T15:00:00'), 1440 + 120, clock))).toBe('2026-03-09 17:00');
    // Exactly at closing counts as inside the day.
    expect(iso(addWorkingMinutes(bj('2026-03-09T17:00:00'), 30, clock))).toBe('2026-03-09 17:30');
  });

  test('service hours of the community are used', () => {
    const late: WorkClock = { calendar, hours: { open: '09:00', close: '21:00' } };
    expect(iso(addWorkingMinutes(bj('2026-03-09T20:00:00'), 90, late))).toBe('2026-03-10 09:30');
  });

  test('service hours must open before they close', () => {
    expect(() => addWorkingMinutes(bj('2026-03-09T10:00:00'), 10, { calendar, hours: { open: '18:00', close: '09:00' } })).toThrow();
  });
});

describe('ticket deadlines', () => {
  const working: SlaPolicy = { ...DEFAULT_SLA, workingTime: { complaint: true, repair: true } };
  const at = bj('2026-09-30T10:00:00');

  test('a complaint on working time: response tomorrow, resolution on the third working day', () => {
    const d = initialDeadlines({ type: 'complaint', category: 'noise', emergency: false }, at, working, clock);
    expect(d.map((x) => [x.kind, iso(x.dueAt)])).toEqual([
      ['accept', '2026-10-08 10:00'],
      ['resolve', '2026-10-10 10:00'],
    ]);
  });

  test('the same complaint without the setting runs around the clock', () => {
    const d = initialDeadlines({ type: 'complaint', category: 'noise', emergency: false }, at, DEFAULT_SLA, clock);
    expect(d.map((x) => iso(x.dueAt))).toEqual(['2026-10-01 10:00', '2026-10-03 10:00']);
  });

  test('emergencies stay 24×7 even when repairs run on working time', () => {
    const night = bj('2026-10-02T23:00:00');
    const d = initialDeadlines({ type: 'repair', category: 'water_outage', emergency: true }, night, working, clock);
    expect(d.find((x) => x.kind === 'arrive')!.dueAt.getTime() - night.getTime()).toBe(15 * 60_000);
  });

  test('only the types switched on: a consultation keeps the clock', () => {
    const d = initialDeadlines({ type: 'consultation', category: 'fees', emergency: false }, at, working, clock);
    expect(iso(d[0].dueAt)).toBe('2026-10-01 10:00');
  });

  test('a reopened complaint starts its resolution afresh on working time', () => {
    const d = reopenDeadlines({ type: 'complaint', category: 'noise', emergency: false, deadlines: [] }, bj('2026-02-13T10:00:00'), working, clock);
    // Fri 13 Feb → 14 (调休 Sat), 24, 25: the third working day.
    expect(iso(d[0].dueAt)).toBe('2026-02-25 10:00');
  });
});
