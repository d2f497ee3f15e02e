import type { StaffRole } from '@/domain/roles'

export interface WorkbenchEntry {
  key: string
  title: string
  /** Roles that see the entry. */
  roles: StaffRole[]
  /** Built entries navigate here; entries without a url are shown as 即将上线. */
  url?: string
  desc?: string
}

export const ENTRIES: WorkbenchEntry[] = [
  { key: 'bindings', title: '绑定审核', roles: ['desk', 'admin'], url: '/staff/bindings/index', desc: '审核住户的房屋绑定申请' },
  { key: 'members', title: '员工管理', roles: ['admin'], url: '/staff/members/index', desc: '邀请员工、调整岗位' },
  { key: 'tickets', title: '工单', roles: ['desk', 'engineer', 'security', 'supervisor', 'admin'], url: '/staff/tickets/index', desc: '处理报修、投诉与咨询' },
  { key: 'routing', title: '派单规则', roles: ['supervisor', 'admin'], url: '/staff/routing/index', desc: '各类工单派给谁、怎么派' },
  { key: 'sla', title: '服务时限', roles: ['supervisor', 'admin'], url: '/staff/sla/index', desc: '响应、到场、完成的时限' },
  { key: 'callbacks', title: '回访', roles: ['desk', 'engineer', 'security', 'supervisor', 'admin'], url: '/staff/callbacks/index', desc: '完工后回访住户' },
  { key: 'callback-settings', title: '回访设置', roles: ['supervisor', 'admin'], url: '/staff/callback-settings/index', desc: '回访策略、时限与联系次数' },
  { key: 'notices', title: '公告', roles: ['desk', 'supervisor', 'admin'], url: '/staff/notices/index', desc: '停水停电等通知，推送与张贴' },
  { key: 'communities', title: '小区与房屋', roles: ['admin'], url: '/staff/communities/index', desc: '房屋生成、Excel 导入、任命员工' },
  { key: 'handover', title: '入住交接', roles: ['desk', 'engineer', 'supervisor', 'admin'], url: '/staff/movein/index', desc: '入住批次、资料审核、钥匙交接与验房' },
  { key: 'events', title: '社区活动', roles: ['desk', 'security', 'supervisor', 'admin'], url: '/staff/events/index', desc: '策划、审核、报名签到、反馈与总结' },
  { key: 'inspection', title: '巡检维保', roles: ['engineer', 'security', 'supervisor', 'admin'], url: '/staff/facilities/index', desc: '巡检任务、设备台账、维护记录与分析' },
  { key: 'insights', title: '沟通记录分析', roles: ['supervisor', 'admin'], url: '/staff/analysis/index', desc: '服务分析、月度报告与客户沟通记录表' },
  { key: 'register', title: '沟通记录', roles: ['desk'], url: '/staff/register/index', desc: '客户沟通记录表：查找、登记、导出' },
  { key: 'found', title: '发现问题上报', roles: ['engineer', 'security'], url: '/staff/found/index', desc: '巡查中发现的问题：上报即派单，你是首问负责人' },
]

export const entriesFor = (roles: StaffRole[]) => ENTRIES.filter((e) => e.roles.some((r) => roles.includes(r)))
