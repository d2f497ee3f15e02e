import { FUNCTIONS } from '../../cloudfunctions/registry';
import { DEFAULT_WRITE_LIMITS, GUESS_LIMITS, limitsFor, READ_ACTIONS } from '../../cloudfunctions/_lib/rate-limit';

describe('rate-limit policy', () => {
  test('every listed read is a real action', () => {
    for (const [fn, reads] of Object.entries(READ_ACTIONS)) {
      for (const a of reads) expect(`${fn}.${a} ${!!FUNCTIONS[fn]?.[a]}`).toBe(`${fn}.${a} true`);
    }
  });
  test('every action of a person is either a read or limited; timers never', () => {
    for (const [fn, actions] of Object.entries(FUNCTIONS)) {
      for (const [a, def] of Object.entries(actions)) {
        const limits = limitsFor(fn, a, def.rateLimit);
        if (a.startsWith('timer:') || READ_ACTIONS[fn]?.includes(a)) expect(limits).toEqual([]);
        else expect(limits.length).toBeGreaterThan(0);
      }
    }
  });
  test('guessable lookups are tighter than the default for writes', () => {
    expect(FUNCTIONS.account.requestBinding.rateLimit).toBe(GUESS_LIMITS.binding);
    expect(FUNCTIONS.account.redeemInvite.rateLimit).toBe(GUESS_LIMITS.inviteCode);
    for (const spec of [...GUESS_LIMITS.binding, ...GUESS_LIMITS.inviteCode]) {
      const same = DEFAULT_WRITE_LIMITS.find((d) => d.windowSec === spec.windowSec);
      if (same) expect(spec.limit).toBeLessThan(same.limit);
      else expect(spec.limit).toBeLessThan(DEFAULT_WRITE_LIMITS[0].limit);
    }
  });
  test('a new, unlisted action counts as a write', () => {
    expect(limitsFor('tickets', 'somethingNew', undefined)).toBe(DEFAULT_WRITE_LIMITS);
    expect(limitsFor('tickets', 'get', undefined)).toEqual([]);
    expect(limitsFor('tickets', 'timer:sweep', undefined)).toEqual([]);
  });
});
