import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import RoutingPage from '@/staff/routing/index'
import LogPage from '@/staff/log/index'
import { CloudError } from '@/services/cloud'
import type { StaffRole } from '@/domain/roles'
import type { RoutingRule } from '@/domain/tickets/routing'
import { callsOf, deferred, mockCloud, type Handler } from './cloud-mock'
import { COMMUNITY, UNITS, me, staff } from './fixtures'
import { typeInto } from './dom'

const RULES: RoutingRule[] = [
  { match: 'type:repair', department: 'engineering', mode: 'grab', grabFallbackMinutes: 10 },
  { match: 'noise', department: 'security', mode: 'assign', grabFallbackMinutes: 10 },
  { match: 'type:complaint', department: 'desk', mode: 'fixed', fixedStaffId: 'st-desk', grabFallbackMinutes: 10 },
]
const PEOPLE = [
  { staffId: 'st-desk', name: '王敏', roles: ['desk'], onDuty: true },
  { staffId: 'st-eng1', name: '李强', roles: ['engineer'], onDuty: false },
]
const asStaff = (roles: StaffRole[], handlers: Record<string, Handler>) =>
  mockCloud({ me: () => me({ staff: staff(roles, { communityId: COMMUNITY._id }) }), departmentStaff: () => PEOPLE, ...handlers })

describe('派单规则', () => {
  it('lists the rules in words and saves an edit through setRouting', async () => {
    asStaff(['admin'], { getRouting: () => ({ rules: RULES }), setRouting: (d: any) => ({ rules: d.rules }) })
    render(<RoutingPage />)
    expect(await screen.findByText('全部报修')).toBeTruthy()
    expect(screen.getByText('工程 · 抢单 · 10 分钟无人抢单自动派单')).toBeTruthy()
    expect(screen.getByText('秩序 · 自动派单')).toBeTruthy()
    expect(await screen.findByText('客服 · 指定人员 · 王敏')).toBeTruthy()
    expect(screen.getByText('规则已保存')).toBeTruthy()

    // Remove 噪音, change 全部报修 to 15 minutes, add 门禁 → 秩序.
    fireEvent.click(screen.getByLabelText('删除规则 噪音'))
    fireEvent.click(screen.getByLabelText('编辑规则 全部报修'))
    let sheet = screen.getByRole('dialog', { name: '编辑规则' })
    fireEvent.click(within(sheet).getByText('15 分钟'))
    fireEvent.click(within(sheet).getByText('确定'))
    fireEvent.click(screen.getByText('+ 添加规则'))
    sheet = screen.getByRole('dialog', { name: '添加规则' })
    fireEvent.click(within(sheet).getByText('确定'))
    expect(within(sheet).getByText('请选择适用的类别')).toBeTruthy()
    fireEvent.click(within(sheet).getByText('全部报修'))
    fireEvent.click(within(sheet).getByText('确定'))
    expect(within(sheet).getByText('已有这个类别的规则，请直接编辑它')).toBeTruthy()
    fireEvent.click(within(sheet).getByText('门禁'))
    fireEvent.click(within(within(sheet).getByRole('listbox', { name: '处理部门' })).getByText('秩序'))
    fireEvent.click(within(sheet).getByText('指定人员'))
    fireEvent.click(within(sheet).getByText('确定'))
    expect(within(sheet).getByText('请选择指定人员')).toBeTruthy()
    fireEvent.click(within(sheet).getByText('自动派单'))
    fireEvent.click(within(sheet).getByText('确定'))
    expect(screen.queryByRole('dialog')).toBeNull()

    fireEvent.click(screen.getByText('保存规则'))
    await waitFor(() => expect(callsOf('setRouting')).toHaveLength(1))
    expect(callsOf('setRouting')[0]).toEqual({
      rules: [
        { match: 'type:repair', department: 'engineering', mode: 'grab', grabFallbackMinutes: 15 },
        { match: 'type:complaint', department: 'desk', mode: 'fixed', fixedStaffId: 'st-desk', grabFallbackMinutes: 10 },
        { match: 'access_control', department: 'security', mode: 'assign', grabFallbackMinutes: 10 },
      ],
    })
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' }))
    expect(screen.getByText('规则已保存')).toBeTruthy()
  })

  it('shows the server’s message when saving is refused', async () => {
    asStaff(['admin'], {
      getRouting: () => ({ rules: RULES }),
      setRouting: () => {
        throw new CloudError('INVALID_INPUT', '指定的员工不存在或已停用')
      },
    })
    render(<RoutingPage />)
    fireEvent.click(await screen.findByLabelText('删除规则 噪音'))
    fireEvent.click(screen.getByText('保存规则'))
    expect(await screen.findByText('指定的员工不存在或已停用')).toBeTruthy()
  })

  it('supervisors read the rules but cannot change them', async () => {
    asStaff(['supervisor'], { getRouting: () => ({ rules: RULES }) })
    render(<RoutingPage />)
    expect(await screen.findByText('全部报修')).toBeTruthy()
    expect(screen.getByText('仅管理员可以修改规则。')).toBeTruthy()
    expect(screen.queryByText('保存规则')).toBeNull()
    expect(screen.queryByLabelText(/编辑规则/)).toBeNull()
  })

  it('others are told they cannot see them', async () => {
    asStaff(['engineer'], {})
    render(<RoutingPage />)
    expect(await screen.findByText('仅管理员和主管可以查看派单规则')).toBeTruthy()
    expect(callsOf('getRouting')).toHaveLength(0)
  })
})

describe('代客登记', () => {
  it('logs a call for a unit once, as the desk, and opens the new ticket', async () => {
    const reply = deferred<{ ticketId: string; no: string; created: boolean }>()
    asStaff(['desk'], {
      listCommunities: () => [{ _id: COMMUNITY._id, name: COMMUNITY.name }],
      listUnits: (d: any) => UNITS.filter((u) => !d.building || u.building === d.building),
      createOnBehalf: () => reply.promise,
    })
    render(<LogPage />)
    fireEvent.click(await screen.findByText('登记工单'))
    expect(screen.getByText('请选择问题类别')).toBeTruthy()
    expect(screen.getByText('请填写描述')).toBeTruthy()
    expect(screen.getByText('请选择房屋')).toBeTruthy()
    expect(screen.getByText('请输入姓名')).toBeTruthy()
    expect(callsOf('createOnBehalf')).toHaveLength(0)

    fireEvent.click(screen.getByText('投诉'))
    fireEvent.click(screen.getByText('噪音'))
    await typeInto('描述', '楼上夜间装修噪音')
    fireEvent.click(await screen.findByText('1栋'))
    fireEvent.click(await screen.findByText('1单元'))
    fireEvent.click(await screen.findByText('102'))
    await typeInto('姓名', '王芳')
    await typeInto('电话', '13800138000')
    fireEvent.click(screen.getByText('来访'))
    fireEvent.click(screen.getByText('登记工单'))
    fireEvent.click(await screen.findByText('登记中…'))
    await waitFor(() => expect(callsOf('createOnBehalf')).toHaveLength(1))
    expect(callsOf('createOnBehalf')[0]).toEqual({
      type: 'complaint',
      category: 'noise',
      description: '楼上夜间装修噪音',
      location: { kind: 'home', unitId: 'u-1-1-102' },
      contactName: '王芳',
      contactPhone: '13800138000',
      channel: 'walk_in',
      clientRequestId: expect.stringMatching(/^.{8,64}$/),
    })
    reply.resolve({ ticketId: 't-7', no: 'TS-20261128-0007', created: true })
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/staff/ticket/index?id=t-7' }))
  })

  it('engineers cannot log on behalf of residents', async () => {
    asStaff(['engineer'], { listCommunities: () => [], listUnits: () => [] })
    render(<LogPage />)
    expect(await screen.findByText('仅客服、主管和管理员可以代客登记')).toBeTruthy()
  })
})
