/** Backend answers in the shapes of the `account` contract (src/domain/identity.ts). */
const COMMUNITY = { _id: 'c1', name: '翠湖花园', hotline: '021-61234567' }

const home = (over = {}) => ({
  membershipId: 'm1',
  unitId: 'u-1-1-101',
  label: '1栋1单元101',
  communityId: 'c1',
  communityName: COMMUNITY.name,
  relation: 'owner',
  status: 'approved',
  name: '张伟',
  phoneMasked: '138****0001',
  createdAt: '2024-11-20T02:00:00.000Z',
  ...over,
})

const staff = (roles, over = {}) => ({
  staffId: 's1',
  communityId: 'c1',
  communityName: COMMUNITY.name,
  name: '周敏',
  roles,
  active: true,
  onDuty: true,
  ...over,
})

const UNITS = [
  { _id: 'u-1-1-101', communityId: 'c1', building: '1栋', unitNo: '1单元', room: '101', label: '1栋1单元101' },
  { _id: 'u-1-1-102', communityId: 'c1', building: '1栋', unitNo: '1单元', room: '102', label: '1栋1单元102' },
  { _id: 'u-2-1-101', communityId: 'c1', building: '2栋', unitNo: '1单元', room: '101', label: '2栋1单元101' },
]

module.exports = { COMMUNITY, home, staff, UNITS }
