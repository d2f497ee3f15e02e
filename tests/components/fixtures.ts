/** Response fixtures in the shapes of the `account` contract (src/domain/identity.ts). */
import type { HomeView, MeView, StaffView, UnitView } from '@/domain/identity'
import type { StaffRole } from '@/domain/roles'

export const COMMUNITY = { _id: 'c1', name: '翠湖花园', hotline: '021-61234567' }

export function home(over: Partial<HomeView> = {}): HomeView {
  return {
    membershipId: 'm1',
    unitId: 'u-1-1-101',
    label: '1栋1单元101',
    communityId: COMMUNITY._id,
    communityName: COMMUNITY.name,
    relation: 'owner',
    status: 'approved',
    name: '张伟',
    phoneMasked: '138****0001',
    createdAt: '2024-11-20T02:00:00.000Z',
    ...over,
  }
}

export function staff(roles: StaffRole[], over: Partial<StaffView> = {}): StaffView {
  return {
    staffId: 's1',
    communityId: COMMUNITY._id,
    communityName: COMMUNITY.name,
    name: '李娜',
    roles,
    active: true,
    onDuty: false,
    ...over,
  }
}

export function me(over: Partial<MeView> = {}): MeView {
  return { openid: 'o-resident', homes: [], staff: null, community: COMMUNITY, ...over }
}

export const UNITS: UnitView[] = [
  { _id: 'u-1-1-101', communityId: 'c1', building: '1栋', unitNo: '1单元', room: '101', label: '1栋1单元101' },
  { _id: 'u-1-1-102', communityId: 'c1', building: '1栋', unitNo: '1单元', room: '102', label: '1栋1单元102' },
  { _id: 'u-1-2-201', communityId: 'c1', building: '1栋', unitNo: '2单元', room: '201', label: '1栋2单元201' },
  { _id: 'u-2-1-101', communityId: 'c1', building: '2栋', unitNo: '1单元', room: '101', label: '2栋1单元101' },
]
