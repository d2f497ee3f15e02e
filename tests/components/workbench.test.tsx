import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import WorkbenchPage from '@/staff/workbench/index'
import { CloudError } from '@/services/cloud'
import { ERROR_MESSAGES } from '@/domain/errors'
import type { StaffRole } from '@/domain/roles'
import { callsOf, mockCloud } from './cloud-mock'
import { me, staff } from './fixtures'

function asStaff(roles: StaffRole[], extra: Record<string, (d: any) => unknown> = {}) {
  mockCloud({
    me: () => me({ staff: staff(roles) }),
    listBindingRequests: () => ({ items: [], total: 3 }),
    queueCounts: () => ({ assigned: 0, pool: 0, owned: 0, dueSoon: 0, overdue: 0, open: 0 }),
    ...extra,
  })
}

describe('员工工作台', () => {
  it('desk sees 绑定审核 with the pending count, not 员工管理', async () => {
    asStaff(['desk'])
    render(<WorkbenchPage />)
    expect(await screen.findByText('绑定审核')).toBeTruthy()
    expect(screen.queryByText('员工管理')).toBeNull()
    expect(await screen.findByText('3 条待审核')).toBeTruthy()
    expect(callsOf('listBindingRequests')[0]).toEqual({ status: 'pending', pageSize: 1 })
    expect(screen.getByText('客服')).toBeTruthy()
    fireEvent.click(screen.getByText('绑定审核'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/bindings/index' })
  })

  it('admin sees both 绑定审核 and 员工管理', async () => {
    asStaff(['admin'])
    render(<WorkbenchPage />)
    expect(await screen.findByText('绑定审核')).toBeTruthy()
    expect(screen.getByText('员工管理')).toBeTruthy()
    fireEvent.click(screen.getByText('员工管理'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/members/index' })
  })

  it('an engineer sees neither review nor staff management, and does not ask for pending counts', async () => {
    asStaff(['engineer'])
    render(<WorkbenchPage />)
    expect(await screen.findByText('巡检维保')).toBeTruthy()
    expect(screen.queryByText('绑定审核')).toBeNull()
    expect(screen.queryByText('员工管理')).toBeNull()
    expect(callsOf('listBindingRequests')).toHaveLength(0)
  })

  it('every tile is a live feature: none says 即将上线, and 社区活动 opens the events desk', async () => {
    asStaff(['desk'])
    render(<WorkbenchPage />)
    fireEvent.click(await screen.findByText('社区活动'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/events/index' })
    expect(screen.queryByText('即将上线')).toBeNull()
  })

  it('入住交接 is live: it opens the move-in desk', async () => {
    asStaff(['desk'])
    render(<WorkbenchPage />)
    fireEvent.click(await screen.findByText('入住交接'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/movein/index' })
  })

  it('an engineer’s 工单 tile counts assigned + pool, highlights overdue, and opens the queues', async () => {
    asStaff(['engineer'], { queueCounts: () => ({ assigned: 2, pool: 3, owned: 0, dueSoon: 1, overdue: 1, open: 9 }) })
    render(<WorkbenchPage />)
    expect(await screen.findByText('5 单待处理')).toBeTruthy()
    const overdue = screen.getByText('1 单已超时')
    expect(overdue.className).toContain('wb-tile__count--hot')
    expect(screen.queryByText('派单规则')).toBeNull()
    fireEvent.click(screen.getByText('工单'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/tickets/index' })
  })

  it('a supervisor sees the open count and the 派单规则 tile', async () => {
    asStaff(['supervisor'], { queueCounts: () => ({ assigned: 0, pool: 0, owned: 0, dueSoon: 0, overdue: 0, open: 7 }) })
    render(<WorkbenchPage />)
    expect(await screen.findByText('7 单待处理')).toBeTruthy()
    expect(screen.queryByText(/单已超时/)).toBeNull()
    fireEvent.click(screen.getByText('派单规则'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/routing/index' })
  })

  it('switches on duty through setOnDuty and reverts with the Chinese message on failure', async () => {
    let fail = false
    asStaff(['engineer'], {
      setOnDuty: (d: { onDuty: boolean }) => {
        if (fail) throw new CloudError('FORBIDDEN', ERROR_MESSAGES.FORBIDDEN)
        return staff(['engineer'], { onDuty: d.onDuty })
      },
    })
    const { container } = render(<WorkbenchPage />)
    expect(await screen.findByText('休息：暂不接收派单')).toBeTruthy()
    const toggle = container.querySelector('.nut-switch') as HTMLElement
    fireEvent.click(toggle)
    expect(await screen.findByText('在岗：可接收派单与提醒')).toBeTruthy()
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '已切换为在岗', icon: 'none' }))
    expect(callsOf('setOnDuty')).toEqual([{ onDuty: true }])

    fail = true
    fireEvent.click(toggle)
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '您没有权限进行此操作', icon: 'none' }))
    expect(callsOf('setOnDuty')).toEqual([{ onDuty: true }, { onDuty: false }])
    expect(screen.getByText('在岗：可接收派单与提醒')).toBeTruthy()
  })

  it('tells a non-staff caller how to join', async () => {
    mockCloud({ me: () => me() })
    render(<WorkbenchPage />)
    expect(await screen.findByText('你还不是物业员工')).toBeTruthy()
    expect(screen.queryByText('绑定审核')).toBeNull()
  })
})
