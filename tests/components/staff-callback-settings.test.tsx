import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import CallbackSettingsPage from '@/staff/callback-settings/index'
import WorkbenchPage from '@/staff/workbench/index'
import { CloudError } from '@/services/cloud'
import type { StaffRole } from '@/domain/roles'
import { DEFAULT_CALLBACK_SETTINGS, type CallbackSettings } from '@/domain/tickets/reminders'
import { callsOf, mockCloud, type Handler } from './cloud-mock'
import { COMMUNITY, me, staff } from './fixtures'
import { typeInto } from './dom'

/** The community skips well-rated repairs and allows 48 h for a callback. */
const OURS: CallbackSettings = { ...DEFAULT_CALLBACK_SETTINGS, policy: { ...DEFAULT_CALLBACK_SETTINGS.policy, repair: 'skip-if-rated-4' }, dueHours: 48 }

const asStaff = (roles: StaffRole[], handlers: Record<string, Handler> = {}) =>
  mockCloud({
    me: () => me({ staff: staff(roles, { communityId: COMMUNITY._id }) }),
    'callbacks.getSettings': () => ({ settings: OURS, defaults: DEFAULT_CALLBACK_SETTINGS }),
    ...handlers,
  })

async function valueOf(label: string) {
  const host = screen.getByLabelText(label)
  const input = await waitFor(() => {
    const el = host.tagName === 'INPUT' ? host : host.querySelector('input')
    if (!el) throw new Error(`no <input> in ${label} yet`)
    return el as HTMLInputElement
  })
  return input.value
}

const field = (label: string) => screen.getByLabelText(label).closest('.field') as HTMLElement
const selected = (group: string) =>
  within(screen.getByRole('listbox', { name: group }))
    .getAllByRole('option')
    .filter((o) => o.getAttribute('aria-selected') === 'true')
    .map((o) => o.textContent)

describe('回访设置', () => {
  it('loads the community’s policies and clocks with their defaults', async () => {
    asStaff(['admin'])
    render(<CallbackSettingsPage />)
    await screen.findByRole('listbox', { name: '报修回访策略' })
    expect(callsOf('getSettings')).toEqual([{}])
    expect(screen.getByText('回访须在问题解决后 24 小时内完成（服务手册 1.2），修改后对新的回访任务生效')).toBeTruthy()

    expect(selected('报修回访策略')).toEqual(['好评（4 星及以上）免回访'])
    expect(selected('投诉回访策略')).toEqual(['全部回访'])
    expect(selected('咨询回访策略')).toEqual(['不回访'])
    expect(screen.getByRole('listbox', { name: '报修回访策略' }).closest('.field')!.textContent).toContain('默认：全部回访')
    expect(screen.getByRole('listbox', { name: '咨询回访策略' }).closest('.field')!.textContent).toContain('默认：不回访')

    expect(await valueOf('回访时限（小时）')).toBe('48')
    expect(field('回访时限（小时）').textContent).toContain('默认 24 小时')
    expect(await valueOf('联系不上最多尝试（次）')).toBe('3')
    expect(field('联系不上最多尝试（次）').textContent).toContain('默认 3 次')
    expect(await valueOf('完工后提醒住户确认（小时）')).toBe('24')
    expect(screen.getByText('已保存')).toBeTruthy()
  })

  it('changes a policy and a number and saves exactly the setSettings payload', async () => {
    asStaff(['admin'], { 'callbacks.setSettings': (d: any) => ({ settings: d, defaults: DEFAULT_CALLBACK_SETTINGS }) })
    render(<CallbackSettingsPage />)
    await screen.findByRole('listbox', { name: '咨询回访策略' })

    fireEvent.click(within(screen.getByRole('listbox', { name: '咨询回访策略' })).getByText('全部回访'))
    expect(selected('咨询回访策略')).toEqual(['全部回访'])
    // Who calls back: the desk by default; the handler when chosen.
    expect(selected('回访人')).toEqual(['客服回访'])
    expect(screen.getByRole('listbox', { name: '回访人' }).closest('.field')!.textContent).toContain('默认：客服回访')
    fireEvent.click(within(screen.getByRole('listbox', { name: '回访人' })).getByText('处理人回访'))
    expect(selected('回访人')).toEqual(['处理人回访'])
    expect(screen.getByRole('listbox', { name: '回访人' }).closest('.field')!.textContent).toContain('回访任务派给该工单的首问负责人或处理人本人')
    await typeInto('联系不上最多尝试（次）', '5')
    fireEvent.click(screen.getByText('保存'))
    await waitFor(() => expect(callsOf('setSettings')).toHaveLength(1))
    expect(callsOf('setSettings')[0]).toEqual({
      policy: { repair: 'skip-if-rated-4', complaint: 'always', consultation: 'always' },
      assignTo: 'handler',
      dueHours: 48,
      maxAttempts: 5,
      confirmReminderHours: 24,
    })
    expect(await screen.findByText('已保存')).toBeTruthy()
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' })
    expect(await valueOf('联系不上最多尝试（次）')).toBe('5')
  })

  it('an invalid number shows an inline error and is not saved', async () => {
    asStaff(['admin'], { 'callbacks.setSettings': (d: any) => ({ settings: d, defaults: DEFAULT_CALLBACK_SETTINGS }) })
    render(<CallbackSettingsPage />)
    await screen.findByLabelText('回访时限（小时）')

    await typeInto('回访时限（小时）', '0')
    expect(within(field('回访时限（小时）')).getByRole('alert').textContent).toBe('回访时限至少 1 小时')
    await typeInto('联系不上最多尝试（次）', '11')
    expect(within(field('联系不上最多尝试（次）')).getByRole('alert').textContent).toBe('最多尝试 10 次')
    await typeInto('完工后提醒住户确认（小时）', '169')
    expect(within(field('完工后提醒住户确认（小时）')).getByRole('alert').textContent).toBe('提醒时间不超过 7 天')

    fireEvent.click(screen.getByText('保存'))
    expect(screen.getByText('请先修正标红的项目')).toBeTruthy()
    expect(callsOf('setSettings')).toHaveLength(0)

    await typeInto('回访时限（小时）', '168')
    expect(within(field('回访时限（小时）')).queryByRole('alert')).toBeNull()
    expect(field('回访时限（小时）').textContent).toContain('默认 24 小时')
  })

  it.each([['supervisor'], ['desk']] as [StaffRole][])('a %s reads the values without chips, inputs or 保存', async (role) => {
    asStaff([role])
    const { container } = render(<CallbackSettingsPage />)
    expect(await screen.findByText('仅管理员可以修改回访设置。')).toBeTruthy()
    expect(container.querySelector('taro-input-core, input')).toBeNull()
    expect(screen.queryByRole('listbox')).toBeNull()
    expect(screen.queryByText('保存')).toBeNull()
    expect(screen.queryByText('已保存')).toBeNull()
    expect(screen.getByLabelText('报修回访策略').textContent).toBe('好评（4 星及以上）免回访')
    expect(screen.getByLabelText('咨询回访策略').textContent).toBe('不回访')
    expect(screen.getByLabelText('回访人').textContent).toBe('客服回访')
    expect(screen.getByLabelText('回访时限（小时）').textContent).toBe('48 小时')
    expect(field('回访时限（小时）').textContent).toContain('默认 24 小时')
    expect(screen.getByLabelText('联系不上最多尝试（次）').textContent).toBe('3 次')
  })

  it('other staff cannot open it', async () => {
    asStaff(['engineer'])
    render(<CallbackSettingsPage />)
    expect(await screen.findByText('仅管理员、主管和客服可以查看回访设置')).toBeTruthy()
    expect(callsOf('getSettings')).toHaveLength(0)
  })

  it('shows the function’s Chinese message when saving is refused', async () => {
    asStaff(['admin'], {
      'callbacks.setSettings': () => {
        throw new CloudError('INVALID_INPUT', '回访时限至少 1 小时')
      },
    })
    render(<CallbackSettingsPage />)
    await screen.findByLabelText('回访时限（小时）')
    await typeInto('回访时限（小时）', '12')
    fireEvent.click(screen.getByText('保存'))
    expect(await screen.findByRole('alert')).toBeTruthy()
    expect(screen.getByRole('alert').textContent).toBe('回访时限至少 1 小时')
    expect(screen.getByText('保存')).toBeTruthy()
    expect(Taro.showToast).not.toHaveBeenCalled()
  })

  it('a failed load offers a retry', async () => {
    let fail = true
    asStaff(['admin'], {
      'callbacks.getSettings': () => {
        if (fail) throw new CloudError('NETWORK', '网络异常，请检查网络后重试')
        return { settings: OURS, defaults: DEFAULT_CALLBACK_SETTINGS }
      },
    })
    render(<CallbackSettingsPage />)
    expect(await screen.findByText('网络异常，请检查网络后重试')).toBeTruthy()
    fail = false
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByLabelText('回访时限（小时）')).toBeTruthy()
  })

  it('the workbench offers 回访设置 to a supervisor', async () => {
    asStaff(['supervisor'], {
      listBindingRequests: () => ({ items: [], total: 0 }),
      queueCounts: () => ({ assigned: 0, pool: 0, owned: 0, dueSoon: 0, overdue: 0, open: 0 }),
      'callbacks.counts': () => ({ open: 0, overdue: 0, mine: 0 }),
    })
    render(<WorkbenchPage />)
    fireEvent.click(await screen.findByText('回访设置'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/callback-settings/index' })
  })

  it('the workbench has no 回访设置 tile for desk or an engineer', async () => {
    asStaff(['desk', 'engineer'], {
      listBindingRequests: () => ({ items: [], total: 0 }),
      queueCounts: () => ({ assigned: 0, pool: 0, owned: 0, dueSoon: 0, overdue: 0, open: 0 }),
      'callbacks.counts': () => ({ open: 0, overdue: 0, mine: 0 }),
    })
    render(<WorkbenchPage />)
    expect(await screen.findByText('巡检维保')).toBeTruthy()
    expect(screen.queryByText('回访设置')).toBeNull()
  })
})
