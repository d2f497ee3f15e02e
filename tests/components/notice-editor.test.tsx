import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import NoticeEditPage from '@/staff/notice-edit/index'
import { CloudError } from '@/services/cloud'
import type { StaffRole } from '@/domain/roles'
import { callsOf, mockCloud } from './cloud-mock'
import { me, staff, UNITS } from './fixtures'
import { notice } from './notice-fixtures'
import { router } from './taro-double'
import { typeInto } from './dom'

afterEach(() => {
  router.params = {}
})

function asStaff(roles: StaffRole[], handlers: Record<string, (d: any) => unknown> = {}) {
  mockCloud({ me: () => me({ staff: staff(roles) }), listUnits: () => UNITS, ...handlers })
}

const option = (group: string, name: string) => within(screen.getByRole('listbox', { name: group })).getByText(name)
const bar = () => screen.getByRole('toolbar', { name: '公告操作' })

describe('新建公告', () => {
  it('counts the title live and refuses more than 20 characters inline', async () => {
    asStaff(['supervisor'])
    render(<NoticeEditPage />)
    expect(await screen.findByText('订阅消息标题限 20 字')).toBeTruthy()
    expect(screen.getByLabelText('标题字数').textContent).toBe('0/20')

    await typeInto('标题', '1栋停水通知')
    await waitFor(() => expect(screen.getByLabelText('标题字数').textContent).toBe('6/20'))
    expect(screen.queryByText(/标题不超过 20 个字/)).toBeNull()

    await typeInto('标题', '关于1栋2单元二次供水水箱年度清洗消毒停水的通知')
    await waitFor(() => expect(screen.getByLabelText('标题字数').textContent).toBe('24/20'))
    expect(screen.getByRole('alert').textContent).toBe('标题不超过 20 个字（订阅消息标题限 20 字）')
    expect(screen.getByLabelText('标题字数').className).toContain('counted__n--over')

    await typeInto('正文', '因水箱清洗，暂停供水。')
    fireEvent.click(within(bar()).getByText('发布'))
    fireEvent.click(within(bar()).getByText('保存草稿'))
    await act(() => new Promise((r) => setTimeout(r, 50)))
    expect(callsOf('create')).toEqual([])
    expect(callsOf('publish')).toEqual([])
  })

  it('requires the reason, start and expected restoration for 停水, and states the 24-hour rule', async () => {
    asStaff(['supervisor'])
    render(<NoticeEditPage />)
    fireEvent.click(await screen.findByText('停水'))
    expect(await screen.findByText('停水安排')).toBeTruthy()
    expect(screen.getByText('停水需提前 24 小时通知住户')).toBeTruthy()
    await typeInto('标题', '1栋停水通知')
    await typeInto('正文', '因水箱清洗，暂停供水。')
    fireEvent.click(within(bar()).getByText('发布'))
    expect(await screen.findByText('请填写停水原因')).toBeTruthy()
    expect(screen.getByText('请选择开始时间')).toBeTruthy()
    expect(screen.getByText('请选择预计恢复时间')).toBeTruthy()
    expect(callsOf('create')).toEqual([])

    // 通知 needs none of it.
    fireEvent.click(option('公告类型', '通知'))
    expect(screen.queryByText('停水安排')).toBeNull()
  })

  it('creates the draft with the chosen buildings and shows the preview exactly as residents see it', async () => {
    asStaff(['desk'], {
      create: (d: any) => notice({ ...d, announcementId: 'an-new', status: 'draft', statusLabel: '草稿', interruption: undefined, type: 'general', typeLabel: '通知' }),
    })
    render(<NoticeEditPage />)
    await screen.findByText('订阅消息标题限 20 字')
    await typeInto('标题', '电梯年检')
    await typeInto('正文', '本周五 1 栋电梯年检。')
    fireEvent.click(option('影响范围', '楼栋'))
    fireEvent.click(await screen.findByText('2栋'))
    fireEvent.click(within(bar()).getByText('预览'))
    const preview = screen.getByRole('dialog', { name: '预览：住户看到的样子' })
    expect(within(preview).getByText('电梯年检')).toBeTruthy()
    expect(within(preview).getByText('预览 · 尚未发布')).toBeTruthy()
    expect(within(preview).getByText('本周五 1 栋电梯年检。')).toBeTruthy()
    fireEvent.click(within(preview).getByLabelText('关闭'))

    fireEvent.click(within(bar()).getByText('保存草稿'))
    await waitFor(() => expect(callsOf('create')).toHaveLength(1))
    expect(callsOf('create')[0]).toEqual({
      type: 'general',
      title: '电梯年检',
      summary: '',
      body: '本周五 1 栋电梯年检。',
      scope: { kind: 'buildings', buildings: ['2栋'] },
      images: [],
      attachments: [],
      pinned: false,
      clientRequestId: expect.stringMatching(/^notice-/),
    })
    // A desk author submits for review.
    expect(within(bar()).getByText('提交审核')).toBeTruthy()
  })
})

describe('编辑公告：发布与通知期', () => {
  const draft = notice({ status: 'draft', statusLabel: '草稿', publishedAt: undefined, publishAt: undefined, pinned: false })

  it('shows the rule when the backend refuses for the notice period, and resends with the reason', async () => {
    router.params = { id: 'an-1' }
    let publishes = 0
    asStaff(['supervisor'], {
      'announcements.get': () => draft,
      update: (d: any) => ({ ...draft, title: d.title }),
      publish: (d: any) => {
        publishes++
        if (!d.override) throw new CloudError('INVALID_INPUT', '停水需至少提前 24 小时通知（还差 15 小时）。如确需发布，请填写原因', { shortfallHours: 15 })
        return { ...draft, status: 'published', statusLabel: '已发布', override: { reason: d.override.reason, by: '刘洋', at: '2026-11-28T01:30:00.000Z' } }
      },
    })
    render(<NoticeEditPage />)
    expect(await screen.findByText('停水安排')).toBeTruthy()
    fireEvent.click(within(bar()).getByText('发布'))

    const dialog = await screen.findByRole('dialog', { name: '未满足提前通知要求' })
    expect(within(dialog).getByText('按规定，停水需至少提前 24 小时通知住户。')).toBeTruthy()
    expect(within(dialog).getByText('本次距开始还差 15 小时。')).toBeTruthy()
    expect(callsOf('update')).toHaveLength(1)
    expect(callsOf('publish')).toEqual([{ announcementId: 'an-1' }])

    fireEvent.click(within(dialog).getByText('填写原因并发布'))
    expect(await within(dialog).findByText('请填写未提前通知的原因')).toBeTruthy()
    await typeInto('未提前通知的原因', '抢修', dialog)
    fireEvent.click(within(dialog).getByText('填写原因并发布'))
    expect(await within(dialog).findByText('请说明未提前通知的原因（至少 4 个字）')).toBeTruthy()
    expect(publishes).toBe(1)

    await typeInto('未提前通知的原因', '水箱检测发现异常需紧急清洗', dialog)
    fireEvent.click(within(dialog).getByText('填写原因并发布'))
    await waitFor(() => expect(callsOf('publish')).toHaveLength(2))
    expect(callsOf('publish')[1]).toEqual({ announcementId: 'an-1', override: { reason: '水箱检测发现异常需紧急清洗' } })
    // Not saved again for the resend.
    expect(callsOf('update')).toHaveLength(1)
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/staff/notice/index?id=an-1' }))
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已发布', icon: 'success' })
  })

  it('sends the loaded interruption back unchanged on save', async () => {
    router.params = { id: 'an-1' }
    asStaff(['supervisor'], { 'announcements.get': () => draft, update: () => draft })
    render(<NoticeEditPage />)
    await screen.findByText('停水安排')
    fireEvent.click(within(bar()).getByText('保存草稿'))
    await waitFor(() => expect(callsOf('update')).toHaveLength(1))
    expect(callsOf('update')[0]).toEqual({
      announcementId: 'an-1',
      type: 'water',
      title: '1栋停水通知',
      summary: '', // made from the times by the function
      body: draft.body,
      scope: { kind: 'buildings', buildings: ['1栋'] },
      images: [],
      attachments: [],
      interruption: draft.interruption,
      pinned: false,
    })
  })
})

describe('编辑公告', () => {
  it('a desk change to a published notice: asks the notice-period reason when the start moves in, then says it went to review', async () => {
    router.params = { id: 'an-1' }
    const live = notice({ announcementId: 'an-1', status: 'published', statusLabel: '已发布' })
    asStaff(['desk'], {
      get: () => live,
      update: (d: any) => {
        if (!d.override) throw new CloudError('INVALID_INPUT', '停水需至少提前 24 小时通知（还差 23 小时）。如确需发布，请填写原因', { shortfallHours: 23 })
        return { ...live, revision: { title: d.title, summary: d.summary, body: d.body, by: '王敏', at: '2026-11-28T02:00:00.000Z' } }
      },
    })
    render(<NoticeEditPage />)
    await screen.findByLabelText('正文')
    fireEvent.click(within(await screen.findByRole('toolbar', { name: '公告操作' })).getByText(/保存/))
    const dialog = await screen.findByRole('dialog', { name: '未满足提前通知要求' })
    expect(within(dialog).getByText('本次距开始还差 23 小时。')).toBeTruthy()
    await typeInto('未提前通知的原因', '主管道爆裂紧急抢修', dialog)
    fireEvent.click(within(dialog).getByText('填写原因并提交审核'))
    await waitFor(() => expect(callsOf('update')).toHaveLength(2))
    expect(callsOf('update')[1].override).toEqual({ reason: '主管道爆裂紧急抢修' })
    expect(callsOf('publish')).toEqual([])
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '修改已提交主管审核', icon: 'none' }))
  })

  it('an interruption has no typed summary: its times, from the fields, are shown instead', async () => {
    router.params = { id: 'an-1' }
    asStaff(['supervisor'], { 'announcements.get': () => notice({ status: 'draft', statusLabel: '草稿' }) })
    render(<NoticeEditPage />)
    await screen.findByText('停水安排')
    expect(screen.queryByLabelText('摘要（选填）')).toBeNull()
    expect(screen.getByRole('note', { name: '摘要' }).textContent).toBe('摘要11月29日 09:00-15:00')
  })

  it('keeps the images and attachments the notice already has when saving an edit', async () => {
    router.params = { id: 'an-1' }
    const stored = notice({
      announcementId: 'an-1',
      status: 'draft',
      images: ['http://127.0.0.1/files/uploads/a.png?sign=x'],
      attachments: [{ name: '施工方案.pdf', url: 'http://127.0.0.1/files/uploads/b.pdf?sign=y' }],
      files: { images: ['cloud://env.bucket/uploads/a.png'], attachments: [{ fileId: 'cloud://env.bucket/uploads/b.pdf', name: '施工方案.pdf' }] },
    })
    asStaff(['supervisor'], { get: () => stored, update: (d) => ({ ...stored, ...d }) })
    render(<NoticeEditPage />)
    await screen.findByLabelText('正文')
    await typeInto('正文', '时间调整为 9:00-14:00。')
    fireEvent.click(within(await screen.findByRole('toolbar', { name: '公告操作' })).getByText(/保存/))
    await waitFor(() => expect(callsOf('update')).toHaveLength(1))
    const sent = callsOf('update')[0] as any
    expect(sent.images).toEqual(['cloud://env.bucket/uploads/a.png'])
    expect(sent.attachments).toEqual([{ fileId: 'cloud://env.bucket/uploads/b.pdf', name: '施工方案.pdf' }])
  })
})
