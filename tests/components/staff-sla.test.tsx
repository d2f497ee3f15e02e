import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import SlaPage from '@/staff/sla/index'
import WorkbenchPage from '@/staff/workbench/index'
import { CloudError } from '@/services/cloud'
import type { StaffRole } from '@/domain/roles'
import { DEFAULT_SLA, type SlaPolicy } from '@/domain/tickets/sla'
import { callsOf, mockCloud, type Handler } from './cloud-mock'
import { COMMUNITY, me, staff } from './fixtures'
import { typeInto } from './dom'

/** The community changed 报修到场 to 60 min and added 噪音 响应 2 h; 电梯困人 到场 30 is the default override. */
const OURS: SlaPolicy = {
  ...DEFAULT_SLA,
  repair: { accept: 30, arrive: 60, resolve: 1440 },
  categories: { elevator_trapped: { arrive: 30 }, noise: { accept: 120 } },
}

const asStaff = (roles: StaffRole[], handlers: Record<string, Handler> = {}) =>
  mockCloud({ me: () => me({ staff: staff(roles, { communityId: COMMUNITY._id }) }), getSla: () => ({ sla: OURS, defaults: DEFAULT_SLA }), ...handlers })

/** The text in the input labelled `label` (Taro's H5 <Input> wraps a real <input>). */
async function valueOf(label: string) {
  const host = screen.getByLabelText(label)
  const input = await waitFor(() => {
    const el = host.tagName === 'INPUT' ? host : host.querySelector('input')
    if (!el) throw new Error(`no <input> in ${label} yet`)
    return el as HTMLInputElement
  })
  return input.value
}

/** The unit picked for the timer named `label` (分钟/小时/天). */
const unitOf = (label: string) =>
  within(screen.getByRole('radiogroup', { name: `${label}单位` }))
    .getAllByRole('radio')
    .find((r) => r.getAttribute('aria-checked') === 'true')?.textContent
const pickUnit = (label: string, unit: string) => fireEvent.click(screen.getByLabelText(`${label}单位：${unit}`))

/** The row (label, input, readout, hint) of the timer named `label`. */
const row = (label: string) => screen.getByLabelText(label).closest('.sla-row') as HTMLElement

describe('服务时限', () => {
  it('loads the community’s values with their words, defaults and overrides', async () => {
    asStaff(['admin'])
    render(<SlaPage />)
    await screen.findByLabelText('报修到场时限')
    expect(callsOf('getSla')).toEqual([{}])
    expect(screen.getByText('修改后对新提交和重新处理的工单生效，已在处理中的工单保持原时限。')).toBeTruthy()

    // Sections with the timers that apply to each kind of ticket.
    const labels = Array.from(document.querySelectorAll('.sla-row [aria-label]'))
      .map((e) => e.getAttribute('aria-label'))
      .filter((l) => l!.endsWith('时限') && !l!.startsWith('恢复默认') && !/电梯困人|噪音/.test(l!))
    expect(labels).toEqual(['紧急响应时限', '紧急到场时限', '紧急完成时限', '报修响应时限', '报修到场时限', '报修完成时限', '投诉响应时限', '投诉完成时限', '咨询答复时限'])

    // Stored in minutes, shown in the unit each reads best in: 60 → 1 小时, 1440 → 24 小时, 4320 → 3 天.
    expect(await valueOf('报修到场时限')).toBe('1')
    expect(unitOf('报修到场时限')).toBe('小时')
    expect(row('报修到场时限').textContent).toContain('默认 40 分钟')
    expect(within(row('报修到场时限')).getByText('恢复默认')).toBeTruthy()
    expect(await valueOf('报修完成时限')).toBe('24')
    expect(unitOf('报修完成时限')).toBe('小时')
    expect(row('报修完成时限').textContent).toContain('默认 24 小时')
    expect(within(row('报修完成时限')).queryByText('恢复默认')).toBeNull()
    expect(await valueOf('投诉完成时限')).toBe('3')
    expect(unitOf('投诉完成时限')).toBe('天')
    expect(row('投诉完成时限').textContent).toContain('默认 3 天')
    expect(row('紧急完成时限').textContent).toContain('默认 4 小时')
    expect(unitOf('报修响应时限')).toBe('分钟')
    expect(await valueOf('自动确认天数')).toBe('3')

    // Per-category overrides: the default 电梯困人 到场 30 and the community's own 噪音.
    const cards = Array.from(document.querySelectorAll('.sla-override'))
    expect(cards.map((c) => c.querySelector('.sla-override__title')!.textContent)).toEqual(['电梯困人', '噪音'])
    expect(await valueOf('电梯困人到场时限')).toBe('30')
    expect(await valueOf('电梯困人响应时限')).toBe('')
    expect(row('电梯困人响应时限').textContent).toContain('留空：沿用紧急 5 分钟')
    expect(await valueOf('噪音响应时限')).toBe('2')
    expect(row('噪音响应时限').textContent).toContain('默认沿用投诉 24 小时')
    expect(screen.getByText('已保存')).toBeTruthy()
  })

  it('edits timers and overrides and saves exactly the setSla payload', async () => {
    asStaff(['admin'], { setSla: (d: any) => ({ sla: { ...DEFAULT_SLA, ...d.sla, warnBeforeMinutes: 30 }, defaults: DEFAULT_SLA }) })
    render(<SlaPage />)
    await screen.findByLabelText('报修响应时限')

    await typeInto('报修响应时限', '20')
    // Under an hour the input says it all: no readout, just the default.
    expect(within(row('报修响应时限')).getByText('默认 30 分钟')).toBeTruthy()
    expect(row('报修响应时限').textContent).not.toContain('=')
    await typeInto('投诉完成时限', '4')
    expect(row('投诉完成时限').textContent).not.toContain('=')
    await typeInto('咨询答复时限', '0')
    expect(within(row('咨询答复时限')).getByRole('alert').textContent).toBe('时限至少 1 分钟')
    pickUnit('咨询答复时限', '分钟')
    await typeInto('咨询答复时限', '90')
    expect(row('咨询答复时限').textContent).toContain('= 1 小时 30 分钟')

    // Remove the default 电梯困人 override; add 燃气异味 with its own 到场.
    fireEvent.click(screen.getByLabelText('删除 电梯困人 的单独时限'))
    expect(screen.queryByLabelText('电梯困人到场时限')).toBeNull()
    fireEvent.click(screen.getByText('+ 添加类别'))
    const sheet = screen.getByRole('dialog', { name: '添加类别' })
    expect(within(sheet).queryByText('噪音')).toBeNull()
    fireEvent.click(within(within(sheet).getByRole('listbox', { name: '紧急类别' })).getByText('燃气异味'))
    expect(screen.queryByRole('dialog')).toBeNull()

    // An override with nothing in it cannot be saved.
    fireEvent.click(screen.getByText('保存'))
    expect(screen.getByText('至少填写一项时限，或删除这个类别')).toBeTruthy()
    expect(screen.getByText('请先修正标红的项目')).toBeTruthy()
    expect(callsOf('setSla')).toHaveLength(0)

    await typeInto('燃气异味到场时限', '10')
    await typeInto('自动确认天数', '5')
    expect(within(row('自动确认天数')).getByText('默认 3 天')).toBeTruthy()
    fireEvent.click(screen.getByText('保存'))
    await waitFor(() => expect(callsOf('setSla')).toHaveLength(1))
    expect(callsOf('setSla')[0]).toEqual({
      sla: {
        emergency: { accept: 5, arrive: 15, resolve: 240 },
        repair: { accept: 20, arrive: 60, resolve: 1440 },
        complaint: { accept: 1440, resolve: 5760 },
        consultation: { reply: 90 },
        // `{}` keeps the removed default override removed.
        categories: { elevator_trapped: {}, noise: { accept: 120 }, gas_smell: { arrive: 10 } },
        autoConfirmDays: 5,
      },
    })
    expect(await screen.findByText('已保存')).toBeTruthy()
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' })
    // What came back is shown: the removed override stays gone.
    expect(screen.queryByText('电梯困人')).toBeNull()
    expect(await valueOf('燃气异味到场时限')).toBe('10')
  })

  it('恢复默认 puts a row back to its default', async () => {
    asStaff(['admin'], { setSla: (d: any) => ({ sla: { ...DEFAULT_SLA, ...d.sla }, defaults: DEFAULT_SLA }) })
    render(<SlaPage />)
    await screen.findByLabelText('报修到场时限')
    fireEvent.click(screen.getByLabelText('恢复默认：报修到场时限'))
    expect(await valueOf('报修到场时限')).toBe('40')
    expect(within(row('报修到场时限')).getByText('默认 40 分钟')).toBeTruthy()
    expect(screen.queryByLabelText('恢复默认：报修到场时限')).toBeNull()

    // An override's default is its category default, or empty (follow the type).
    await typeInto('电梯困人到场时限', '45')
    fireEvent.click(screen.getByLabelText('恢复默认：电梯困人到场时限'))
    expect(await valueOf('电梯困人到场时限')).toBe('30')
    fireEvent.click(screen.getByLabelText('恢复默认：噪音响应时限'))
    expect(await valueOf('噪音响应时限')).toBe('')
    expect(row('噪音响应时限').textContent).toContain('留空：沿用投诉 24 小时')

    await typeInto('噪音完成时限', '2880')
    fireEvent.click(screen.getByText('保存'))
    await waitFor(() => expect(callsOf('setSla')).toHaveLength(1))
    expect(callsOf('setSla')[0].sla.repair).toEqual({ accept: 30, arrive: 40, resolve: 1440 })
    expect(callsOf('setSla')[0].sla.categories).toEqual({ elevator_trapped: { arrive: 30 }, noise: { resolve: 2880 } })
  })

  it('the unit picker: hours and days are typed as such, checked in their unit and saved as minutes', async () => {
    asStaff(['admin'], { setSla: (d: any) => ({ sla: { ...DEFAULT_SLA, ...d.sla }, defaults: DEFAULT_SLA }) })
    render(<SlaPage />)
    await screen.findByLabelText('报修响应时限')

    // Switching keeps the duration when it is whole in the new unit: 1 小时 → 60 分钟 → 1 小时.
    pickUnit('报修到场时限', '分钟')
    expect(await valueOf('报修到场时限')).toBe('60')
    expect(row('报修到场时限').textContent).toContain('= 1 小时')
    pickUnit('报修到场时限', '小时')
    expect(await valueOf('报修到场时限')).toBe('1')
    // 30 分钟 is not whole in hours: the number stays and now means 30 小时 (no longer the default).
    expect(within(row('报修响应时限')).queryByText('恢复默认')).toBeNull()
    pickUnit('报修响应时限', '小时')
    expect(await valueOf('报修响应时限')).toBe('30')
    expect(within(row('报修响应时限')).getByText('恢复默认')).toBeTruthy()
    await typeInto('报修响应时限', '2')

    // The range is the schema's (1 分钟 – 30 天) whatever the unit; fractions are refused in words of the unit.
    await typeInto('投诉完成时限', '31')
    expect(within(row('投诉完成时限')).getByRole('alert').textContent).toBe('时限不超过 30 天')
    await typeInto('投诉完成时限', '1.5')
    expect(within(row('投诉完成时限')).getByRole('alert').textContent).toBe('请填写整数天数')
    pickUnit('投诉完成时限', '小时')
    await typeInto('投诉完成时限', '36')
    expect(within(row('投诉完成时限')).queryByRole('alert')).toBeNull()
    // An override in days.
    pickUnit('噪音完成时限', '天')
    await typeInto('噪音完成时限', '2')

    fireEvent.click(screen.getByText('保存'))
    await waitFor(() => expect(callsOf('setSla')).toHaveLength(1))
    const sent = callsOf('setSla')[0].sla
    expect(sent.repair).toEqual({ accept: 120, arrive: 60, resolve: 1440 })
    expect(sent.complaint).toEqual({ accept: 1440, resolve: 36 * 60 })
    expect(sent.categories.noise).toEqual({ accept: 120, resolve: 2 * 1440 })
  })

  it('a supervisor reads the values without inputs, 恢复默认 or 保存', async () => {
    asStaff(['supervisor'])
    const { container } = render(<SlaPage />)
    expect(await screen.findByText('仅管理员可以修改服务时限。')).toBeTruthy()
    expect(container.querySelector('taro-input-core, input')).toBeNull()
    expect(screen.queryByRole('radiogroup')).toBeNull()
    expect(screen.queryByText('保存')).toBeNull()
    expect(screen.queryByText('恢复默认')).toBeNull()
    expect(screen.queryByText('+ 添加类别')).toBeNull()
    expect(screen.queryByText('删除')).toBeNull()
    expect(screen.getByLabelText('报修到场时限').textContent).toBe('1 小时')
    expect(row('报修到场时限').textContent).toContain('默认 40 分钟')
    expect(screen.getByLabelText('投诉完成时限').textContent).toBe('3 天')
    // Only the timers an override sets are listed.
    expect(screen.getByLabelText('电梯困人到场时限').textContent).toBe('30 分钟')
    expect(screen.queryByLabelText('电梯困人响应时限')).toBeNull()
  })

  it('other staff cannot open it', async () => {
    asStaff(['engineer'])
    render(<SlaPage />)
    expect(await screen.findByText('仅管理员和主管可以查看服务时限')).toBeTruthy()
    expect(callsOf('getSla')).toHaveLength(0)
  })

  it('shows the function’s Chinese message when saving is refused', async () => {
    asStaff(['admin'], {
      setSla: () => {
        throw new CloudError('INVALID_INPUT', '时限至少 1 分钟')
      },
    })
    render(<SlaPage />)
    await screen.findByLabelText('报修响应时限')
    await typeInto('报修响应时限', '25')
    fireEvent.click(screen.getByText('保存'))
    expect(await screen.findByText('时限至少 1 分钟')).toBeTruthy()
    expect(screen.getByText('保存')).toBeTruthy()
    expect(Taro.showToast).not.toHaveBeenCalled()
  })

  it('a failed load offers a retry', async () => {
    let fail = true
    asStaff(['admin'], {
      getSla: () => {
        if (fail) throw new CloudError('NETWORK', '网络异常，请检查网络后重试')
        return { sla: OURS, defaults: DEFAULT_SLA }
      },
    })
    render(<SlaPage />)
    expect(await screen.findByText('网络异常，请检查网络后重试')).toBeTruthy()
    fail = false
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByLabelText('报修响应时限')).toBeTruthy()
  })

  it('the workbench offers 服务时限 to a supervisor', async () => {
    const counts = { listBindingRequests: () => ({ items: [], total: 0 }), queueCounts: () => ({ assigned: 0, pool: 0, owned: 0, dueSoon: 0, overdue: 0, open: 0 }) }
    asStaff(['supervisor'], counts)
    const first = render(<WorkbenchPage />)
    fireEvent.click(await screen.findByText('服务时限'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/sla/index' })
    first.unmount()
  })

  it('the workbench has no 服务时限 tile for an engineer', async () => {
    asStaff(['engineer'], { queueCounts: () => ({ assigned: 0, pool: 0, owned: 0, dueSoon: 0, overdue: 0, open: 0 }) })
    render(<WorkbenchPage />)
    expect(await screen.findByText('巡检维保')).toBeTruthy()
    expect(screen.queryByText('服务时限')).toBeNull()
  })
})

describe('完工要求', () => {
  it('shows whether a repair needs a completion photo, and an admin switches it (saved at once)', async () => {
    asStaff(['admin'], {
      getTicketSettings: () => ({ completionPhotoRequired: true }),
      setTicketSettings: (d: any) => ({ completionPhotoRequired: d.completionPhotoRequired }),
    })
    render(<SlaPage />)
    const toggle = await screen.findByLabelText('报修完工须拍照')
    expect(screen.getByText('维修人员完工时至少上传 1 张照片')).toBeTruthy()
    fireEvent.click(toggle)
    await screen.findByText('完工时照片可选')
    expect(callsOf('setTicketSettings')).toEqual([{ completionPhotoRequired: false }])
  })

  it('a supervisor sees it and cannot change it', async () => {
    asStaff(['supervisor'], { getTicketSettings: () => ({ completionPhotoRequired: true }) })
    render(<SlaPage />)
    const toggle = await screen.findByLabelText('报修完工须拍照')
    fireEvent.click(toggle)
    expect(callsOf('setTicketSettings')).toEqual([])
  })
})
