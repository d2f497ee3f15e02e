/**
 * Issue #12 (staff side) in the components: search and 筛选 over the queues, a flat's history on a
 * ticket, loads in the dispatch sheet, the completion sheet's photo rule and extras, and desk
 * logging with landlines and the caller lookup. The same rules through the real function:
 * tests/functions/staff-search.test.ts.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import StaffTicketsPage from '@/staff/tickets/index'
import StaffTicketPage from '@/staff/ticket/index'
import LogPage from '@/staff/log/index'
import type { StaffRole } from '@/domain/roles'
import { rangeError } from '@/features/staff-tickets/filters'
import { callsOf, mockCloud, type Handler } from './cloud-mock'
import { COMMUNITY, UNITS, me, staff } from './fixtures'
import { detail, summary } from './ticket-fixtures'
import { router } from './taro-double'
import { typeInto } from './dom'

const COUNTS = { assigned: 0, pool: 1, owned: 2, unassigned: 3, dueSoon: 1, overdue: 4, open: 12 }
const asStaff = (roles: StaffRole[], handlers: Record<string, Handler>) =>
  mockCloud({
    me: () => me({ staff: staff(roles, { communityId: COMMUNITY._id }) }),
    listCommunities: () => [{ _id: COMMUNITY._id, name: COMMUNITY.name }],
    listUnits: (d: any) => UNITS.filter((u) => !d.building || u.building === d.building),
    ...handlers,
  })
const tab = (label: string) => screen.getAllByRole('tab').find((t) => t.textContent!.endsWith(label))!
const closedLeak = summary({ ticketId: 't-closed', status: 'closed', statusLabel: '已关闭', nextDue: undefined })

afterEach(() => {
  router.params = {}
})

describe('工单查找与筛选', () => {
  it('the desk has 待派单, 已关闭 and 全部; a phone search finds a closed ticket; 返回队列 goes back', async () => {
    asStaff(['desk'], {
      queueCounts: () => COUNTS,
      listQueue: () => ({ items: [summary()], total: 1 }),
      search: () => ({ items: [closedLeak], matchedBy: 'phone' }),
    })
    render(<StaffTicketsPage />)
    await screen.findByText('报修·水电')
    await waitFor(() => expect(tab('待派单').textContent).toBe('3待派单'))
    // Nothing to act on in 已关闭/全部: no number to count.
    expect(tab('已关闭').textContent).toBe('已关闭')
    expect(tab('全部').textContent).toBe('全部')
    fireEvent.click(tab('待派单'))
    await waitFor(() => expect(callsOf('listQueue').at(-1)).toEqual({ queue: 'unassigned', pageSize: 20 }))

    await typeInto('搜索工单', '13912340077')
    fireEvent.click(screen.getByRole('button', { name: '搜索' }))
    expect(await screen.findByText('已关闭')).toBeTruthy()
    expect(callsOf('search')).toEqual([{ q: '13912340077', status: 'all', pageSize: 20 }])
    expect(screen.getByText(/搜索结果（按电话），含已关闭/)).toBeTruthy()
    expect(screen.queryAllByRole('tab')).toHaveLength(0)
    fireEvent.click(screen.getByText('报修·水电'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/ticket/index?id=t-closed' })

    fireEvent.click(screen.getByRole('button', { name: '返回队列' }))
    expect(await screen.findAllByRole('tab')).not.toHaveLength(0)
  })

  it('an engineer has no 待派单 and is not offered phone search', async () => {
    asStaff(['engineer'], { queueCounts: () => COUNTS, listQueue: () => ({ items: [], total: 0 }) })
    render(<StaffTicketsPage />)
    await screen.findByText('没有派给你的工单')
    expect(screen.getAllByRole('tab').map((t) => t.textContent!.replace(/^[\d–]+/, ''))).toEqual(['派给我', '抢单池', '我负责的', '即将超时', '已超时', '未完成', '已关闭', '全部'])
    expect(screen.getByLabelText('搜索工单').getAttribute('placeholder')).toBe('工单号 / 房屋 / 姓名')
  })

  it('筛选 narrows by status, type, category and building, and the badge counts them', async () => {
    asStaff(['supervisor'], { queueCounts: () => COUNTS, listQueue: () => ({ items: [], total: 0 }), search: () => ({ items: [closedLeak] }) })
    render(<StaffTicketsPage />)
    await screen.findByText('没有未完成的工单')
    fireEvent.click(screen.getByRole('button', { name: '筛选' }))
    const sheet = await screen.findByRole('dialog', { name: '筛选工单' })
    fireEvent.click(within(sheet).getByText('已关闭'))
    fireEvent.click(within(sheet).getByText('报修'))
    fireEvent.click(await within(sheet).findByText('水电'))
    fireEvent.click(await within(sheet).findByText('2栋'))
    fireEvent.click(within(sheet).getByText('查看结果'))
    await waitFor(() => expect(callsOf('search')).toEqual([{ pageSize: 20, status: 'closed', type: 'repair', category: 'plumbing_electric', building: '2栋' }]))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(screen.getByRole('button', { name: '筛选' }).textContent).toBe('筛选 4')
    // 清除筛选 goes back to the queue.
    fireEvent.click(screen.getByRole('button', { name: '筛选' }))
    fireEvent.click(within(await screen.findByRole('dialog', { name: '筛选工单' })).getByText('清除筛选'))
    expect(await screen.findAllByRole('tab')).not.toHaveLength(0)
  })

  it('an impossible date range is named in the schema’s words', () => {
    expect(rangeError({ from: '2026-11-30', to: '2026-11-01' })).toBe('开始日期不能晚于结束日期')
    expect(rangeError({ from: '2025-01-01', to: '2026-11-01' })).toBe('日期范围不超过 366 天')
    expect(rangeError({ from: '2026-11-01', to: '2026-11-30' })).toBeUndefined()
  })

  it('a flat’s history opens from the ticket: its other tickets, closed ones too, and all of them', async () => {
    router.params = { id: 't-1' }
    const leaks = [summary({ ticketId: 't-1' }), closedLeak, summary({ ticketId: 't-old', status: 'closed', statusLabel: '已关闭' })]
    asStaff(['engineer'], { get: () => detail({ unitId: 'u-1-1-101' }), search: () => ({ items: leaks }) })
    render(<StaffTicketPage />)
    expect(await screen.findByText('本房屋的其他工单（2）')).toBeTruthy()
    expect(screen.getByText('其中 2 张为「水电」')).toBeTruthy()
    expect(callsOf('search')).toEqual([{ unitId: 'u-1-1-101', status: 'all', pageSize: 6 }])
    fireEvent.click(screen.getByText('查看本房屋全部工单 →'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/staff/tickets/index?unitId=u-1-1-101&unit=${encodeURIComponent('1栋1单元101')}` })
  })

  it('the history page searches that flat, closed tickets included', async () => {
    router.params = { unitId: 'u-1-1-101', unit: encodeURIComponent('1栋1单元101') }
    asStaff(['desk'], { queueCounts: () => COUNTS, search: () => ({ items: [closedLeak] }) })
    render(<StaffTicketsPage />)
    expect(await screen.findByText(/1栋1单元101 的全部工单/)).toBeTruthy()
    expect(callsOf('search')[0]).toEqual({ unitId: 'u-1-1-101', status: 'all', pageSize: 20 })
    expect(callsOf('listQueue')).toHaveLength(0)
  })
})

describe('派单与完工', () => {
  beforeEach(() => {
    router.params = { id: 't-1' }
  })

  it('the dispatch sheet shows each person’s load and duty, on duty and least loaded first; the actions come back from the server', async () => {
    let current = detail({ actions: ['dispatch', 'note'] })
    asStaff(['desk'], {
      get: () => current,
      departmentStaff: () => [
        { staffId: 'st-a', name: '忙的', roles: ['engineer'], onDuty: true, openLoad: 6 },
        { staffId: 'st-b', name: '休息的', roles: ['engineer'], onDuty: false, openLoad: 0 },
        { staffId: 'st-c', name: '闲的', roles: ['engineer'], onDuty: true, openLoad: 1 },
      ],
      act: () => {
        current = detail({ status: 'assigned', statusLabel: '已派单', assigneeName: '闲的', actions: ['note', 'transfer'] })
        return { ticketId: 't-1', status: 'assigned' }
      },
    })
    render(<StaffTicketPage />)
    fireEvent.click(await screen.findByText('派单', { selector: '.nut-button *' }))
    const sheet = await screen.findByRole('dialog', { name: '派单' })
    const rows = await within(sheet).findAllByRole('radio')
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringMatching(/^闲的.*在办 1 单在岗$/),
      expect.stringMatching(/^忙的.*在办 6 单在岗$/),
      expect.stringMatching(/^休息的.*在办 0 单休息$/),
    ])
    expect(within(rows[1]).getByText('在办 6 单').className).toContain('assign__load--busy')
    fireEvent.click(rows[0])
    fireEvent.click(within(sheet).getByText('确认派单'))
    await waitFor(() => expect(callsOf('act')).toEqual([{ action: 'dispatch', ticketId: 't-1', staffId: 'st-c' }]))
    await waitFor(() => expect(screen.queryByText('派单', { selector: '.nut-button *' })).toBeNull())
    expect(callsOf('get')).toHaveLength(2)
  })

  it('completing a repair asks for a photo when the community requires one; parts and fee go with it', async () => {
    asStaff(['engineer'], { get: () => detail({ status: 'arrived', actions: ['complete'], completionPhotoRequired: true }), act: () => ({ ticketId: 't-1', status: 'resolved' }) })
    render(<StaffTicketPage />)
    fireEvent.click(await screen.findByText('完工', { selector: '.nut-button *' }))
    const sheet = await screen.findByRole('dialog', { name: '完工' })
    expect(within(sheet).getByText('图片（必填）')).toBeTruthy()
    await typeInto('完工说明', '已更换角阀', sheet)
    await typeInto('使用配件（选填）', '角阀 ×1', sheet)
    await typeInto('收费（元，选填）', '35.5', sheet)
    fireEvent.click(within(sheet).getByText('提交完工'))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '请上传至少 1 张完工照片', icon: 'none' }))
    expect(callsOf('act')).toHaveLength(0)
  })

  it('without the photo rule the completion goes through with parts and fee; they show on the ticket', async () => {
    let current = detail({ status: 'arrived', actions: ['complete'], completionPhotoRequired: false })
    asStaff(['engineer'], {
      get: () => current,
      act: () => {
        current = detail({ status: 'resolved', statusLabel: '待确认', actions: [], completion: { parts: '角阀 ×1', fee: 35.5 } })
        return { ticketId: 't-1', status: 'resolved' }
      },
    })
    render(<StaffTicketPage />)
    fireEvent.click(await screen.findByText('完工', { selector: '.nut-button *' }))
    const sheet = await screen.findByRole('dialog', { name: '完工' })
    expect(within(sheet).getByText('图片（选填）')).toBeTruthy()
    await typeInto('完工说明', '已更换角阀', sheet)
    await typeInto('使用配件（选填）', '角阀 ×1', sheet)
    await typeInto('收费（元，选填）', '35.5', sheet)
    fireEvent.click(within(sheet).getByText('提交完工'))
    await waitFor(() => expect(callsOf('act')).toEqual([{ action: 'complete', ticketId: 't-1', text: '已更换角阀', photos: [], parts: '角阀 ×1', fee: 35.5 }]))
    expect(await screen.findByText('35.5 元（线下结算）')).toBeTruthy()
    expect(screen.getByText('角阀 ×1')).toBeTruthy()
  })
})

describe('代客登记：座机与来电查找', () => {
  it('a landline is accepted; looking the number up fills name and unit', async () => {
    asStaff(['desk'], {
      lookupCaller: (d: any) => (d.phone ? [{ name: '张先生', unitId: 'u-2-1-101', unitLabel: '2栋1单元101', source: '历史来电' }] : []),
      createOnBehalf: () => ({ ticketId: 't-9', no: 'BX-20261128-0009', created: true }),
    })
    render(<LogPage />)
    fireEvent.click(await screen.findByText('水电'))
    await typeInto('描述', '来电：卫生间漏水')
    await typeInto('电话', '0755-1234567')
    fireEvent.click(screen.getByRole('button', { name: '按电话查找来电人' }))
    await waitFor(() => expect(callsOf('lookupCaller')).toEqual([{ phone: '0755-1234567' }]))
    fireEvent.click(await screen.findByText('张先生'))
    expect(await screen.findByText('2栋1单元101')).toBeTruthy()
    fireEvent.click(screen.getByText('登记工单'))
    await waitFor(() => expect(callsOf('createOnBehalf')).toHaveLength(1))
    expect(callsOf('createOnBehalf')[0]).toMatchObject({ location: { kind: 'home', unitId: 'u-2-1-101' }, contactName: '张先生', contactPhone: '0755-1234567' })
  })

  it('a bad number is refused in the form with the schema’s words, and nothing is sent', async () => {
    asStaff(['desk'], { lookupCaller: () => [], createOnBehalf: () => ({ ticketId: 't-9' }) })
    render(<LogPage />)
    await screen.findByText('登记工单')
    await typeInto('电话', '010-123')
    fireEvent.click(screen.getByText('登记工单'))
    expect(await screen.findByText('请输入 11 位手机号或座机号（区号-号码，如 010-12345678）')).toBeTruthy()
    expect(screen.getByRole('button', { name: '按电话查找来电人' }).className).toContain('caller-lookup__find--off')
    fireEvent.click(screen.getByRole('button', { name: '按电话查找来电人' }))
    expect(callsOf('lookupCaller')).toHaveLength(0)
    expect(callsOf('createOnBehalf')).toHaveLength(0)
  })
})
