import { announcementInputs } from '../../src/domain/announcements-api';
import {
  inScope,
  interruptionSummary,
  isInterruption,
  noticeIdFrom,
  noticeScene,
  noticeShortfallHours,
  scopeLabel,
  NOTICE_PERIOD_HOURS,
  ANNOUNCEMENT_TYPES,
} from '../../src/domain/announcements';

const home = { building: '1栋', unitId: 'u-1-1-101' };

describe('inScope: which homes a notice concerns', () => {
  test('the whole community, and facilities (everyone may use them), concern every home', () => {
    expect(inScope({ kind: 'community' }, home)).toBe(true);
    expect(inScope({ kind: 'facilities', facilities: ['游泳池'] }, home)).toBe(true);
  });
  test('buildings: only homes in a listed building', () => {
    expect(inScope({ kind: 'buildings', buildings: ['1栋', '3栋'] }, home)).toBe(true);
    expect(inScope({ kind: 'buildings', buildings: ['2栋'] }, home)).toBe(false);
    expect(inScope({ kind: 'buildings', buildings: ['11栋'] }, { building: '1栋', unitId: 'x' })).toBe(false);
    expect(inScope({ kind: 'buildings' }, home)).toBe(false);
  });
  test('units: only the listed homes', () => {
    expect(inScope({ kind: 'units', unitIds: ['u-1-1-101'] }, home)).toBe(true);
    expect(inScope({ kind: 'units', unitIds: ['u-1-1-102'] }, home)).toBe(false);
    expect(inScope({ kind: 'units' }, home)).toBe(false);
  });
});

describe('scopeLabel', () => {
  test('reads the scope in Chinese, with unit labels when known', () => {
    expect(scopeLabel({ kind: 'community' })).toBe('全小区');
    expect(scopeLabel({ kind: 'buildings', buildings: ['1栋', '2栋'] })).toBe('1栋、2栋');
    expect(scopeLabel({ kind: 'units', unitIds: ['u-1-1-101', 'u-9'] }, { 'u-1-1-101': '1栋1单元101' })).toBe('1栋1单元101、u-9');
    expect(scopeLabel({ kind: 'facilities', facilities: ['游泳池', '健身房'] })).toBe('游泳池、健身房');
    expect(scopeLabel({ kind: 'buildings' })).toBe('');
  });
});

describe('noticeShortfallHours: planned water cuts need 24 h notice, power cuts 7 days', () => {
  const publish = new Date('2026-12-01T00:00:00.000Z');
  const startIn = (hours: number) => new Date(publish.getTime() + hours * 3600_000);
  test('enough notice: 0', () => {
    expect(noticeShortfallHours('water', publish, startIn(24))).toBe(0);
    expect(noticeShortfallHours('water', publish, startIn(48))).toBe(0);
    expect(noticeShortfallHours('power', publish, startIn(7 * 24))).toBe(0);
  });
  test('too little: the hours missing, rounded up', () => {
    expect(noticeShortfallHours('water', publish, startIn(9))).toBe(15);
    expect(noticeShortfallHours('water', publish, startIn(23.5))).toBe(1);
    expect(noticeShortfallHours('power', publish, startIn(24))).toBe(6 * 24);
    // Already started: the whole period and the hours since.
    expect(noticeShortfallHours('water', publish, startIn(-2))).toBe(26);
  });
  test('kinds without a period, or no start yet: 0', () => {
    for (const t of ANNOUNCEMENT_TYPES.filter((t) => !NOTICE_PERIOD_HOURS[t])) expect(noticeShortfallHours(t, publish, startIn(1))).toBe(0);
    expect(noticeShortfallHours('water', publish, null)).toBe(0);
    expect(noticeShortfallHours('water', publish)).toBe(0);
  });
});

describe('isInterruption', () => {
  test('cuts and stoppages are interruptions; notices, reminders and events are not', () => {
    expect(ANNOUNCEMENT_TYPES.filter(isInterruption)).toEqual(['water', 'power', 'gas', 'elevator', 'renovation']);
  });
});

describe('the input contract: interruption details go with interruption kinds only', () => {
  const base = { title: '停水通知', body: '管道检修', clientRequestId: 'notice-0001' };
  const cut = { reason: '管道检修', startAt: '2026-12-02T01:00:00+08:00', endAt: '2026-12-02T05:00:00+08:00' };
  const first = (d: unknown) => {
    const r = announcementInputs.create.safeParse(d);
    return r.success ? null : r.error.issues[0].message;
  };
  test('a water cut needs its details, and names the kind when the reason is missing', () => {
    expect(first({ ...base, type: 'water', interruption: cut })).toBeNull();
    expect(first({ ...base, type: 'water' })).toBe('停水通知需填写原因、影响范围、开始时间和预计恢复时间');
    expect(first({ ...base, type: 'water', interruption: { ...cut, reason: '  ' } })).toBe('请填写停水原因');
    expect(first({ ...base, type: 'power', interruption: { ...cut, endAt: cut.startAt } })).toBe('预计恢复时间需晚于开始时间');
  });
  test('other kinds carry none', () => {
    expect(first({ ...base, type: 'general' })).toBeNull();
    expect(first({ ...base, type: 'general', interruption: cut })).toBe('只有停水、停电等停用通知需要填写停用信息');
  });
});

describe('poster code scene and the summary made from the times (issue 12)', () => {
  test('a notice id is its scene (≤ 32 of WeChat’s characters); the page maps ?scene= back', () => {
    const id = 'an-69ad372861a1b2ebb9860627';
    expect(noticeScene(id)).toBe(id);
    expect(noticeScene('x'.repeat(33))).toBeNull();
    expect(noticeScene('公告1')).toBeNull();
    expect(noticeIdFrom({ scene: encodeURIComponent(id) })).toBe(id);
    expect(noticeIdFrom({ id: 'an-1', scene: 'an-2' })).toBe('an-1');
    expect(noticeIdFrom({ scene: '%E0%A4%A' })).toBeUndefined();
    expect(noticeIdFrom({})).toBeUndefined();
  });
  test('the summary says the times in 北京时间 within 20 characters', () => {
    expect(interruptionSummary('2026-11-29T01:00:00.000Z', '2026-11-29T07:00:00.000Z')).toBe('11月29日 09:00-15:00');
    expect(interruptionSummary('2026-11-29T14:00:00.000Z', '2026-11-29T22:00:00.000Z')).toBe('11月29日22:00-次日06:00');
    expect(interruptionSummary('2026-12-30T14:00:00.000Z', '2027-01-02T10:00:00.000Z')).toBe('12月30日至1月2日');
    for (const s of ['11月29日 09:00-15:00', '12月31日22:00-次日06:00', '12月30日至12月31日']) expect(s.length).toBeLessThanOrEqual(20);
  });
});
