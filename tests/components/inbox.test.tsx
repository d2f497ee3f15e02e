import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import InboxPage from '@/inbox/index'
import WorkbenchPage from '@/staff/workbench/index'
import type { InboxItem } from '@/domain/inbox'
import { callsOf, mockCloud } from './cloud-mock'
import { home, me, staff } from './fixtures'

const item = (over: Partial<InboxItem>): InboxItem => ({
  id: 'm-1',
  box: 'personal',
  kind: 'progress',
  kindLabel: '工单进度',
  tone: 'info',
  title: '工单已受理',
  body: 'BX-20261128-0001 报修·1栋1单元101：李强 已接单',
  // 02:05 UTC = 10:05 北京时间, whatever zone this test runs in.
  at: '2026-11-28T02:05:00.000Z',
  read: false,
  target: { kind: 'ticket', id: 't-1' },
  ...over,
})

const RESIDENT_ITEMS = [
  item({}),
  item({ id: 'm-2', kind: 'notice', kindLabel: '社区公告', title: '1、2栋计划停水通知', body: '后天 9:00-15:00 停水', tone: 'warning', target: { kind: 'notice', id: 'a-1' } }),
  item({ id: 'm-3', kind: 'done', kindLabel: '处理完成', title: '工单已处理完成，请您确认', read: true, at: '2026-11-27T01:00:00.000Z' }),
]

function asResident(extra: Record<string, (d: any) => unknown> = {}) {
  mockCloud({
    me: () => me({ homes: [home()] }),
    list: () => ({ items: RESIDENT_ITEMS, total: 3, unread: 2 }),
    unread: () => ({ personal: 2, alerts: 0, total: 2 }),
    read: (d: any) => ({ target: RESIDENT_ITEMS.find((i) => i.id === d.id)?.target, allowed: true, unread: { personal: 1, alerts: 0, total: 1 } }),
    ...extra,
  })
}

describe('消息 (inbox)', () => {
  it('lists messages newest first with unread ones marked, in 北京时间', async () => {
    asResident()
    render(<InboxPage />)
    expect(await screen.findByText('工单已受理')).toBeTruthy()
    expect(screen.getByText('1、2栋计划停水通知')).toBeTruthy()
    expect(screen.getByText('2 条未读')).toBeTruthy()
    expect(screen.getAllByText(/11月28日 10:05/).length).toBe(2)
    expect(document.querySelectorAll('.msg--unread')).toHaveLength(2)
    expect(document.querySelectorAll('.msg--read')).toHaveLength(1)
    expect(document.querySelector('.msg--warning')).toBeTruthy()
    expect(callsOf('list')[0]).toEqual({ box: 'personal', pageSize: 20 })
  })

  it('opening a message marks it read, updates the 我的 badge and opens the ticket', async () => {
    asResident()
    render(<InboxPage />)
    fireEvent.click(await screen.findByText('工单已受理'))
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/ticket/index?id=t-1' }))
    expect(callsOf('read')[0]).toEqual({ id: 'm-1' })
    expect(Taro.setTabBarBadge).toHaveBeenCalledWith({ index: 3, text: '1' })
  })

  it('a link the reader may not see opens 无权查看, not the page', async () => {
    asResident({ read: () => ({ target: { kind: 'ticket', id: 't-1' }, allowed: false, unread: { personal: 1, alerts: 0, total: 1 } }) })
    render(<InboxPage />)
    fireEvent.click(await screen.findByText('工单已受理'))
    expect(await screen.findByText('无权查看')).toBeTruthy()
    expect(Taro.navigateTo).not.toHaveBeenCalled()
    fireEvent.click(screen.getByText('返回消息列表'))
    expect(await screen.findByText('工单已受理')).toBeTruthy()
  })

  it('全部已读 marks everything read', async () => {
    let allRead = false
    asResident({
      read: () => {
        allRead = true
        return { unread: { personal: 0, alerts: 0, total: 0 } }
      },
      list: () => ({ items: RESIDENT_ITEMS.map((i) => ({ ...i, read: i.read || allRead })), total: 3, unread: allRead ? 0 : 2 }),
    })
    render(<InboxPage />)
    fireEvent.click(await screen.findByText('全部已读'))
    await waitFor(() => expect(callsOf('read')[0]).toEqual({ all: true, box: 'personal' }))
    expect(await screen.findByText('没有未读消息')).toBeTruthy()
  })

  it('staff see their messages and, on a second tab, their role alerts; an alert opens the staff page', async () => {
    const alert = item({ id: 'a-9', box: 'alerts', kind: 'pool', kindLabel: '待抢工单', title: '抢单池有新工单', role: 'engineer', target: { kind: 'ticket', id: 't-9' } })
    mockCloud({
      me: () => me({ staff: staff(['engineer']) }),
      list: (d: any) =>
        d.box === 'alerts'
          ? { items: [alert], total: 1, unread: 1 }
          : { items: [item({ id: 'm-5', kind: 'emergency', kindLabel: '紧急工单', tone: 'emergency', title: '紧急工单' })], total: 1, unread: 1 },
      unread: () => ({ personal: 1, alerts: 1, total: 2 }),
      read: () => ({ target: alert.target, allowed: true, unread: { personal: 1, alerts: 0, total: 1 } }),
    })
    render(<InboxPage />)
    expect(await screen.findByText('我的消息 1')).toBeTruthy()
    expect(document.querySelector('.msg--emergency.msg--unread')).toBeTruthy()
    fireEvent.click(screen.getByText('岗位提醒 1'))
    fireEvent.click(await screen.findByText('抢单池有新工单'))
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/ticket/index?id=t-9' }))
    expect(callsOf('list').map((d) => d.box)).toContain('alerts')
  })
})

describe('工作台: unread badge and the subscribe reserve', () => {
  it('shows the unread count in the header and offers a top-up of the three lowest templates', async () => {
    mockCloud({
      me: () => me({ staff: staff(['engineer']) }),
      queueCounts: () => ({ assigned: 0, pool: 0, owned: 0, dueSoon: 0, overdue: 0, open: 0 }),
      counts: () => ({ open: 0, overdue: 0, mine: 0 }),
      unread: () => ({ personal: 3, alerts: 1, total: 4 }),
      subscriptions: () => ({
        assigned: { templateId: 'TPL_STAFF_ASSIGNED', remaining: 5 },
        emergency: { templateId: 'TPL_STAFF_EMERGENCY', remaining: 0 },
        deadline: { templateId: 'TPL_STAFF_DEADLINE', remaining: 1 },
        callback: { templateId: 'TPL_STAFF_CALLBACK', remaining: 2 },
      }),
      subscribe: (d: any) => ({
        emergency: { templateId: 'TPL_STAFF_EMERGENCY', remaining: 1 },
        deadline: { templateId: 'TPL_STAFF_DEADLINE', remaining: 2 },
        callback: { templateId: 'TPL_STAFF_CALLBACK', remaining: 3 },
        assigned: { templateId: 'TPL_STAFF_ASSIGNED', remaining: d.templateIds.length },
      }),
    })
    render(<WorkbenchPage />)
    expect(await screen.findByText('4')).toBeTruthy()
    expect(await screen.findByText('余量不足')).toBeTruthy()
    expect(screen.getByText('0 条')).toBeTruthy()
    fireEvent.click(screen.getByText('补充提醒次数'))
    await waitFor(() => expect(callsOf('subscribe')).toHaveLength(1))
    // WeChat's popup asked, within the tap, for at most 3 templates: the ones with the fewest left.
    expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['TPL_STAFF_EMERGENCY', 'TPL_STAFF_DEADLINE', 'TPL_STAFF_CALLBACK'] })
    expect(callsOf('subscribe')[0].templateIds).toEqual(['TPL_STAFF_EMERGENCY', 'TPL_STAFF_DEADLINE', 'TPL_STAFF_CALLBACK'])
    fireEvent.click(screen.getByText('消息'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/inbox/index' })
  })
})
