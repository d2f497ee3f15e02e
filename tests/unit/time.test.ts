// src/domain/time.ts: every date a person reads is 北京时间, whatever the machine's zone.
import { badgeText } from '../../src/domain/inbox';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import { beijing, durationText, formatMinute, formatShort, naturalTime, ZONE } from '../../src/domain/time';

dayjs.extend(utc);
dayjs.extend(timezone);

describe('Beijing time', () => {
  test('an instant prints as the Beijing wall clock (UTC+8), across midnight', () => {
    expect(formatMinute('2026-11-28T02:05:00.000Z')).toBe('2026-11-28 10:05');
    expect(formatMinute('2026-11-28T16:10:00.000Z')).toBe('2026-11-29 00:10');
    expect(formatShort(new Date('2026-12-31T23:30:00.000Z'))).toBe('01-01 07:30');
    expect(beijing('2026-11-28T16:10:00.000Z').date()).toBe(29);
  });

  test('the fixed +08:00 is what the zone database says for Asia/Shanghai, every date since 1992', () => {
    // 5,000 instants spread over 1992–2100 (seeded, so a failure can be replayed), plus the
    // edges of days and years; compared field by field after calendar arithmetic too.
    let seed = 20261207;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const from = Date.UTC(1992, 0, 1);
    const to = Date.UTC(2100, 0, 1);
    const instants = [Date.UTC(2026, 11, 31, 16, 0, 0), Date.UTC(2026, 11, 31, 15, 59, 59, 999), Date.UTC(2000, 1, 28, 16)];
    for (let i = 0; i < 5000; i++) instants.push(Math.floor(from + next() * (to - from)));
    for (const at of instants) {
      const zoned = dayjs(at).tz(ZONE);
      const fixed = beijing(at);
      expect(fixed.format('YYYY-MM-DD HH:mm:ss.SSS Z d')).toBe(zoned.format('YYYY-MM-DD HH:mm:ss.SSS Z d'));
      expect(fixed.startOf('day').valueOf()).toBe(zoned.startOf('day').valueOf());
      expect(fixed.add(1, 'month').startOf('month').valueOf()).toBe(zoned.add(1, 'month').startOf('month').valueOf());
      // Converting again (a Dayjs that already has the offset) changes nothing.
      expect(beijing(fixed).format('YYYY-MM-DD HH:mm:ss.SSS Z')).toBe(zoned.format('YYYY-MM-DD HH:mm:ss.SSS Z'));
      expect(beijing(dayjs(at)).valueOf()).toBe(at);
    }
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
