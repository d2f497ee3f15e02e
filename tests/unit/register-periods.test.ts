import fc from 'fast-check';
import { periodKey } from '../../src/domain/register';

/** The 北京时间 period of an instant, worked out without the time-zone library (China: +08:00, no DST). */
function reference(kind: 'week' | 'month', ms: number): string {
  const d = new Date(ms + 8 * 3600_000);
  const ymd = (x: Date) => x.toISOString().slice(0, 10);
  if (kind === 'month') return `M${ymd(d).slice(0, 7)}`;
  return `W${ymd(new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86400_000))}`;
}

describe('period keys (computed once per Beijing day)', () => {
  test('equal the Beijing week and month of any instant, asked in any order, as Date, number or ISO string', () => {
    const day = 86400_000;
    // Instants 2020–2030, many of them a millisecond either side of a Beijing midnight.
    const instant = fc.oneof(
      fc.integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2030-12-31T00:00:00Z') }),
      fc.tuple(fc.integer({ min: 18262, max: 22279 }), fc.constantFrom(-1, 0, 1)).map(([d, off]) => d * day - 8 * 3600_000 + off),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('week' as const, 'month' as const), instant, fc.nat(2)), { minLength: 1, maxLength: 50 }), (asks) => {
        for (const [kind, ms, form] of asks) {
          const at = form === 0 ? new Date(ms) : form === 1 ? ms : new Date(ms).toISOString();
          expect(periodKey(kind, at)).toBe(reference(kind, ms));
        }
      }),
      { seed: 20261207, numRuns: 300 },
    );
  });

  test('a Sunday 23:59 and the Monday 00:00 after it (北京时间) fall in different weeks', () => {
    expect(periodKey('week', '2026-11-29T23:59:59.999+08:00')).toBe('W2026-11-23');
    expect(periodKey('week', '2026-11-30T00:00:00.000+08:00')).toBe('W2026-11-30');
    expect(periodKey('month', '2026-11-30T16:00:00.000Z')).toBe('M2026-12');
  });
});
