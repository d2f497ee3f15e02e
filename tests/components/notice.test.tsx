import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import NoticePage from '@/pages/notice/index'
import { CloudError } from '@/services/cloud'
import { callsOf, mockCloud } from './cloud-mock'
import { home, me, staff } from './fixtures'
import { notice } from './notice-fixtures'
import { router, shareHandlers } from './taro-double'
import { typeInto } from './dom'

const resident = () => me({ homes: [home({ status: 'approved' })] })

beforeEach(() => {
  router.params = { id: 'an-1' }
})
afterEach(() => {
  router.params = {}
})

function backend(n = notice({ read: false }), extra: Record<string, (d: any) => unknown> = {}) {
  mockCloud({
    me: resident,
    'announcements.get': () => n,
    read: () => ({ read: true }),
    shared: () => ({ shared: true }),
    ...extra,
  })
}

describe('通知详情（住户）', () => {
  it('shows the notice with its interruption card and marks it read on open', async () => {
    backend()
    render(<NoticePage />)
    expect(await screen.findByText('1栋停水通知')).toBeTruthy()
    expect(callsOf('get')).toEqual([{ announcementId: 'an-1' }])
    await waitFor(() => expect(callsOf('read')).toEqual([{ announcementId: 'an-1' }]))

    const card = screen.getByRole('group', { name: '停水安排' })
    expect(within(card).getByText('原因')).toBeTruthy()
    expect(within(card).getByText('二次供水水箱清洗消毒')).toBeTruthy()
    expect(within(card).getByText('影响范围')).toBeTruthy()
    expect(within(card).getByText('1栋')).toBeTruthy()
    expect(within(card).getByText('开始')).toBeTruthy()
    expect(within(card).getByText('11月29日（周日）09:00')).toBeTruthy()
    expect(within(card).getByText('预计恢复')).toBeTruthy()
    expect(within(card).getByText('11月29日（周日）15:00')).toBeTruthy()
    expect(screen.getByText(/因二次供水水箱年度清洗消毒/)).toBeTruthy()
    expect(screen.getByText('11月28日 09:30 发布')).toBeTruthy()
    expect(screen.queryByText(/已更新/)).toBeNull()
    // Residents do not see the staff links.
    expect(screen.queryByText('打印海报')).toBeNull()
  })

  it('does not mark an already read notice again, and shows 已更新 for a revised one', async () => {
    backend(notice({ read: true, revised: true, updatedAt: '2026-11-28T03:05:00.000Z' }))
    render(<NoticePage />)
    expect(await screen.findByText('已更新 · 11月28日 11:05，以下为最新内容')).toBeTruthy()
    expect(callsOf('read')).toEqual([])
  })

  it('says so when the notice was withdrawn', async () => {
    mockCloud({
      me: resident,
      'announcements.get': () => {
        throw new CloudError('NOT_FOUND', '公告不存在或已撤回')
      },
    })
    render(<NoticePage />)
    expect(await screen.findByText('公告不存在或已撤回')).toBeTruthy()
    // Trying again cannot bring it back: no 重试.
    expect(screen.queryByText('重试')).toBeNull()
  })

  // The rule behind it (tests/functions/announcements-share.test.ts): NOT_FOUND for what is not
  // public, FORBIDDEN never for a published notice; a retry can only fix the network or a busy system.
  it.each([
    ['NOT_FOUND', '公告不存在或已撤回', false],
    ['FORBIDDEN', '您没有权限进行此操作', false],
    ['INVALID_INPUT', '提交的信息有误，请检查后重试', false],
    ['NETWORK', '网络异常，请检查网络后重试', true],
    ['INTERNAL', '系统繁忙，请稍后再试', true],
  ])('%s → 重试 offered: %s', async (code, message, retry) => {
    let fail = true
    backend(notice({ read: true }), {
      'announcements.get': () => {
        if (fail) throw new CloudError(code, message)
        return notice({ read: true })
      },
    })
    render(<NoticePage />)
    expect(await screen.findByText(message)).toBeTruthy()
    expect(!!screen.queryByText('重试')).toBe(retry)
    if (retry) {
      fail = false
      fireEvent.click(screen.getByText('重试'))
      expect(await screen.findByText('1栋停水通知')).toBeTruthy()
    }
  })

  it('opened from a poster code (`?scene=`), the notice is the scene', async () => {
    router.params = { scene: encodeURIComponent('an-69ad372861a1b2ebb9860627') }
    backend(notice({ read: true }))
    render(<NoticePage />)
    expect(await screen.findByText('1栋停水通知')).toBeTruthy()
    expect(callsOf('get')).toEqual([{ announcementId: 'an-69ad372861a1b2ebb9860627' }])
  })

  it('a reader it does not cover reads it, with a quiet line, the hotline and no 提问', async () => {
    backend(notice({ reader: { covered: false, buildings: ['3栋'] }, hotline: '021-62880000', scopeLabel: '1栋、2栋' }))
    render(<NoticePage />)
    expect(await screen.findByText('1栋停水通知')).toBeTruthy()
    expect(screen.getByRole('note').textContent).toBe('本通知适用于1栋、2栋，不涉及您的房屋（3栋），仅供了解')
    fireEvent.click(screen.getByRole('button', { name: '拨打物业服务电话 021-62880000' }))
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '021-62880000' })
    expect(screen.queryByText('有疑问？提问')).toBeNull()
    expect(callsOf('read')).toEqual([])
  })

  it('a reader without a home (pending, unbound, engineer) is told what it covers', async () => {
    backend(notice({ reader: { covered: false, buildings: [] }, scopeLabel: '1栋、2栋' }), { me: () => me({}) })
    render(<NoticePage />)
    expect(await screen.findByText('1栋停水通知')).toBeTruthy()
    expect(screen.getByRole('note').textContent).toBe('本通知适用于1栋、2栋，仅供了解')
  })

  it('asks a question about the notice and opens the consultation it created', async () => {
    backend(notice({ read: true }), { ask: () => ({ ticketId: 't-9', no: 'ZX-20261128-0009' }) })
    render(<NoticePage />)
    fireEvent.click(await screen.findByText('有疑问？提问'))
    const dialog = screen.getByRole('dialog', { name: '就此通知提问' })
    fireEvent.click(within(dialog).getByText('提交问题'))
    expect(await within(dialog).findByText('请填写问题')).toBeTruthy()
    expect(callsOf('ask')).toEqual([])

    await typeInto('您的问题', '高层住户有临时供水吗？', dialog)
    fireEvent.click(within(dialog).getByText('提交问题'))
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/ticket/index?id=t-9' }))
    const [ask] = callsOf('ask')
    expect(ask).toEqual({ announcementId: 'an-1', question: '高层住户有临时供水吗？', clientRequestId: expect.stringMatching(/^ask-/) })
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('turns on forwarding with a share ticket; the card opens this notice and the share is recorded', async () => {
    backend(notice({ read: true }))
    render(<NoticePage />)
    await screen.findByText('1栋停水通知')
    expect(Taro.showShareMenu).toHaveBeenCalledWith({ withShareTicket: true, showShareItems: ['wechatFriends'] })
    expect(shareHandlers.at(-1)!()).toEqual({ title: '【停水】1栋停水通知', path: '/pages/notice/index?id=an-1' })
    await waitFor(() => expect(callsOf('shared')).toEqual([{ announcementId: 'an-1' }]))
  })

  it('weapp: opened from a group chat card, sends the cloudID for the server to resolve (no client-named group)', async () => {
    const env = process.env.TARO_ENV
    const t = Taro as any
    process.env.TARO_ENV = 'weapp'
    t.getEnterOptionsSync = jest.fn(() => ({ scene: 1044, shareTicket: 'tk-1', path: 'pages/notice/index', query: { id: 'an-1' } }))
    t.getGroupEnterInfo = jest.fn((o: any) => o.success({ cloudID: 'cid-123' }))
    try {
      backend(notice({ read: true }), { enteredFromGroup: () => ({ recorded: true }) })
      render(<NoticePage />)
      await screen.findByText('1栋停水通知')
      await waitFor(() => expect(callsOf('enteredFromGroup')).toEqual([{ announcementId: 'an-1', cloudID: 'cid-123' }]))
    } finally {
      process.env.TARO_ENV = env
      delete t.getEnterOptionsSync
      delete t.getGroupEnterInfo
    }
  })

  it('weapp: a plain open (not from a group) records no group', async () => {
    const env = process.env.TARO_ENV
    const t = Taro as any
    process.env.TARO_ENV = 'weapp'
    t.getEnterOptionsSync = jest.fn(() => ({ scene: 1001, path: 'pages/home/index', query: {} }))
    t.getGroupEnterInfo = jest.fn()
    try {
      backend(notice({ read: true }))
      render(<NoticePage />)
      await screen.findByText('1栋停水通知')
      expect(t.getGroupEnterInfo).not.toHaveBeenCalled()
    } finally {
      process.env.TARO_ENV = env
      delete t.getEnterOptionsSync
      delete t.getGroupEnterInfo
    }
  })

  it('offers staff the poster and the management page instead of 提问', async () => {
    mockCloud({ me: () => me({ staff: staff(['desk']) }), 'announcements.get': () => notice() })
    render(<NoticePage />)
    fireEvent.click(await screen.findByText('打印海报'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/notice-poster/index?id=an-1' })
    expect(screen.queryByText('有疑问？提问')).toBeNull()
    expect(callsOf('read')).toEqual([])
  })
})
