import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import StaffTicketsPage from '@/staff/tickets/index'
import StaffTicketPage from '@/staff/ticket/index'
import { CloudError } from '@/services/cloud'
import type { StaffRole } from '@/domain/roles'
import type { TicketDetail } from '@/domain/tickets/api'
import { callsOf, mockCloud, type Handler } from './cloud-mock'
import { me, staff } from './fixtures'
import { detail, entry, summary } from './ticket-fixtures'
import { router } from './taro-double'
import { typeInto } from './dom'

const COUNTS = { assigned: 2, pool: 3, owned: 1, dueSoon: 1, overdue: 4, open: 12 }
const asStaff = (roles: StaffRole[], handlers: Record<string, Handler>) => mockCloud({ me: () => me({ staff: staff(roles) }), ...handlers })
const buttons = () => Array.from(screen.getByRole('toolbar', { name: '工单操作' }).querySelectorAll('.nut-button')).map((b) => b.textContent)
/** A button of the action bar (a timeline entry may carry the same words). */
const btn = (label: string) => screen.getByText(label, { selector: '.nut-button *' })
const tab = (label: string) => screen.getAllByRole('tab').find((t) => t.textContent!.includes(label))!

afterEach(() => {
  router.params = {}
})

describe('工单队列', () => {
  it('shows each queue’s count on its tab; an engineer starts on 派给我; switching calls listQueue with that queue', async () => {
    asStaff(['engineer'], {
      queueCounts: () => COUNTS,
      listQueue: (d: any) => ({ items: [summary({ ticketId: `t-${d.queue}`, categoryLabel: d.queue === 'pool' ? '门窗' : '水电', assigneeName: '李强' })], total: 1 }),
    })
    render(<StaffTicketsPage />)
    expect(await screen.findByText('报修·水电')).toBeTruthy()
    await waitFor(() => expect(tab('派给我').textContent).toBe('2派给我'))
    expect(tab('抢单池').textContent).toBe('3抢单池')
    expect(tab('已超时').textContent).toBe('4已超时')
    expect(tab('已超时').className).toContain('staff-queue__tab--hot-overdue')
    expect(tab('未完成').textContent).toBe('12未完成')
    expect(tab('派给我').getAttribute('aria-selected')).toBe('true')
    expect(callsOf('listQueue')[0]).toEqual({ queue: 'assigned', pageSize: 20 })
    expect(screen.getByText('处理人 李强')).toBeTruthy()
    expect(screen.queryByText('代客登记')).toBeNull()

    fireEvent.click(tab('抢单池'))
    expect(await screen.findByText('报修·门窗')).toBeTruthy()
    expect(callsOf('listQueue')[1]).toEqual({ queue: 'pool', pageSize: 20 })
    expect(tab('抢单池').getAttribute('aria-selected')).toBe('true')

    fireEvent.click(screen.getByText('报修·门窗'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/ticket/index?id=t-pool' })
  })

  it('the desk starts on 全部, pages with the cursor, and can log a call', async () => {
    asStaff(['desk'], {
      queueCounts: () => COUNTS,
      listQueue: (d: any) => (d.cursor ? { items: [summary({ ticketId: 't-b', categoryLabel: '门禁' })], total: 2 } : { items: [summary()], total: 2, nextCursor: '1' }),
    })
    render(<StaffTicketsPage />)
    await screen.findByText('报修·水电')
    expect(callsOf('listQueue')[0]).toEqual({ queue: 'open', pageSize: 20 })
    fireEvent.click(screen.getByText('加载更多'))
    expect(await screen.findByText('报修·门禁')).toBeTruthy()
    expect(callsOf('listQueue')[1]).toEqual({ queue: 'open', pageSize: 20, cursor: '1' })
    fireEvent.click(screen.getByText('代客登记'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/log/index' })
  })

  it('an empty queue says so', async () => {
    asStaff(['engineer'], { queueCounts: () => ({ ...COUNTS, assigned: 0 }), listQueue: () => ({ items: [], total: 0 }) })
    render(<StaffTicketsPage />)
    expect(await screen.findByText('没有派给你的工单')).toBeTruthy()
  })
})

describe('工单处理（员工）', () => {
  function backend(first: TicketDetail, after: Record<string, Partial<TicketDetail>> = {}, extra: Record<string, Handler> = {}) {
    let current = first
    asStaff(['engineer'], {
      get: () => current,
      act: (d: any) => {
        current = { ...current, ...(after[d.action] ?? {}) }
        return { ticketId: current.ticketId, status: current.status }
      },
      ...extra,
    })
  }

  beforeEach(() => {
    router.params = { id: 't-1' }
  })

  it('shows the resident’s video with controls beside the description', async () => {
    backend(detail({ videoUrl: 'https://files.example/uploads/clip.mp4', photoUrls: [] }))
    const { container } = render(<StaffTicketPage />)
    await screen.findByText('报事信息')
    const video = container.querySelector('.ticket-video taro-video-core')!
    expect(video.getAttribute('src')).toBe('https://files.example/uploads/clip.mp4')
    expect((video as any).controls).toBe(true)
    await waitFor(() => expect(video.querySelector('video')).toBeTruthy())
  })

  it('抢单 calls act grab and reloads the ticket', async () => {
    backend(detail({ actions: ['grab'], contactPhone: '138****0001' }), {
      grab: { status: 'accepted', statusLabel: '处理中', pool: false, assigneeName: '李强', actions: ['arrive', 'note', 'pause', 'complete', 'transfer'] },
    })
    render(<StaffTicketPage />)
    expect(await screen.findByText('在抢单池中，等待工程人员接单')).toBeTruthy()
    expect(buttons()).toEqual(['抢单'])
    expect(screen.getByText('138****0001')).toBeTruthy()
    expect(screen.queryByLabelText(/拨打住户电话/)).toBeNull()

    const grab = btn('抢单')
    act(() => {
      fireEvent.click(grab)
      fireEvent.click(grab)
    })
    await waitFor(() => expect(callsOf('act')).toEqual([{ action: 'grab', ticketId: 't-1' }]))
    expect(await screen.findByText('处理中')).toBeTruthy()
    expect(callsOf('get')).toHaveLength(2)
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '抢单成功', icon: 'success' })
    // Four buttons fit: the main steps, the most used one, and 更多 for the rest.
    expect(buttons()).toEqual(['更多', '进展备注', '到场签到', '完工'])
    ;(Taro.showActionSheet as jest.Mock).mockResolvedValueOnce({ errMsg: 'showActionSheet:ok', tapIndex: 1 })
    fireEvent.click(btn('更多'))
    await waitFor(() => expect(Taro.showActionSheet).toHaveBeenCalledWith({ itemList: ['暂停', '转派'] }))
    expect(await screen.findByRole('dialog', { name: '转派工单' })).toBeTruthy()
  })

  it('a lost grab race says so and shows the current state', async () => {
    let taken = false
    asStaff(['engineer'], {
      get: () => (taken ? detail({ status: 'accepted', statusLabel: '处理中', actions: [], assigneeName: '赵建国' }) : detail({ actions: ['grab'] })),
      act: () => {
        taken = true
        throw new CloudError('CONFLICT', '手慢了，工单已被他人接走')
      },
    })
    render(<StaffTicketPage />)
    await screen.findByText('待受理')
    fireEvent.click(btn('抢单'))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '手慢了，工单已被他人接走', icon: 'none' }))
    expect(await screen.findByText('处理中')).toBeTruthy()
    expect(screen.queryByRole('toolbar')).toBeNull()
  })

  it('转派 requires a person and a reason, lists staff with on-duty state, and sends both', async () => {
    backend(
      detail({ status: 'accepted', statusLabel: '处理中', assigneeName: '李强', actions: ['note', 'transfer'] }),
      { transfer: { status: 'assigned', statusLabel: '已派单', assigneeName: '赵建国', actions: ['note'] } },
      {
        departmentStaff: (d: any) =>
          d.department === 'engineering'
            ? [
                { staffId: 'st-eng1', name: '李强', roles: ['engineer'], onDuty: true, openLoad: 2 },
                { staffId: 'st-eng2', name: '赵建国', roles: ['engineer'], onDuty: false, openLoad: 0 },
              ]
            : [{ staffId: 'st-sec', name: '陈刚', roles: ['security'], onDuty: true, openLoad: 0 }],
      },
    )
    render(<StaffTicketPage />)
    await screen.findByText('处理中')
    expect(buttons()).toEqual(['转派', '进展备注'])
    fireEvent.click(btn('转派'))
    const sheet = screen.getByRole('dialog', { name: '转派工单' })
    expect(await within(sheet).findByText('赵建国')).toBeTruthy()
    expect(callsOf('departmentStaff')[0]).toEqual({ department: 'engineering' })
    expect(within(sheet).getByText('李强（当前处理人）')).toBeTruthy()
    const rows = within(sheet).getAllByRole('radio')
    expect(rows.map((r) => r.textContent)).toEqual(['李强（当前处理人）工程在办 2 单在岗', '赵建国工程在办 0 单休息'])

    fireEvent.click(within(sheet).getByText('李强（当前处理人）'))
    expect(rows[0].getAttribute('aria-checked')).toBe('false')
    fireEvent.click(within(sheet).getByText('确认转派'))
    expect(within(sheet).getByText('请选择转派对象')).toBeTruthy()
    expect(within(sheet).getByText('请填写转派原因')).toBeTruthy()
    expect(callsOf('act')).toHaveLength(0)

    fireEvent.click(within(sheet).getByText('赵建国'))
    fireEvent.click(within(sheet).getByText('确认转派'))
    expect(within(sheet).queryByText('请选择转派对象')).toBeNull()
    expect(within(sheet).getByText('请填写转派原因')).toBeTruthy()
    expect(callsOf('act')).toHaveLength(0)

    await typeInto('转派原因', '需要电工资质', sheet)
    fireEvent.click(within(sheet).getByText('确认转派'))
    await waitFor(() => expect(callsOf('act')).toEqual([{ action: 'transfer', ticketId: 't-1', staffId: 'st-eng2', reason: '需要电工资质' }]))
    expect(await screen.findByText('已派单')).toBeTruthy()
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('shows internal notes marked 内部, the consent record and pause; a note can be internal', async () => {
    backend(
      detail({
        status: 'paused',
        statusLabel: '已暂停',
        actions: ['note', 'resume'],
        contactPhone: '13800000001',
        consent: { by: '张伟', scope: '进入厨房', at: '2026-11-28T02:00:00.000Z' },
        pause: { reason: '等待配件到货', expectedAt: '2026-11-29T02:00:00.000Z' },
        timeline: [
          entry(),
          entry({ at: '2026-11-28T02:10:00.000Z', action: 'note', label: '进展备注', actorName: '李强', actorKind: 'staff', text: '阀芯型号需确认', visibility: 'internal' }),
        ],
      }),
    )
    const { container } = render(<StaffTicketPage />)
    await screen.findByText('已暂停')
    const latest = container.querySelector('.timeline__item')!
    expect(latest.textContent).toContain('进展备注')
    expect(latest.textContent).toContain('内部')
    expect(screen.getByText('张伟：进入厨房（11-28 10:00）')).toBeTruthy()
    expect(screen.getByText('已暂停：等待配件到货，预计 11-29 10:00 恢复')).toBeTruthy()
    // Paused: the clocks stand still, so no "time left" is shown.
    expect(screen.getByText('暂停中，计时已停止')).toBeTruthy()
    expect(screen.getAllByText('计时暂停')).toHaveLength(3)
    expect(screen.queryByText('剩余 29 分')).toBeNull()
    fireEvent.click(screen.getByLabelText('拨打住户电话 13800000001'))
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13800000001' })

    fireEvent.click(btn('进展备注'))
    const sheet = screen.getByRole('dialog', { name: '进展备注' })
    fireEvent.click(within(sheet).getByText('仅内部'))
    await typeInto('备注内容', '已联系供应商', sheet)
    fireEvent.click(within(sheet).getByText('保存备注'))
    await waitFor(() => expect(callsOf('act')).toEqual([{ action: 'note', ticketId: 't-1', text: '已联系供应商', photos: [], visibility: 'internal' }]))
  })

  it('暂停 needs a reason and a future time (presets)', async () => {
    backend(detail({ status: 'accepted', statusLabel: '处理中', actions: ['pause', 'complete'] }))
    render(<StaffTicketPage />)
    fireEvent.click(await screen.findByText('暂停'))
    const sheet = screen.getByRole('dialog', { name: '暂停处理' })
    fireEvent.click(within(sheet).getByText('确认暂停'))
    expect(within(sheet).getByText('请填写暂停原因')).toBeTruthy()
    expect(within(sheet).getByText('请选择预计恢复时间')).toBeTruthy()
    fireEvent.click(within(sheet).getByText('等待配件到货'))
    fireEvent.click(within(sheet).getByText('明天 10:00'))
    fireEvent.click(within(sheet).getByText('确认暂停'))
    await waitFor(() => expect(callsOf('act')).toHaveLength(1))
    const sent = callsOf('act')[0]
    expect(sent).toEqual({ action: 'pause', ticketId: 't-1', reason: '等待配件到货', expectedAt: expect.stringMatching(/T10:00:00\+08:00$/) })
    expect(new Date(sent.expectedAt).getTime()).toBeGreaterThan(Date.now())
  })

  it('完工 sends the text', async () => {
    backend(detail({ status: 'arrived', statusLabel: '已到场', actions: ['complete'] }), { complete: { status: 'resolved', statusLabel: '待确认', actions: [] } })
    render(<StaffTicketPage />)
    fireEvent.click(await screen.findByText('完工'))
    const sheet = screen.getByRole('dialog', { name: '完工' })
    await typeInto('完工说明', '更换阀芯，已试水', sheet)
    fireEvent.click(within(sheet).getByText('提交完工'))
    await waitFor(() => expect(callsOf('act')).toEqual([{ action: 'complete', ticketId: 't-1', text: '更换阀芯，已试水', photos: [] }]))
    expect(await screen.findByText('待确认')).toBeTruthy()
  })
})
