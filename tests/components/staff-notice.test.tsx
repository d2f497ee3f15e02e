import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import StaffNoticePage from '@/staff/notice/index'
import StaffNoticesPage from '@/staff/notices/index'
import WorkbenchPage from '@/staff/workbench/index'
import type { AnnouncementView } from '@/domain/announcements-api'
import type { StaffRole } from '@/domain/roles'
import { callsOf, mockCloud } from './cloud-mock'
import { me, staff } from './fixtures'
import { generalNotice, notice, reach, withActions } from './notice-fixtures'
import { router } from './taro-double'
import { typeInto } from './dom'

beforeEach(() => {
  router.params = { id: 'an-1' }
})
afterEach(() => {
  router.params = {}
})

/** `get` answers the current notice; actions change it like the backend does. */
function backend(roles: StaffRole[], first: AnnouncementView, extra: Record<string, (d: any) => unknown> = {}) {
  let current = first
  const set = (patch: Partial<AnnouncementView>) => (current = { ...current, ...patch })
  mockCloud({
    me: () => me({ staff: staff(roles) }),
    'announcements.get': () => withActions(current, roles),
    reach: () => reach(),
    review: (d: any) =>
      set(
        d.approve
          ? { status: 'published', statusLabel: '已发布', publishedAt: '2026-11-28T02:00:00.000Z', review: { by: '刘洋', at: '2026-11-28T02:00:00.000Z', approved: true } }
          : { status: 'draft', statusLabel: '草稿' },
      ),
    withdraw: () => set({ status: 'withdrawn', statusLabel: '已撤回', pinned: false }),
    pin: (d: any) => set({ pinned: d.pinned }),
    restore: () => generalNotice({ announcementId: 'an-restored', title: '已恢复：1栋停水通知', restoredOf: 'an-1' }),
    ...extra,
  })
}

/** The fixed bar with what the status calls for (NutUI buttons: read them by class). */
const bar = () => screen.getByRole('toolbar', { name: '公告操作' })
const buttons = () => Array.from(screen.queryByRole('toolbar', { name: '公告操作' })?.querySelectorAll('.nut-button') ?? []).map((b) => b.textContent)
/** The secondary actions in the head card. */
const toolbox = () => screen.getByRole('toolbar', { name: '管理' })
const tools = () => Array.from(screen.queryByRole('toolbar', { name: '管理' })?.querySelectorAll('[role="button"]') ?? []).map((b) => b.textContent)

describe('公告详情（员工）', () => {
  const revision = { title: '1栋停水通知', summary: '周日停水', body: '请将水费转账至个人账户。', by: '王敏', at: '2026-11-28T03:00:00.000Z' }

  it('a desk change to a published notice shows 修改待审核, with the published version still live', async () => {
    backend(['desk'], notice({ revision }))
    render(<StaffNoticePage />)
    expect(await screen.findByText('修改待审核')).toBeTruthy()
    expect(screen.getByText('修改已提交主管审核，通过前住户看到的仍是已发布的版本。')).toBeTruthy()
    expect(screen.getByText('住户看到的内容（已发布版本）')).toBeTruthy()
    // Both versions are on the page: the pending change, and the live text residents still see.
    expect(within(screen.getByLabelText('待审核的修改')).getByText(/请将水费转账至个人账户。/)).toBeTruthy()
    expect(screen.getAllByText(/因二次供水水箱年度清洗消毒/).length).toBeGreaterThan(0)
    // The desk cannot approve its own change.
    expect(buttons()).not.toContain('审核通过')
  })

  it('a supervisor approves a pending change: 审核通过 reviews it', async () => {
    let current = notice({ revision })
    backend(['supervisor'], current, {
      'announcements.get': () => withActions(current, ['supervisor']),
      review: (d: any) => (current = notice({ body: revision.body, revised: true, review: { by: '刘洋', at: '2026-11-28T03:10:00.000Z', approved: d.approve } })),
    })
    render(<StaffNoticePage />)
    expect(await screen.findByText(/请审核这次修改/)).toBeTruthy()
    expect(buttons()).toEqual(expect.arrayContaining(['退回', '审核通过']))
    fireEvent.click(within(bar()).getByText('审核通过'))
    await waitFor(() => expect(callsOf('review')).toEqual([{ announcementId: 'an-1', approve: true }]))
    await waitFor(() => expect(screen.queryByText('修改待审核')).toBeNull())
    expect(screen.getByText('已更新')).toBeTruthy()
  })

  it('a supervisor reviews a notice waiting for review: 审核通过 publishes it', async () => {
    const waiting = notice({
      status: 'review',
      statusLabel: '待审核',
      publishedAt: undefined,
      override: { reason: '水箱检测发现异常需紧急清洗', by: '王敏', at: '2026-11-28T01:20:00.000Z' },
    })
    backend(['supervisor'], waiting)
    render(<StaffNoticePage />)
    expect(await screen.findByText('请审核这条公告：通过后按申请时间发布。')).toBeTruthy()
    expect(buttons()).toEqual(['退回', '审核通过'])
    // Pinning waits until it is published (the backend refuses it during review).
    expect(tools()).toEqual(['编辑', '撤回'])
    // The override is on record for the reviewer.
    expect(screen.getByText('未满提前通知期发布')).toBeTruthy()
    expect(screen.getByText(/原因：水箱检测发现异常需紧急清洗/)).toBeTruthy()
    // No reach before it went out.
    expect(screen.queryByText('触达情况')).toBeNull()

    fireEvent.click(within(bar()).getByText('审核通过'))
    await waitFor(() => expect(callsOf('review')).toEqual([{ announcementId: 'an-1', approve: true }]))
    expect(await screen.findByText('审核通过')).toBeTruthy()
    expect(await screen.findByText('触达情况')).toBeTruthy()
  })

  it('退回 needs a reason', async () => {
    backend(['admin'], notice({ status: 'review', statusLabel: '待审核', publishedAt: undefined }))
    render(<StaffNoticePage />)
    fireEvent.click(within(await screen.findByRole('toolbar', { name: '公告操作' })).getByText('退回'))
    const dialog = screen.getByRole('dialog', { name: '退回公告' })
    fireEvent.click(within(dialog).getByText('退回'))
    expect(await within(dialog).findByText('请填写退回原因')).toBeTruthy()
    await typeInto('退回原因', '时间与水务公司通知不一致', dialog)
    fireEvent.click(within(dialog).getByText('退回'))
    await waitFor(() => expect(callsOf('review')).toEqual([{ announcementId: 'an-1', approve: false, reason: '时间与水务公司通知不一致' }]))
  })

  it('the desk cannot review its own submission', async () => {
    backend(['desk'], notice({ status: 'review', statusLabel: '待审核', publishedAt: undefined }))
    render(<StaffNoticePage />)
    expect(await screen.findByText('已提交主管审核，通过后按申请时间发布。')).toBeTruthy()
    expect(buttons()).toEqual([])
    expect(tools()).toEqual(['编辑', '撤回'])
  })

  it('a published interruption: withdraw, unpin, edit, poster, 一键发布「已恢复」 — and the reach numbers', async () => {
    const started = new Date(Date.now() - 2 * 3600_000)
    backend(['desk'], notice({ interruption: { reason: '二次供水水箱清洗消毒', startAt: started.toISOString(), endAt: new Date(started.getTime() + 6 * 3600_000).toISOString() } }))
    render(<StaffNoticePage />)
    expect(await screen.findByText('触达情况')).toBeTruthy()
    expect(buttons()).toEqual(['一键发布「已恢复」'])
    // The outage has started: 「已恢复」 is the next step, the main button.
    expect(within(bar()).getByText('一键发布「已恢复」').closest('.nut-button')?.className).toContain('nut-button-primary')
    expect(tools()).toEqual(['编辑', '取消置顶', '打印海报', '撤回'])

    await screen.findByText('推送完成')
    expect(screen.getByText('范围内住户 8 人')).toBeTruthy()
    expect(screen.getByLabelText('已送达 5')).toBeTruthy()
    expect(screen.getByLabelText('发送失败 1')).toBeTruthy()
    expect(screen.getByLabelText('未订阅 2')).toBeTruthy()
    expect(screen.getByLabelText('待发送 0')).toBeTruthy()
    expect(screen.getByLabelText('已读 4')).toBeTruthy()
    expect(screen.getByLabelText('分享 2')).toBeTruthy()
    expect(screen.getByText('用户标识无效')).toBeTruthy()
    expect(screen.getByText('1 人 · 40003')).toBeTruthy()
    expect(screen.getByText('转发到的群聊（1）')).toBeTruthy()
    expect(screen.getByText('群聊 1（…abcdef）')).toBeTruthy()
    expect(screen.getByText('打开 3 次 · 首次 11月28日 10:00')).toBeTruthy()

    fireEvent.click(within(toolbox()).getByText('取消置顶'))
    await waitFor(() => expect(callsOf('pin')).toEqual([{ announcementId: 'an-1', pinned: false }]))
    expect(await within(toolbox()).findByText('置顶')).toBeTruthy()
    fireEvent.click(within(toolbox()).getByText('打印海报'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/notice-poster/index?id=an-1' })

    fireEvent.click(within(bar()).getByText('一键发布「已恢复」'))
    const dialog = screen.getByRole('dialog', { name: '发布「已恢复」通知' })
    fireEvent.click(within(dialog).getByText('立即发布'))
    await waitFor(() => expect(callsOf('restore')).toEqual([{ announcementId: 'an-1', body: '', clientRequestId: expect.stringMatching(/^restore-/) }]))
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/staff/notice/index?id=an-restored' }))
  })

  it('before the outage starts, 「已恢复」 is not the main button and asks before going on', async () => {
    const start = new Date(Date.now() + 48 * 3600_000)
    const end = new Date(start.getTime() + 6 * 3600_000)
    backend(['desk'], notice({ interruption: { reason: '二次供水水箱清洗消毒', startAt: start.toISOString(), endAt: end.toISOString() } }))
    render(<StaffNoticePage />)
    const btn = await within(await screen.findByRole('toolbar', { name: '公告操作' })).findByText('一键发布「已恢复」')
    expect(btn.closest('.nut-button')?.className).not.toContain('nut-button-primary')
    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
    fireEvent.click(btn)
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '停水尚未开始', confirmText: '仍要发布' })))
    expect(screen.queryByRole('dialog', { name: '发布「已恢复」通知' })).toBeNull()
    fireEvent.click(btn)
    expect(await screen.findByRole('dialog', { name: '发布「已恢复」通知' })).toBeTruthy()
    expect(callsOf('restore')).toEqual([])
  })

  it('a draft: the desk’s button says it only submits for review; a supervisor’s says publish', async () => {
    const draft = generalNotice({ status: 'draft', statusLabel: '草稿', publishedAt: undefined })
    backend(['desk'], draft)
    const { unmount } = render(<StaffNoticePage />)
    await screen.findByRole('toolbar', { name: '公告操作' })
    expect(buttons()).toEqual(['编辑并提交审核'])
    unmount()
    backend(['supervisor'], draft)
    render(<StaffNoticePage />)
    await screen.findByRole('toolbar', { name: '公告操作' })
    expect(buttons()).toEqual(['编辑并发布'])
  })

  it('withdraws with a reason; a withdrawn notice offers no actions', async () => {
    backend(['desk'], generalNotice({ announcementId: 'an-1' }))
    render(<StaffNoticePage />)
    fireEvent.click(within(await screen.findByRole('toolbar', { name: '管理' })).getByText('撤回'))
    const dialog = screen.getByRole('dialog', { name: '撤回公告' })
    await typeInto('撤回原因', '活动改期', dialog)
    fireEvent.click(within(dialog).getByText('撤回'))
    await waitFor(() => expect(callsOf('withdraw')).toEqual([{ announcementId: 'an-1', reason: '活动改期' }]))
    expect(await screen.findByText('已撤回：住户不再看到，未发出的订阅消息不再发送。')).toBeTruthy()
    expect(buttons()).toEqual([])
    expect(tools()).toEqual([])
  })
})

describe('公告管理（列表）', () => {
  it('lists notices with status pills and times, by status tab, and opens 新建', async () => {
    mockCloud({
      me: () => me({ staff: staff(['desk']) }),
      list: (d: any) =>
        d.status === 'scheduled'
          ? { items: [generalNotice({ status: 'scheduled', statusLabel: '定时发布', publishedAt: undefined, publishAt: '2026-11-30T01:00:00.000Z' })], total: 1 }
          : { items: [notice(), generalNotice({ status: 'draft', statusLabel: '草稿', publishedAt: undefined, updatedAt: '2026-11-28T02:00:00.000Z' })], total: 2 },
    })
    render(<StaffNoticesPage />)
    const water = await screen.findByRole('button', { name: '停水：1栋停水通知，已发布' })
    expect(within(water).getByText('置顶')).toBeTruthy()
    expect(within(water).getByText('11月28日 09:30 发布')).toBeTruthy()
    expect(screen.getByRole('button', { name: '通知：小区消防演练，草稿' })).toBeTruthy()
    expect(screen.getByText('11月28日 10:00 编辑')).toBeTruthy()
    expect(callsOf('list')[0]).toEqual({ status: 'all', pageSize: 20 })

    fireEvent.click(screen.getByRole('tab', { name: '定时发布' }))
    expect(await screen.findByText('定于 11月30日 09:00 发布')).toBeTruthy()
    expect(callsOf('list').at(-1)).toEqual({ status: 'scheduled', pageSize: 20 })

    fireEvent.click(screen.getByText('新建公告'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/notice-edit/index' })
  })
})

describe('工作台 · 公告', () => {
  it('the 公告 tile is live and shows supervisors what waits for review', async () => {
    mockCloud({
      me: () => me({ staff: staff(['supervisor']) }),
      queueCounts: () => ({ assigned: 0, pool: 0, owned: 0, dueSoon: 0, overdue: 0, open: 0 }),
      list: (d: any) => ({ items: [], total: d.status === 'review' ? 2 : 0 }),
    })
    render(<WorkbenchPage />)
    expect(await screen.findByText('2 条公告待审核')).toBeTruthy()
    expect(callsOf('list')).toEqual([{ status: 'review', pageSize: 1 }])
    fireEvent.click(screen.getByText('公告'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/notices/index' })
  })

  it('the desk sees the tile without the review count', async () => {
    mockCloud({
      me: () => me({ staff: staff(['desk']) }),
      listBindingRequests: () => ({ items: [], total: 0 }),
      queueCounts: () => ({ assigned: 0, pool: 0, owned: 0, dueSoon: 0, overdue: 0, open: 0 }),
    })
    render(<WorkbenchPage />)
    expect(await screen.findByText('停水停电等通知，推送与张贴')).toBeTruthy()
    expect(callsOf('list')).toEqual([])
  })
})
