import type { Engine } from './db/engine';
import { ROLE_LABELS, RELATION_LABELS, type StaffRole, type Relation } from '../src/domain/roles';
import { NEWCOMERS } from './seed';

export interface Persona {
  openid: string;
  name: string;
  kind: 'resident' | 'staff';
  roles: string[];
  label: string;
  unit?: string;
  communityId?: string;
}

/** Everyone the H5 build can act as locally: staff, residents, and newcomers without a home. */
export function listPersonas(engine: Engine): Persona[] {
  const units = new Map(engine.find('units', {}).map((u) => [u._id, u.label as string]));
  // One persona per person: a staff member of several communities (one record each) is listed once, with every community's roles.
  const records = engine.find('staff', { active: true }, { order: [['createdAt', 1]] });
  const names = new Map(engine.find('communities', {}).map((c) => [c._id, c.name as string]));
  const many = new Set(records.filter((s, i) => records.findIndex((r) => r.openid === s.openid) !== i).map((s) => s.openid));
  const staff: Persona[] = [];
  for (const s of records) {
    const roles = (s.roles as StaffRole[]).map((r) => ROLE_LABELS[r]).join('、');
    const part = many.has(s.openid) ? `${names.get(s.communityId) ?? ''}：${roles}` : roles;
    const known = staff.find((p) => p.openid === s.openid);
    if (known) {
      known.label = `${known.label.slice(0, -1)}；${part}）`;
      known.roles = [...new Set([...known.roles, ...s.roles])];
      continue;
    }
    staff.push({ openid: s.openid, name: s.name, kind: 'staff', roles: [...s.roles], communityId: s.communityId, label: `${s.name}（${part}）` });
  }
  const seen = new Set(staff.map((s) => s.openid));
  const residents: Persona[] = [];
  for (const m of engine.find('memberships', { status: { $in: ['approved', 'pending'] } }, { order: [['createdAt', 1]] })) {
    if (seen.has(m.openid)) continue;
    seen.add(m.openid);
    const unit = units.get(m.unitId) ?? '';
    const status = m.status === 'pending' ? '，待审核' : '';
    residents.push({
      openid: m.openid,
      name: m.name,
      kind: 'resident',
      roles: [],
      unit,
      communityId: m.communityId,
      label: `${m.name}（${unit} ${RELATION_LABELS[m.relation as Relation]}${status}）`,
    });
  }
  const newcomers: Persona[] = NEWCOMERS.filter((n) => !seen.has(n.openid)).map((n) => ({
    openid: n.openid,
    name: n.name,
    kind: 'resident',
    roles: [],
    label: `${n.name}（未绑定房屋）`,
  }));
  return [...residents, ...newcomers, ...staff];
}
