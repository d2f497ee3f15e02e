import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import TicketPage from '@/pages/ticket/index'
import { CloudError } from '@/services/cloud'
import type { TicketDetail } from '@/domain/tickets/api'
import { callsOf, mockCloud } from './cloud-mock'
import { COMMUNITY } from './fixtures'
import { deadline, detail, entry } from './ticket-fixtures'
import { router } from './taro-double'
import { typeInto } from './dom'

beforeEach(() => {
  router.params = { id: 't-1' }
})
afterEach(() => {
  router.params = {}
})

/** `get` answers the current detail; `act` applies `after(action)` and answers like the backend. */
function backend(first: TicketDetail, after: Record<string, Partial<TicketDetail>> = {}) {
  let current = first
  mockCloud({
    get: () => current,
    act: (d: any) => {
      current = { ...current, ...(after[d.action] ?? {}) }
      return { ticketId: current.ticketId, status: current.status }
    },
  })
}

const toolbar = () => screen.getByRole('toolbar', { name: '工单操作' })
/** NutUI buttons render as <taro-button-core> (no implicit role): read them by class. */
const buttons = () => Array.from(toolbar().querySelectorAll('.nut-button')).map((b) => b.textContent)

describe('工单详情（住户）', () => {
  it('shows the header, promised times with their states, and the log newest first', async () => {
    backend(
      detail({
        emergency: true,
        assigneeName: '李强',
        photoUrls: ['https://tmp/1.jpg', 'https://tmp/2.jpg'],
        timeline: [entry(), entry({ at: '2026-11-28T01:20:00.000Z', action: 'grab', label: '抢单', actorName: '李强', actorKind: 'staff', text: '已抢单' })],
      }),
    )
    const { container } = render(<TicketPage />)
    expect(await screen.findByText('报修·水电')).toBeTruthy()
    expect(callsOf('get')).toEqual([{ ticketId: 't-1' }])
    expect(screen.getByText('单号 BX-20261128-0001')).toBeTruthy()
    expect(screen.getByText('待受理')).toBeTruthy()
    expect(screen.getByText('紧急')).toBeTruthy()
    expect(screen.getByText('李强', { selector: '.ticket-facts__value' })).toBeTruthy()

    // Deadlines: label, due time in Asia/Shanghai, remaining text, a class per state.
    const rows = Array.from(container.querySelectorAll('.deadline'))
    expect(rows.map((r) => r.className.match(/deadline--([\w-]+)/)![1])).toEqual(['running', 'due-soon', 'overdue'])
    expect(rows[0].textContent).toContain('响应')
    expect(rows[0].textContent).toContain('截止 11-28 09:42')
    expect(rows[0].textContent).toContain('剩余 29 分')
    expect(rows[2].textContent).toContain('已超时 5 分')
    expect(rows[2].querySelector('.pill--danger')).toBeTruthy()

    // Timeline newest first, times in Asia/Shanghai.
    const items = Array.from(container.querySelectorAll('.timeline__item'))
    expect(items.map((i) => i.querySelector('.timeline__label')!.textContent)).toEqual(['抢单', '提交'])
    expect(items[0].textContent).toContain('11-28 09:20')
    expect(items[1].textContent).toContain('厨房水龙头一直滴水')

    fireEvent.click(screen.getByLabelText('查看图片 2'))
    expect(Taro.previewImage).toHaveBeenCalledWith({ current: 'https://tmp/2.jpg', urls: ['https://tmp/1.jpg', 'https://tmp/2.jpg'] })
  })

  it('plays the attached video inline with controls, and shows none without one', async () => {
    backend(detail({ description: '', videoUrl: 'https://files.example/uploads/leak.mp4' }))
    const { container, unmount } = render(<TicketPage />)
    await screen.findByText('报修·水电')
    const video = container.querySelector('.ticket-video taro-video-core')!
    expect(video).toBeTruthy()
    expect(video.getAttribute('src')).toBe('https://files.example/uploads/leak.mp4')
    expect((video as any).controls).toBe(true)
    expect(video.getAttribute('poster')).toBeNull()
    // Taro's H5 component renders a real <video> for it.
    await waitFor(() => expect(video.querySelector('video')?.getAttribute('src')).toBe('https://files.example/uploads/leak.mp4'))
    unmount()

    backend(detail())
    const second = render(<TicketPage />)
    await screen.findByText('报修·水电')
    expect(second.container.querySelector('.ticket-video')).toBeNull()
  })

  it('shows exactly the buttons in `actions`: resolved → 留言 / 重新处理 / 确认完成, no 评价', async () => {
    backend(detail({ status: 'resolved', statusLabel: '待确认', actions: ['confirm', 'reopen', 'message'], autoConfirmAt: '2026-12-01T01:00:00.000Z' }))
    render(<TicketPage />)
    await screen.findByText('待确认')
    expect(buttons()).toEqual(['留言', '重新处理', '确认完成'])
    expect(screen.queryByText('评价')).toBeNull()
    expect(screen.queryByText('取消')).toBeNull()
    expect(screen.getByText(/12-01 09:00 前未确认将自动确认完成/)).toBeTruthy()
  })

  it('no actions, no toolbar', async () => {
    backend(detail({ status: 'cancelled', statusLabel: '已取消', actions: [] }))
    render(<TicketPage />)
    await screen.findByText('已取消')
    expect(screen.queryByRole('toolbar')).toBeNull()
  })

  it('确认完成 opens one sheet: confirm alone, or confirm and rate with the same tap (issue #12)', async () => {
    backend(detail({ status: 'resolved', statusLabel: '待确认', actions: ['confirm', 'reopen', 'message'] }), {
      confirm: { status: 'closed', statusLabel: '已完成', actions: ['rate'] },
      rate: { actions: [], rating: { score: 5, comment: '' } },
    })
    render(<TicketPage />)
    await screen.findByText('待确认')
    fireEvent.click(screen.getByText('确认完成'))
    const sheet = screen.getByRole('dialog', { name: '确认问题已解决' })
    expect(Taro.showModal).not.toHaveBeenCalled()
    fireEvent.click(within(sheet).getByLabelText('5 星'))
    fireEvent.click(within(sheet).getByText('确认完成'))
    await waitFor(() =>
      expect(callsOf('act')).toEqual([
        { action: 'confirm', ticketId: 't-1' },
        { action: 'rate', ticketId: 't-1', score: 5, comment: '' },
      ]),
    )
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已确认完成', icon: 'success' })
  })

  it('confirming without stars sends only the confirmation, and 评价 stays offered; 还没有 sends nothing', async () => {
    backend(detail({ status: 'resolved', statusLabel: '待确认', actions: ['confirm'] }), { confirm: { status: 'closed', statusLabel: '已完成', actions: ['rate'] } })
    render(<TicketPage />)
    await screen.findByText('待确认')
    fireEvent.click(screen.getByText('确认完成'))
    fireEvent.click(within(screen.getByRole('dialog', { name: '确认问题已解决' })).getByText('还没有'))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(callsOf('act')).toHaveLength(0)
    fireEvent.click(screen.getByText('确认完成'))
    fireEvent.click(within(screen.getByRole('dialog', { name: '确认问题已解决' })).getByText('确认完成'))
    await waitFor(() => expect(callsOf('act')).toEqual([{ action: 'confirm', ticketId: 't-1' }]))
    expect(await screen.findByText('已完成')).toBeTruthy()
    expect(buttons()).toEqual(['评价'])
  })

  it('an answered consultation reads 已答复 and offers 已解决 / 继续追问, with one primary button', async () => {
    backend(detail({ type: 'consultation', typeLabel: '咨询', status: 'resolved', statusLabel: '待确认', actions: ['confirm', 'reopen', 'message'] }))
    render(<TicketPage />)
    await screen.findByText('待确认')
    expect(screen.getByText(/物业已答复/)).toBeTruthy()
    expect(screen.queryByText(/处理人员已完成/)).toBeNull()
    expect(buttons()).toEqual(['补充说明', '继续追问', '已解决'])
    const bar = screen.getByRole('toolbar', { name: '工单操作' })
    expect(bar.querySelectorAll('.nut-button-primary')).toHaveLength(1)
    expect(bar.querySelector('.nut-button-primary')!.textContent).toBe('已解决')
  })

  it('shows 我的联系电话 and a way to reach the handler through the desk (never their own number)', async () => {
    backend(detail({ assigneeName: '李强' }))
    render(<TicketPage />)
    await screen.findByText('我的联系电话')
    expect(screen.getByText('我的联系电话')).toBeTruthy()
    expect(screen.queryByText('联系电话')).toBeNull()
    fireEvent.click(screen.getByLabelText(`拨打物业服务电话 ${COMMUNITY.hotline}，由客服转接处理人员`))
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: COMMUNITY.hotline })
  })

  it('shows the parts and the fee recorded at completion (no payment in the app)', async () => {
    backend(detail({ status: 'resolved', completion: { parts: '角阀 1 个', fee: 35 } } as any))
    render(<TicketPage />)
    await screen.findByText('使用配件')
    expect(screen.getByText('角阀 1 个')).toBeTruthy()
    expect(screen.getByText('35 元（线下结算，本应用不收款）')).toBeTruthy()
  })

  it('评价 sends the chosen score and comment', async () => {
    backend(detail({ status: 'closed', statusLabel: '已完成', actions: ['rate'] }), { rate: { actions: [], rating: { score: 4, comment: '师傅很准时' } } })
    render(<TicketPage />)
    await screen.findByText('已完成')
    fireEvent.click(screen.getByText('评价'))
    const sheet = screen.getByRole('dialog', { name: '评价本次服务' })
    fireEvent.click(within(sheet).getByText('提交评价'))
    expect(within(sheet).getByText('请选择星级')).toBeTruthy()
    expect(callsOf('act')).toHaveLength(0)

    fireEvent.click(within(sheet).getByLabelText('4 星'))
    expect(within(sheet).getByText('满意')).toBeTruthy()
    await typeInto('评价内容', '师傅很准时', sheet)
    fireEvent.click(within(sheet).getByText('提交评价'))
    await waitFor(() => expect(callsOf('act')).toEqual([{ action: 'rate', ticketId: 't-1', score: 4, comment: '师傅很准时' }]))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(await screen.findByText('★★★★ 师傅很准时')).toBeTruthy()
  })

  it('取消 needs a reason (typed or a quick pick); 留言 sends the text', async () => {
    backend(detail({ status: 'pending', actions: ['cancel', 'message'] }), { cancel: { status: 'cancelled', statusLabel: '已取消', actions: [] } })
    render(<TicketPage />)
    await screen.findByText('待受理')
    expect(buttons()).toEqual(['取消', '留言'])

    fireEvent.click(screen.getByText('留言'))
    const msg = screen.getByRole('dialog', { name: '给处理人员留言' })
    await typeInto('留言内容', '下午两点后家里有人', msg)
    fireEvent.click(within(msg).getByText('发送'))
    await waitFor(() => expect(callsOf('act')).toEqual([{ action: 'message', ticketId: 't-1', text: '下午两点后家里有人', photos: [] }]))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())

    fireEvent.click(screen.getByText('取消'))
    const cancel = screen.getByRole('dialog', { name: '取消工单' })
    fireEvent.click(within(cancel).getByText('确认取消'))
    expect(within(cancel).getByText('请填写取消原因')).toBeTruthy()
    expect(callsOf('act')).toHaveLength(1)
    fireEvent.click(within(cancel).getByText('重复提交'))
    fireEvent.click(within(cancel).getByText('确认取消'))
    await waitFor(() => expect(callsOf('act')[1]).toEqual({ action: 'cancel', ticketId: 't-1', reason: '重复提交' }))
    expect(await screen.findByText('已取消')).toBeTruthy()
  })

  it('重新处理 needs a reason and sends it', async () => {
    backend(detail({ status: 'resolved', statusLabel: '待确认', actions: ['confirm', 'reopen'] }), {
      reopen: { status: 'assigned', statusLabel: '已派单', actions: ['message'] },
    })
    render(<TicketPage />)
    await screen.findByText('待确认')
    fireEvent.click(screen.getByText('重新处理'))
    const sheet = screen.getByRole('dialog', { name: '问题没有解决？' })
    fireEvent.click(within(sheet).getByText('重新处理'))
    expect(within(sheet).getByText('请填写原因')).toBeTruthy()
    expect(callsOf('act')).toHaveLength(0)
    await typeInto('原因', '水龙头还是滴水', sheet)
    fireEvent.click(within(sheet).getByText('重新处理'))
    await waitFor(() => expect(callsOf('act')).toEqual([{ action: 'reopen', ticketId: 't-1', reason: '水龙头还是滴水' }]))
    expect(await screen.findByText('已派单')).toBeTruthy()
  })

  it('a refused action shows the Chinese message and reloads on conflict', async () => {
    mockCloud({
      get: () => detail({ status: 'resolved', statusLabel: '待确认', actions: ['confirm'] }),
      act: () => {
        throw new CloudError('CONFLICT', '工单状态已变化，当前不能进行此操作，请刷新')
      },
    })
    render(<TicketPage />)
    await screen.findByText('待确认')
    fireEvent.click(screen.getByText('确认完成'))
    fireEvent.click(within(screen.getByRole('dialog', { name: '确认问题已解决' })).getByText('确认完成'))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '工单状态已变化，当前不能进行此操作，请刷新', icon: 'none' }))
    await waitFor(() => expect(callsOf('get')).toHaveLength(2))
  })

  it('shows the backend error with a retry, and the hotline', async () => {
    let fail = true
    mockCloud({
      get: () => {
        if (fail) throw new CloudError('NOT_FOUND', '工单不存在')
        return detail({ deadlines: [deadline({ state: 'met', metAt: '2026-11-28T01:20:00.000Z', remaining: '按时响应' })] })
      },
    })
    render(<TicketPage />)
    expect(await screen.findByText('工单不存在')).toBeTruthy()
    fail = false
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText('按时响应 · 11-28 09:20')).toBeTruthy()
    fireEvent.click(screen.getByLabelText(`拨打物业电话 ${COMMUNITY.hotline}`))
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: COMMUNITY.hotline })
  })
})
