// emulator/timers.ts: CloudBase's 7-field cron (sec min hour day month weekday year), in
// Asia/Shanghai, and the scheduler's firing rule (missed runs coalesce into one).
import { Clock } from '../../emulator/clock';
import { parseCloudbaseCron, TimerScheduler } from '../../emulator/timers';

const next = (expr: string, fromIso: string) => parseCloudbaseCron(expr).nextRun(new Date(fromIso))?.toISOString();

describe('parseCloudbaseCron', () => {
  test.each([
    ['6 fields (standard cron with seconds)', '0 0 8 * * *'],
    ['5 fields (classic cron)', '0 8 * * *'],
    ['8 fields', '0 0 8 * * * * *'],
    ['empty', ''],
  ])('needs exactly 7 fields: %s', (_label, expr) => {
    expect(() => parseCloudbaseCron(expr)).toThrow(/7 fields/);
  });

  test.each(['0 0 8 * * * 2025', '0 0 8 * * * 2024-2030', '0 0 8 * * * ?'])('the year field must be "*": %s', (expr) => {
    expect(() => parseCloudbaseCron(expr)).toThrow(/year/);
  });

  test('an invalid field is refused', () => {
    expect(() => parseCloudbaseCron('0 0 25 * * * *')).toThrow();
  });

  test('the next run is computed in Asia/Shanghai (UTC+8)', () => {
    // 08:00 in Shanghai is 00:00 UTC.
    expect(next('0 0 8 * * * *', '2023-12-31T23:00:00.000Z')).toBe('2024-01-01T00:00:00.000Z');
    expect(next('0 0 8 * * * *', '2024-01-01T00:00:00.000Z')).toBe('2024-01-02T00:00:00.000Z');
    // Midnight in Shanghai is 16:00 UTC of the previous day.
    expect(next('0 0 0 * * * *', '2024-03-10T12:00:00.000Z')).toBe('2024-03-10T16:00:00.000Z');
    // The 1st of the month in Shanghai.
    expect(next('0 0 0 1 * * *', '2024-01-15T00:00:00.000Z')).toBe('2024-01-31T16:00:00.000Z');
  });

  test('weekday names (Monday–Friday at 09:30 Shanghai)', () => {
    // 2024-01-06 is a Saturday; the next weekday 09:30 in Shanghai is Monday 01:30 UTC.
    expect(next('0 30 9 * * MON-FRI *', '2024-01-06T03:00:00.000Z')).toBe('2024-01-08T01:30:00.000Z');
  });

  test('every minute at second 0, and extra spaces are fine', () => {
    expect(next('0 * * * * * *', '2024-01-01T12:00:30.000Z')).toBe('2024-01-01T12:01:00.000Z');
    expect(next('  0  *  * * * *   * ', '2024-01-01T12:00:30.000Z')).toBe('2024-01-01T12:01:00.000Z');
  });
});

describe('TimerScheduler', () => {
  function setup(triggers: { name: string; config: string }[]) {
    const clock = new Clock();
    clock.set(Date.parse('2024-01-01T00:00:30.000Z'), true);
    const invocations: { name: string; event: any }[] = [];
    const runner = {
      list: () => [{ name: 'fn', dir: '', timeout: 3, triggers: triggers.map((t) => ({ ...t, type: 'timer' as const })) }],
      invoke: async (name: string, event: any) => {
        invocations.push({ name, event });
        return { ok: true as const, result: { ok: true }, requestId: 'r' };
      },
    };
    const scheduler = new TimerScheduler(runner as any, clock);
    return { clock, scheduler, invocations };
  }

  test('a jump over several scheduled runs fires each trigger once, with the clock time', async () => {
    const { clock, scheduler, invocations } = setup([
      { name: 'every-minute', config: '0 * * * * * *' },
      { name: 'hourly', config: '0 0 * * * * *' },
    ]);
    clock.advance(5 * 60_000);
    await scheduler.tick();
    expect(invocations.map((i) => i.event.TriggerName)).toEqual(['every-minute']);
    expect(invocations[0].event).toEqual({ Type: 'Timer', TriggerName: 'every-minute', Time: '2024-01-01T00:05:30.000Z', Message: '' });
    clock.advance(60 * 60_000);
    await scheduler.tick();
    expect(invocations.map((i) => i.event.TriggerName).sort()).toEqual(['every-minute', 'every-minute', 'hourly']);
  });

  test('no run between ticks → nothing; the clock going back → nothing', async () => {
    const { clock, scheduler, invocations } = setup([{ name: 'every-minute', config: '0 * * * * * *' }]);
    clock.advance(10_000); // 00:00:40, no minute boundary crossed
    await scheduler.tick();
    await scheduler.tick();
    expect(invocations).toEqual([]);
    clock.advance(-3_600_000);
    await scheduler.tick();
    expect(invocations).toEqual([]);
    clock.advance(20_000 + 1); // passes the next boundary after the (earlier) last check
    await scheduler.tick();
    expect(invocations).toHaveLength(1);
  });

  test('fired runs are recorded', async () => {
    const { clock, scheduler } = setup([{ name: 'every-minute', config: '0 * * * * * *' }]);
    clock.advance(60_000);
    await scheduler.tick();
    expect(scheduler.fired).toEqual([{ name: 'fn', trigger: 'every-minute', at: '2024-01-01T00:01:30.000Z', ok: true }]);
  });
});
