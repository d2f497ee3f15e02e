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

/** `tickets` contract shapes (src/domain/tickets/api.ts). */
const summary = (over = {}) => ({
  ticketId: 't-1',
  no: 'BX-20261128-0001',
  type: 'repair',
  typeLabel: '报修',
  category: 'plumbing_electric',
  categoryLabel: '水电',
  emergency: false,
  status: 'accepted',
  statusLabel: '处理中',
  locationLabel: '1栋1单元101',
  description: '厨房水龙头一直滴水',
  createdAt: '2026-11-28T01:12:00.000Z',
  assigneeName: '李强',
  nextDue: { kind: 'arrive', label: '到场', dueAt: '2026-11-28T01:52:00.000Z', state: 'due-soon', remaining: '剩余 9 分' },
  ...over,
})

const ticket = (over = {}) => ({
  ...summary(),
  department: 'engineering',
  departmentLabel: '工程',
  contactName: '张伟',
  contactPhone: '13800000001',
  photoUrls: [],
  pool: false,
  channel: 'app',
  deadlines: [
    { kind: 'accept', label: '响应', dueAt: '2026-11-28T01:42:00.000Z', metAt: '2026-11-28T01:20:00.000Z', state: 'met', remaining: '按时响应' },
    { kind: 'arrive', label: '到场', dueAt: '2026-11-28T01:52:00.000Z', state: 'due-soon', remaining: '剩余 9 分' },
    { kind: 'resolve', label: '完成', dueAt: '2026-11-29T01:12:00.000Z', state: 'running', remaining: '剩余 23 小时 59 分' },
  ],
  timeline: [
    {
      at: '2026-11-28T01:12:00.000Z',
      action: 'created',
      label: '提交',
      actorName: '张伟',
      actorKind: 'resident',
      channel: 'app',
      text: '厨房水龙头一直滴水',
      visibility: 'public',
    },
    { at: '2026-11-28T01:20:00.000Z', action: 'grab', label: '抢单', actorName: '李强', actorKind: 'staff', channel: 'app', text: '已抢单', visibility: 'public' },
  ],
  actions: ['message'],
  ownerName: '李强',
  hotline: COMMUNITY.hotline,
  ...over,
})

module.exports = { COMMUNITY, home, staff, UNITS, summary, ticket }
