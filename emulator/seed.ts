import type { Engine } from './db/engine';

/**
 * Demo data for `npm start`: one community (3 buildings, 60 units), residents (some
 * households of two), a newcomer with no home yet, and staff of every role.
 */
export const DEMO_COMMUNITY = { _id: 'cm-cuihu', name: '翠湖花园', hotline: '021-62880000', address: '上海市徐汇区翠湖路 88 号' };

export const NEWCOMERS = [
  { openid: 'o-newcomer-01', name: '新住户 孙悦' },
  // New owners of 3栋 (handed over in the demo move-in batch), matching the owner registry of
  // 3栋1单元201 and 3栋1单元202: they book move-in with the unit, name and phone.
  { openid: 'o-newcomer-02', name: '新业主 李涛' },
  { openid: 'o-newcomer-03', name: '新业主 赵芳' },
];

const SURNAMES = ['张', '王', '李', '赵', '陈', '杨', '黄', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '高', '罗', '郑'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平'];

export function unitsFor(communityId: string) {
  const units = [];
  let n = 0;
  for (const b of [1, 2, 3]) {
    for (const u of [1, 2]) {
      for (const floor of [1, 2, 3, 4, 5]) {
        for (const r of [1, 2]) {
          const room = `${floor}0${r}`;
          const name = SURNAMES[n % SURNAMES.length] + GIVEN[(n * 7) % GIVEN.length];
          units.push({
            _id: `u-${b}-${u}-${room}`,
            communityId,
            building: `${b}栋`,
            unitNo: `${u}单元`,
            room,
            label: `${b}栋${u}单元${room}`,
            // The developer's owner registry, used to approve a binding automatically.
            ownerName: name,
            ownerPhone: `139${String(10000000 + n * 7919).slice(0, 8)}`,
          });
          n++;
        }
      }
    }
  }
  return units;
}

export function seedIfEmpty(engine: Engine, now: Date): boolean {
  if (engine.count('communities', {}) > 0) return false;
  const c = DEMO_COMMUNITY;
  engine.insert('communities', [{ ...c, createdAt: now, settings: { bindingReview: 'auto-when-registry-matches' } }]);
  const units = unitsFor(c._id);
  engine.insert(
    'units',
    units.map((u) => ({ ...u, createdAt: now })),
  );

  const memberships: any[] = [];
  const add = (i: number, openid: string, unitIdx: number, relation: string, name: string, phone: string, status = 'approved') =>
    memberships.push({
      _id: `m-seed-${i}`,
      openid,
      unitId: units[unitIdx]._id,
      communityId: c._id,
      name,
      phone,
      relation,
      status,
      requestKey: `${openid}:seed-${i}`,
      createdAt: new Date(now.getTime() - (40 - i) * 86400_000),
      ...(status === 'approved' ? { decidedAt: new Date(now.getTime() - (39 - i) * 86400_000), decidedBy: 'seed', autoApproved: true } : {}),
    });
  // Twelve owners across the three buildings; four of them with a family member.
  const ownerUnits = [0, 3, 7, 12, 18, 21, 25, 33, 40, 44, 51, 58];
  ownerUnits.forEach((ui, k) => {
    const u = units[ui];
    add(k, `o-resident-${String(k + 1).padStart(2, '0')}`, ui, 'owner', u.ownerName, u.ownerPhone);
  });
  add(20, 'o-family-01', 0, 'family', '张小雨', '13600000001');
  add(21, 'o-family-02', 3, 'family', '王子涵', '13600000002');
  add(22, 'o-family-03', 12, 'family', '林一诺', '13600000003');
  add(23, 'o-tenant-01', 44, 'tenant', '吴晓', '13700000011');
  // A request waiting for the desk: a tenant whose details are not in the owner registry.
  add(30, 'o-pending-01', 27, 'tenant', '钱多多', '13700000022', 'pending');
  engine.insert('memberships', memberships);

  const staff = [
    { openid: 'o-staff-desk', name: '王敏', roles: ['desk'] },
    { openid: 'o-staff-eng1', name: '李强', roles: ['engineer'] },
    { openid: 'o-staff-eng2', name: '赵建国', roles: ['engineer'] },
    { openid: 'o-staff-sec', name: '陈刚', roles: ['security'] },
    { openid: 'o-staff-sup', name: '刘洋', roles: ['supervisor'] },
    { openid: 'o-staff-admin', name: '周婷', roles: ['admin', 'supervisor'] },
  ];
  engine.insert(
    'staff',
    staff.map((s, i) => ({
      _id: `st-${s.openid.slice(8)}`,
      ...s,
      communityId: c._id,
      phone: `1580000000${i}`,
      active: true,
      onDuty: s.roles.includes('engineer') || s.roles.includes('desk'),
      // No alert exists yet: each one from now on comes through notify, which keeps this count.
      alertsUnread: 0,
      createdAt: now,
    })),
  );
  return true;
}
