import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import SubscriptionsPage from '@/pages/subscriptions/index'
import MinePage from '@/pages/mine/index'
import { callsOf, callFunctionMock, mockCloud } from './cloud-mock'
import { me } from './fixtures'

// Build-time constant (config/index.ts defineConstants) this page adds.
Object.assign(globalThis, { LINLI_TPL_NOTICE: 'TPL_NOTICE' })

const IDS = ['TPL_TICKET_PROGRESS', 'TPL_TICKET_DONE', 'TPL_NOTICE']

function subs(left: { progress?: number; done?: number; reply?: number; notice?: number } = {}) {
  return {
    progress: { templateId: 'TPL_TICKET_PROGRESS', remaining: left.progress ?? 0 },
    done: { templateId: 'TPL_TICKET_DONE', remaining: left.done ?? 0 },
    reply: { templateId: 'TPL_TICKET_REPLY', remaining: left.reply ?? 0 },
    notice: { templateId: 'TPL_NOTICE', remaining: left.notice ?? 0 },
  }
}

/** The backend's ledger: each accepted template adds one message. */
function ledger(start: Parameters<typeof subs>[0]) {
  const left: Record<string, number> = { progress: 0, done: 0, reply: 0, notice: 0, ...start }
  const key: Record<string, string> = { TPL_TICKET_PROGRESS: 'progress', TPL_TICKET_DONE: 'done', TPL_TICKET_REPLY: 'reply', TPL_NOTICE: 'notice' }
  mockCloud({
    'account.subscriptions': () => subs(left),
    'account.subscribe': (d: { templateIds: string[] }) => {
      for (const id of d.templateIds) left[key[id]] += 1
      return subs(left)
    },
  })
}

const row = (title: string) => screen.getByText(title).closest('.list-item') as HTMLElement

describe('消息订阅', () => {
  it('shows what each kind of message has left and WeChat’s one-consent-one-message rule', async () => {
    ledger({ progress: 2, notice: 1 })
    render(<SubscriptionsPage />)
    await screen.findByText('工单进度')
    expect(row('工单进度').textContent).toContain('可接收 2 条')
    expect(row('维修完成').textContent).toContain('未订阅')
    expect(row('社区公告').textContent).toContain('可接收 1 条')
    expect(screen.getByText(/微信规定：每次授权仅可接收一条/)).toBeTruthy()
    expect(callsOf('subscriptions')).toEqual([{}])
  })

  it('asks WeChat inside the tap, then records the accepted templates and shows the new counts', async () => {
    ledger({ progress: 2 })
    render(<SubscriptionsPage />)
    await screen.findByText('可接收 2 条')
    const before = callFunctionMock().mock.calls.length
    fireEvent.click(screen.getByText('订阅'))
    // Synchronously, in the tap: nothing awaited before WeChat's popup is requested.
    expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: IDS })
    expect(callFunctionMock().mock.calls.length).toBe(before)
    await waitFor(() => expect(callsOf('subscribe')).toEqual([{ templateIds: IDS }]))
    expect(await screen.findByText('可接收 3 条')).toBeTruthy()
    expect(row('维修完成').textContent).toContain('可接收 1 条')
    expect(row('社区公告').textContent).toContain('可接收 1 条')
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '订阅成功', icon: 'success' })
  })

  it('sends only the templates the user accepted', async () => {
    ledger({})
    ;(Taro.requestSubscribeMessage as jest.Mock).mockResolvedValueOnce({
      errMsg: 'requestSubscribeMessage:ok',
      TPL_TICKET_PROGRESS: 'accept',
      TPL_TICKET_DONE: 'reject',
      TPL_NOTICE: 'ban',
    })
    render(<SubscriptionsPage />)
    await screen.findByText('工单进度')
    fireEvent.click(screen.getByText('订阅'))
    await waitFor(() => expect(callsOf('subscribe')).toEqual([{ templateIds: ['TPL_TICKET_PROGRESS'] }]))
    await waitFor(() => expect(row('工单进度').textContent).toContain('可接收 1 条'))
    expect(row('维修完成').textContent).toContain('未订阅')
    expect(row('社区公告').textContent).toContain('未订阅')
  })

  it('records nothing when every template is refused', async () => {
    ledger({})
    ;(Taro.requestSubscribeMessage as jest.Mock).mockResolvedValueOnce({
      errMsg: 'requestSubscribeMessage:ok',
      TPL_TICKET_PROGRESS: 'reject',
      TPL_TICKET_DONE: 'reject',
      TPL_NOTICE: 'reject',
    })
    render(<SubscriptionsPage />)
    await screen.findByText('工单进度')
    fireEvent.click(screen.getByText('订阅'))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '未订阅任何消息', icon: 'none' }))
    expect(callsOf('subscribe')).toHaveLength(0)
  })

  it('explains where to switch messages on when WeChat refuses the request', async () => {
    ledger({})
    ;(Taro.requestSubscribeMessage as jest.Mock).mockRejectedValueOnce({ errMsg: 'requestSubscribeMessage:fail', errCode: 20004 })
    render(<SubscriptionsPage />)
    await screen.findByText('工单进度')
    fireEvent.click(screen.getByText('订阅'))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '订阅失败，请在小程序设置中允许接收订阅消息', icon: 'none' }))
    expect(callsOf('subscribe')).toHaveLength(0)
  })

  it('is reached from 我的', async () => {
    mockCloud({ me: () => me() })
    render(<MinePage />)
    fireEvent.click(await screen.findByText('消息订阅'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/subscriptions/index' })
  })
})
