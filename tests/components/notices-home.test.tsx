import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import HomePage from '@/pages/home/index'
import NoticesPage from '@/pages/notices/index'
import { CloudError } from '@/services/cloud'
import { ERROR_MESSAGES } from '@/domain/errors'
import { callsOf, mockCloud } from './cloud-mock'
import { COMMUNITY, home, me } from './fixtures'
import { generalNotice, notice } from './notice-fixtures'

const bound = () => me({ homes: [home({ status: 'approved' })] })

describe('首页 · 社区通知', () => {
  it('shows pinned notices first with type tags, the interruption window, unread dots and 查看全部', async () => {
    mockCloud({
      me: bound,
      feed: () => ({ items: [notice({ read: false }), generalNotice({ read: true })], total: 2, unread: 1 }),
    })
    render(<HomePage />)
    const water = await screen.findByRole('button', { name: '停水：1栋停水通知（未读）' })
    const drill = screen.getByRole('button', { name: '通知：小区消防演练' })
    // Pinned first, as the backend orders them.
    expect(water.compareDocumentPosition(drill) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    expect(within(water).getByText('停水').className).toContain('notice-tag--danger')
    expect(within(water).getByText('置顶')).toBeTruthy()
    expect(within(water).getByText('11月29日 09:00–15:00')).toBeTruthy()
    expect(within(water).getByLabelText('未读')).toBeTruthy()
    expect(within(drill).queryByLabelText('未读')).toBeNull()
    expect(within(drill).getByText('通知').className).toContain('notice-tag--brand')
    expect(callsOf('feed')).toEqual([{ pageSize: 4 }])

    expect(screen.getByText('1 条未读')).toBeTruthy()
    fireEvent.click(screen.getByText('查看全部'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/notices/index' })
    fireEvent.click(water)
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/notice/index?id=an-1' })
  })

  it('says 暂无通知 when nothing concerns my home', async () => {
    mockCloud({ me: bound, feed: () => ({ items: [], total: 0, unread: 0 }) })
    render(<HomePage />)
    expect(await screen.findByText('暂无通知')).toBeTruthy()
    expect(screen.queryByText('查看全部')).toBeNull()
  })

  it('keeps the bind prompt for a newcomer and never asks for the feed', async () => {
    mockCloud({ me: () => me({ homes: [] }) })
    render(<HomePage />)
    expect(await screen.findByText(COMMUNITY.name)).toBeTruthy()
    expect(screen.getByText('绑定房屋')).toBeTruthy()
    expect(screen.getByText('暂无通知')).toBeTruthy()
    expect(callsOf('feed')).toEqual([])
  })

  it('shows the backend error in the section and retries', async () => {
    let fail = true
    mockCloud({
      me: bound,
      feed: () => {
        if (fail) throw new CloudError('NETWORK', ERROR_MESSAGES.NETWORK)
        return { items: [generalNotice({ read: false })], total: 1, unread: 1 }
      },
    })
    render(<HomePage />)
    expect(await screen.findByText('网络异常，请检查网络后重试')).toBeTruthy()
    fail = false
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('小区消防演练')).toBeTruthy()
  })
})

describe('社区通知（列表）', () => {
  it('filters 全部 / 未读 and pages with 加载更多', async () => {
    mockCloud({
      me: bound,
      feed: (d: any) => {
        if (d.unreadOnly) return { items: [notice({ read: false })], total: 1, unread: 1 }
        if (d.cursor === '1') return { items: [generalNotice({ read: true })], total: 2, unread: 1 }
        return { items: [notice({ read: false })], total: 2, unread: 1, nextCursor: '1' }
      },
    })
    render(<NoticesPage />)
    expect(await screen.findByText('1栋停水通知')).toBeTruthy()
    expect(callsOf('feed')[0]).toEqual({ unreadOnly: false, pageSize: 20 })
    fireEvent.click(screen.getByText('加载更多'))
    expect(await screen.findByText('小区消防演练')).toBeTruthy()
    expect(screen.getByText('共 2 条')).toBeTruthy()

    fireEvent.click(screen.getByText('未读 1'))
    await waitFor(() => expect(callsOf('feed').at(-1)).toEqual({ unreadOnly: true, pageSize: 20 }))
    expect(await screen.findByText('共 1 条')).toBeTruthy()
    expect(screen.queryByText('小区消防演练')).toBeNull()
  })

  it('says so when everything is read', async () => {
    mockCloud({ me: bound, feed: (d: any) => (d.unreadOnly ? { items: [], total: 0, unread: 0 } : { items: [generalNotice({ read: true })], total: 1, unread: 0 }) })
    render(<NoticesPage />)
    await screen.findByText('小区消防演练')
    fireEvent.click(screen.getByText('未读'))
    expect(await screen.findByText('没有未读通知')).toBeTruthy()
  })
})
