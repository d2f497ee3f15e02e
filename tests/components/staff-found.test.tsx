import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import FoundPage from '@/staff/found/index'
import WorkbenchPage from '@/staff/workbench/index'
import type { StaffRole } from '@/domain/roles'
import { callsOf, mockCloud, type Handler } from './cloud-mock'
import { COMMUNITY, UNITS, me, staff } from './fixtures'
import { typeInto } from './dom'

/** 发现问题上报 (issue #17) with a mocked backend; the rules through the real function: tests/functions/staff-report.test.ts. */
const asStaff = (roles: StaffRole[], handlers: Record<string, Handler> = {}) =>
  mockCloud({
    me: () => me({ staff: staff(roles, { communityId: COMMUNITY._id }) }),
    listCommunities: () => [{ _id: COMMUNITY._id, name: COMMUNITY.name }],
    listUnits: (d: any) => UNITS.filter((u) => !d.building || u.building === d.building),
    ...handlers,
  })

describe('发现问题上报', () => {
  it('names what is missing, then files a public-area find and opens the ticket', async () => {
    asStaff(['security'], { staffReport: () => ({ ticketId: 't-9', no: 'BX-20261128-0009', created: true }) })
    render(<FoundPage />)
    fireEvent.click(await screen.findByText('上报'))
    expect(screen.getByText('请选择问题类别')).toBeTruthy()
    expect(screen.getByText('请填写发现的问题')).toBeTruthy()
    expect(screen.getByText('请填写具体位置')).toBeTruthy()
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '请选择问题类别', icon: 'none' })
    expect(callsOf('staffReport')).toHaveLength(0)

    fireEvent.click(screen.getByText('公共照明'))
    await typeInto('发现的问题', '5栋地下车库B区两盏灯不亮')
    await typeInto('楼栋', '5栋')
    await typeInto('具体位置', '地下车库B区')
    fireEvent.click(screen.getByText('上报'))
    await waitFor(() => expect(callsOf('staffReport')).toHaveLength(1))
    expect(callsOf('staffReport')[0]).toEqual({
      type: 'repair',
      category: 'public_lighting',
      description: '5栋地下车库B区两盏灯不亮',
      photos: [],
      location: { kind: 'public', area: '地下车库B区', building: '5栋' },
      clientRequestId: expect.stringMatching(/^.{8,64}$/),
    })
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/staff/ticket/index?id=t-9' }))
  })

  it('a unit of the community is picked with the unit picker', async () => {
    asStaff(['engineer'], { staffReport: () => ({ ticketId: 't-10', no: 'BX-20261128-0010', created: true }) })
    render(<FoundPage />)
    fireEvent.click(await screen.findByText('住户房屋'))
    fireEvent.click(screen.getByText('上报'))
    expect(screen.getByText('请选择房屋')).toBeTruthy()
    fireEvent.click(screen.getByText('投诉'))
    fireEvent.click(screen.getByText('噪音'))
    await typeInto('发现的问题', '夜间装修噪音')
    fireEvent.click(await screen.findByText('1栋'))
    fireEvent.click(await screen.findByText('1单元'))
    fireEvent.click(await screen.findByText('102'))
    fireEvent.click(screen.getByText('上报'))
    await waitFor(() => expect(callsOf('staffReport')).toHaveLength(1))
    expect(callsOf('staffReport')[0]).toMatchObject({ type: 'complaint', category: 'noise', location: { kind: 'home', unitId: 'u-1-1-102' } })
  })

  it('only engineers and security: others are told, and the workbench offers it to them alone', async () => {
    asStaff(['desk'], { listBindingRequests: () => ({ items: [], total: 0 }), queueCounts: () => ({ assigned: 0, pool: 0, owned: 0, dueSoon: 0, overdue: 0, open: 0 }) })
    const page = render(<FoundPage />)
    expect(await screen.findByText('仅工程和秩序人员可以上报巡查发现的问题')).toBeTruthy()
    page.unmount()
    const wb = render(<WorkbenchPage />)
    expect(await screen.findByText('绑定审核')).toBeTruthy()
    expect(screen.queryByText('发现问题上报')).toBeNull()
    wb.unmount()
    asStaff(['engineer'], { queueCounts: () => ({ assigned: 0, pool: 0, owned: 0, dueSoon: 0, overdue: 0, open: 0 }) })
    render(<WorkbenchPage />)
    fireEvent.click(await screen.findByText('发现问题上报'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/found/index' })
  })
})
