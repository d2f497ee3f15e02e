import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import CallbacksPage from '@/staff/callbacks/index'
import WorkbenchPage from '@/staff/workbench/index'
import { CloudError } from '@/services/cloud'
import type { StaffRole } from '@/domain/roles'
import type { CallbackView } from '@/domain/tickets/callbacks-api'
import { callsOf, mockCloud, type Handler } from './cloud-mock'
import { me, staff } from './fixtures'
import { typeInto } from './dom'

const HOUR = 3600_000
const at = (ms: number) => new Date(Date.now() + ms).toISOString()

function callback(over: Partial<CallbackView> = {}): CallbackView {
  return {
    callbackId: 'cb-1',
    ticketId: 't-1',
    no: 'BX-20261128-0001',
    typeLabel: '报修',
    categoryLabel: '水电',
    locationLabel: '1栋1单元101',
    contactName: '张伟',
    contactPhone: '13900000001',
    assigneeName: '客服',
    status: 'open',
    statusLabel: '待回访',
    dueAt: at(5 * HOUR + 10 * 60_000),
    overdue: false,
    attempts: [],
    resolvedAt: at(-19 * HOUR),
    ...over,
  }
}

const OVERDUE = callback({ callbackId: 'cb-0', ticketId: 't-0', no: 'BX-20261127-0009', categoryLabel: '门窗', dueAt: at(-2 * HOUR - 5 * 60_000), overdue: true })
const COUNTS = { open: 2, overdue: 1, mine: 0 }

function asStaff(roles: StaffRole[], handlers: Record<string, Handler> = {}) {
  mockCloud({
    me: () => me({ staff: staff(roles) }),
    'callbacks.counts': () => COUNTS,
    'callbacks.list': (d: any) =>
      d.status === 'open'
        ? { items: [OVERDUE, callback()], total: 2 }
        : { items: [callback({ callbackId: 'cb-9', status: 'done', statusLabel: '已回访', no: 'BX-20261120-0003' })], total: 1 },
    ...handlers,
  })
}

const card = (no: string) => screen.getByText(no).closest('.callback-card') as HTMLElement
const tab = (label: string) => screen.getAllByRole('tab').find((t) => t.textContent!.includes(label))!
const dialog = () => screen.getByRole('dialog', { name: '记录回访' })
const chip = (group: string, label: string) => within(within(dialog()).getByRole('listbox', { name: group })).getByText(label)
const submit = () => fireEvent.click(within(dialog()).getByText('提交'))

async function openForm(no = 'BX-20261128-0001') {
  await screen.findByText(no)
  fireEvent.click(within(card(no)).getByText('记录回访'))
  return dialog()
}

describe('回访列表', () => {
  it('lists open callbacks by due time; overdue ones are red with how late they are', async () => {
    asStaff(['desk'])
    render(<CallbacksPage />)
    expect(await screen.findByText('BX-20261127-0009')).toBeTruthy()
    expect(callsOf('list')[0]).toEqual({ status: 'open', pageSize: 20 })

    const late = card('BX-20261127-0009')
    expect(late.className).toContain('callback-card--overdue')
    const lateDue = within(late).getByText(/回访期限/)
    expect(lateDue.textContent).toMatch(/已超时 2 小时 \d+ 分/)
    expect(lateDue.className).toContain('callback-card__due--overdue')
    expect(within(late).getByText('已超时')).toBeTruthy()

    const onTime = card('BX-20261128-0001')
    expect(onTime.className).not.toContain('callback-card--overdue')
    const due = within(onTime).getByText(/回访期限/)
    expect(due.textContent).toMatch(/剩余 5 小时 \d+ 分/)
    expect(due.className).not.toContain('callback-card__due--overdue')
    expect(within(onTime).getByText('报修·水电')).toBeTruthy()
    expect(within(onTime).getByText('1栋1单元101')).toBeTruthy()
    expect(within(onTime).getByText('张伟')).toBeTruthy()
    expect(within(onTime).getByText('尚未联系')).toBeTruthy()

    await waitFor(() => expect(screen.getByText('1 条已超时，请尽快回访')).toBeTruthy())
    expect(tab('待回访').textContent).toBe('待回访2')
    expect(screen.getByText('共 2 条')).toBeTruthy()
  })

  it('switches to 已结束 with status closed, and 只看我的 asks for mine', async () => {
    asStaff(['desk'])
    const { container } = render(<CallbacksPage />)
    await screen.findByText('BX-20261127-0009')
    fireEvent.click(tab('已结束'))
    expect(await screen.findByText('BX-20261120-0003')).toBeTruthy()
    expect(callsOf('list').at(-1)).toEqual({ status: 'closed', pageSize: 20 })
    expect(tab('已结束').getAttribute('aria-selected')).toBe('true')
    // Closed callbacks cannot be recorded again.
    expect(screen.queryByText('记录回访')).toBeNull()
    expect(within(card('BX-20261120-0003')).getByText('已回访')).toBeTruthy()

    fireEvent.click(tab('待回访'))
    await screen.findByText('BX-20261127-0009')
    fireEvent.click(container.querySelector('.callbacks__mine .nut-switch') as HTMLElement)
    await waitFor(() => expect(callsOf('list').at(-1)).toEqual({ status: 'open', mine: true, pageSize: 20 }))
  })

  it('calls the resident with 拨打 and opens the ticket on a tap of the card', async () => {
    asStaff(['desk'])
    render(<CallbacksPage />)
    await screen.findByText('BX-20261128-0001')
    fireEvent.click(within(card('BX-20261128-0001')).getByText('拨打'))
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13900000001' })
    expect(Taro.navigateTo).not.toHaveBeenCalled()
    fireEvent.click(within(card('BX-20261128-0001')).getByText('1栋1单元101'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/ticket/index?id=t-1' })
  })

  it('shows the attempts so far', async () => {
    asStaff(['desk'], {
      'callbacks.list': () => ({
        items: [callback({ attempts: [{ at: '2026-11-28T02:00:00.000Z', by: '王敏', reached: false, channel: 'phone' }] })],
        total: 1,
      }),
    })
    render(<CallbacksPage />)
    expect(await screen.findByText('已联系 1 次')).toBeTruthy()
    expect(screen.getByText('11-28 10:00 · 王敏 · 电话 · 未联系上')).toBeTruthy()
  })

  it('an engineer sees their own callbacks without the 只看我的 switch', async () => {
    asStaff(['engineer'])
    const { container } = render(<CallbacksPage />)
    await screen.findByText('BX-20261128-0001')
    expect(screen.queryByText('只看我的')).toBeNull()
    expect(container.querySelector('.nut-switch')).toBeNull()
  })
})

describe('记录回访', () => {
  it('reached and satisfied: records it, toasts 已回访 and reloads', async () => {
    asStaff(['desk'], { 'callbacks.record': (d: any) => ({ callbackId: d.callbackId, status: 'done', reopened: false }) })
    render(<CallbacksPage />)
    await openForm()
    fireEvent.click(chip('住户是否满意', '满意'))
    submit()
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '已回访', icon: 'success' }))
    expect(callsOf('record')).toEqual([{ callbackId: 'cb-1', reached: true, channel: 'phone', satisfied: true }])
    expect(screen.queryByRole('dialog')).toBeNull()
    await waitFor(() => expect(callsOf('list')).toHaveLength(2))
    expect(callsOf('counts').length).toBeGreaterThanOrEqual(2)
  })

  it('asks whether the resident was satisfied before sending anything', async () => {
    asStaff(['desk'], { 'callbacks.record': () => ({ callbackId: 'cb-1', status: 'done', reopened: false }) })
    render(<CallbacksPage />)
    await openForm()
    submit()
    expect(await within(dialog()).findByText('请选择住户是否满意')).toBeTruthy()
    expect(callsOf('record')).toHaveLength(0)
  })

  it('不满意 needs the resident’s words: inline error, no call; then reopens the ticket', async () => {
    asStaff(['desk'], { 'callbacks.record': (d: any) => ({ callbackId: d.callbackId, status: 'done', reopened: true }) })
    render(<CallbacksPage />)
    await openForm()
    fireEvent.click(chip('方式', '上门'))
    fireEvent.click(chip('住户是否满意', '不满意'))
    submit()
    const error = await within(dialog()).findByText('不满意时请记录住户意见')
    expect(error.getAttribute('role')).toBe('alert')
    expect(callsOf('record')).toHaveLength(0)

    await typeInto('意见', '  水管还在滴水  ', dialog())
    submit()
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '已重新打开工单，已通知处理人', icon: 'none' }))
    expect(callsOf('record')).toEqual([{ callbackId: 'cb-1', reached: true, channel: 'visit', satisfied: false, comment: '水管还在滴水' }])
  })

  it('not reached: sends reached:false without a verdict and counts the attempt', async () => {
    const tried = callback({ attempts: [{ at: '2026-11-28T02:00:00.000Z', by: '王敏', reached: false, channel: 'phone' }] })
    asStaff(['desk'], {
      'callbacks.list': () => ({ items: [tried], total: 1 }),
      'callbacks.record': (d: any) => ({ callbackId: d.callbackId, status: 'open', reopened: false }),
    })
    render(<CallbacksPage />)
    await openForm()
    fireEvent.click(chip('结果', '未联系上'))
    expect(within(dialog()).queryByRole('listbox', { name: '住户是否满意' })).toBeNull()
    expect(within(dialog()).getByText('将记录为第 2 次未联系上；多次联系不上将结束回访。')).toBeTruthy()
    fireEvent.click(chip('方式', '留言'))
    submit()
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '未联系上，已记录第 2 次', icon: 'none' }))
    expect(callsOf('record')).toEqual([{ callbackId: 'cb-1', reached: false, channel: 'message' }])
  })

  it('says when the callback closed as unreachable', async () => {
    asStaff(['desk'], { 'callbacks.record': (d: any) => ({ callbackId: d.callbackId, status: 'unreachable', reopened: false }) })
    render(<CallbacksPage />)
    await openForm()
    fireEvent.click(chip('结果', '未联系上'))
    submit()
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '多次联系不上，已结束回访', icon: 'none' }))
  })

  it('keeps the form open with the server’s message when recording fails', async () => {
    asStaff(['desk'], {
      'callbacks.record': () => {
        throw new CloudError('CONFLICT', '该回访已完成')
      },
    })
    render(<CallbacksPage />)
    await openForm()
    fireEvent.click(chip('住户是否满意', '满意'))
    submit()
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '该回访已完成', icon: 'none' }))
    expect(dialog()).toBeTruthy()
  })
})

describe('工作台 · 回访', () => {
  const base = (roles: StaffRole[], counts: typeof COUNTS) =>
    mockCloud({
      me: () => me({ staff: staff(roles) }),
      listBindingRequests: () => ({ items: [], total: 0 }),
      queueCounts: () => ({ assigned: 0, pool: 0, owned: 0, dueSoon: 0, overdue: 0, open: 0 }),
      'callbacks.counts': () => counts,
    })

  it('shows open callbacks with the overdue ones in red, and opens the list', async () => {
    base(['desk'], { open: 4, overdue: 2, mine: 1 })
    render(<WorkbenchPage />)
    expect(await screen.findByText('4 条待回访')).toBeTruthy()
    expect(screen.getByText('2 条已超时').className).toContain('wb-tile__count--hot')
    fireEvent.click(screen.getByText('回访'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/callbacks/index' })
  })

  it('is live for engineers too, quiet when nothing waits', async () => {
    base(['engineer'], { open: 0, overdue: 0, mine: 0 })
    render(<WorkbenchPage />)
    expect(await screen.findByText('暂无待回访')).toBeTruthy()
    expect(screen.queryByText(/条已超时/)).toBeNull()
    fireEvent.click(screen.getByText('回访'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/callbacks/index' })
  })
})
