// src/domain/time.ts: every date a person reads is 北京时间, whatever the machine's zone.
import { badgeText } from '../../src/domain/inbox';
import { beijing, durationText, formatMinute, formatShort, naturalTime } from '../../src/domain/time';

describe('Beijing time', () => {
  test('an instant prints as the Beijing wall clock (UTC+8), across midnight', () => {
    expect(formatMinute('2026-11-28T02:05:00.000Z')).toBe('2026-11-28 10:05');
    expect(formatMinute('2026-11-28T16:10:00.000Z')).toBe('2026-11-29 00:10');
    expect(formatShort(new Date('2026-12-31T23:30:00.000Z'))).toBe('01-01 07:30');
    expect(beijing('2026-11-28T16:10:00.000Z').date()).toBe(29);
  });

  test('near dates read naturally', () => {
    const now = '2026-12-04T06:00:00.000Z'; // 14:00 on 12月4日 in Beijing
    expect(naturalTime('2026-12-04T07:43:00.000Z', now)).toBe('今天 15:43');
    expect(naturalTime('2026-12-03T16:30:00.000Z', now)).toBe('今天 00:30');
    expect(naturalTime('2026-12-03T15:30:00.000Z', now)).toBe('昨天 23:30');
    expect(naturalTime('2026-12-05T01:00:00.000Z', now)).toBe('明天 09:00');
    expect(naturalTime('2026-11-28T02:05:00.000Z', now)).toBe('11月28日 10:05');
    expect(naturalTime('2025-03-01T02:05:00.000Z', now)).toBe('2025年3月1日 10:05');
  });

  test('durations in the unit people think in', () => {
    expect(durationText(30)).toBe('30 分钟');
    expect(durationText(24 * 60)).toBe('24 小时');
    expect(durationText(36 * 60)).toBe('36 小时');
    expect(durationText(72 * 60)).toBe('3 天');
    expect(durationText(90)).toBe('1.5 小时');
  });

  test('the unread badge: nothing for none, 99+ past 99', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(120)).toBe('99+');
  });
});
