import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import ServicePage from '@/pages/service/index'
import { CloudError } from '@/services/cloud'
import { ERROR_MESSAGES } from '@/domain/errors'
import { callsOf, mockCloud } from './cloud-mock'
import { home, me } from './fixtures'
import { deadline, summary } from './ticket-fixtures'

const open = summary()
const resolved = summary({
  ticketId: 't-2',
  no: 'TS-20261127-0002',
  type: 'complaint',
  typeLabel: '投诉',
  category: 'noise',
  categoryLabel: '噪音',
  status: 'resolved',
  statusLabel: '待确认',
  nextDue: undefined,
})
const closed = summary({ ticketId: 't-3', categoryLabel: '门窗', status: 'closed', statusLabel: '已完成', nextDue: undefined })

function backend(listMine: (d: any) => unknown, homes = [home()]) {
  mockCloud({ me: () => me({ homes }), listMine })
}

describe('服务：我的报修/投诉/咨询', () => {
  it('lists my requests with status, place, time and the next promised time; a card opens the detail', async () => {
    backend(() => ({ items: [summary({ nextDue: deadline({ state: 'overdue', remaining: '已超时 5 分' }) }), resolved], total: 2 }))
    const { container } = render(<ServicePage />)
    expect(await screen.findByText('报修·水电')).toBeTruthy()
    expect(callsOf('listMine')[0]).toEqual({ status: 'all', pageSize: 20 })
    expect(screen.getByText('投诉·噪音')).toBeTruthy()
    expect(screen.getByText('待确认', { selector: '.pill' })).toBeTruthy()
    expect(screen.getAllByText('1栋1单元101')).toHaveLength(2)
    expect(screen.getAllByText('11-28 09:12')).toHaveLength(2)
    const due = screen.getByText('响应时限 · 已超时 5 分')
    expect(due.className).toContain('ticket-card__due--overdue')
    expect(container.querySelectorAll('.ticket-card')).toHaveLength(2)

    fireEvent.click(screen.getByText('投诉·噪音'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/ticket/index?id=t-2' })
  })

  it('filter chips change the status sent', async () => {
    backend((d) => ({ items: d.status === 'closed' ? [closed] : [open], total: 1 }))
    render(<ServicePage />)
    await screen.findByText('报修·水电')
    fireEvent.click(screen.getByText('处理中'))
    fireEvent.click(screen.getByText('待确认'))
    fireEvent.click(screen.getByText('已完成'))
    expect(await screen.findByText('报修·门窗')).toBeTruthy()
    expect(callsOf('listMine').map((c) => c.status)).toEqual(['all', 'open', 'resolved', 'closed'])
    expect(screen.queryByText('报修·水电')).toBeNull()
  })

  it('loads the next page with the cursor', async () => {
    backend((d) => (d.cursor === '20' ? { items: [closed], total: 2 } : { items: [open], total: 2, nextCursor: '20' }))
    render(<ServicePage />)
    await screen.findByText('报修·水电')
    expect(screen.queryByText('报修·门窗')).toBeNull()
    fireEvent.click(screen.getByText('加载更多'))
    expect(await screen.findByText('报修·门窗')).toBeTruthy()
    expect(callsOf('listMine')[1]).toEqual({ status: 'all', pageSize: 20, cursor: '20' })
    expect(screen.queryByText('加载更多')).toBeNull()
    expect(screen.getByText('共 2 条')).toBeTruthy()
  })

  it('an empty history offers 报修 / 投诉 / 咨询', async () => {
    backend(() => ({ items: [], total: 0 }))
    render(<ServicePage />)
    expect(await screen.findByText('还没有报修、投诉或咨询')).toBeTruthy()
    fireEvent.click(screen.getByText('投诉'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/report/index?type=complaint' })
  })

  it('an empty filter says so without the create buttons', async () => {
    backend((d) => ({ items: d.status === 'resolved' ? [] : [open], total: d.status === 'resolved' ? 0 : 1 }))
    render(<ServicePage />)
    await screen.findByText('报修·水电')
    fireEvent.click(screen.getByText('待确认'))
    expect(await screen.findByText('没有待确认的工单')).toBeTruthy()
  })

  it('shows the Chinese error and retries', async () => {
    let fail = true
    backend(() => {
      if (fail) throw new CloudError('NETWORK', ERROR_MESSAGES.NETWORK)
      return { items: [open], total: 1 }
    })
    render(<ServicePage />)
    expect(await screen.findByText('网络异常，请检查网络后重试')).toBeTruthy()
    fail = false
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('报修·水电')).toBeTruthy()
  })

  it('without an approved home asks to bind one and does not call listMine', async () => {
    backend(() => ({ items: [], total: 0 }), [])
    render(<ServicePage />)
    expect(await screen.findByText('去绑定')).toBeTruthy()
    await waitFor(() => expect(callsOf('me')).toHaveLength(1))
    expect(callsOf('listMine')).toHaveLength(0)
  })
})
