/**
 * Issue 17 on the staff pages (mocked backend; the rules themselves are proven through the real
 * functions in tests/functions/multi-community.test.ts and working-time.test.ts): the workbench's
 * community switcher, and the SLA page's working-day toggles.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import SlaPage from '@/staff/sla/index'
import WorkbenchPage from '@/staff/workbench/index'
import { chooseStaffCommunity, staffCommunity } from '@/services/cloud'
import { DEFAULT_SLA } from '@/domain/tickets/sla'
import { callsOf, mockCloud } from './cloud-mock'
import { me, staff } from './fixtures'

afterEach(() => chooseStaffCommunity(null))

const TWO = [
  { communityId: 'cm-a', communityName: '翠湖花园', roles: ['supervisor'] },
  { communityId: 'cm-b', communityName: '兰亭苑', roles: ['supervisor', 'engineer'] },
]

describe('切换小区', () => {
  it('staff of one community see its name, no switcher', async () => {
    mockCloud({ me: () => me({ staff: staff(['desk']), staffCommunities: [] } as any), queueCounts: () => ({ assigned: 0, pool: 0, owned: 0, dueSoon: 0, overdue: 0, open: 0 }) })
    render(<WorkbenchPage />)
    expect(await screen.findByText('绑定审核')).toBeTruthy()
    expect(screen.queryByText(/切换小区/)).toBeNull()
  })

  it('staff of two communities pick one: it is kept and sent, and the staff pages start afresh', async () => {
    let chosen = 'cm-a'
    mockCloud({
      me: () => {
        const c = TWO.find((x) => x.communityId === chosen)!
        return me({ staff: staff(c.roles as any, { communityId: c.communityId, communityName: c.communityName }), staffCommunities: TWO } as any)
      },
      queueCounts: () => ({ assigned: 0, pool: 0, owned: 0, dueSoon: 0, overdue: 0, open: 0 }),
    })
    render(<WorkbenchPage />)
    fireEvent.click(await screen.findByRole('button', { name: /当前小区：翠湖花园/ }))
    const option = screen.getByRole('option', { name: /兰亭苑/ })
    expect(screen.getByRole('option', { name: /翠湖花园/ }).getAttribute('aria-selected')).toBe('true')
    chosen = 'cm-b'
    fireEvent.click(option)
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/staff/workbench/index' }))
    expect(staffCommunity()).toBe('cm-b')
    expect(await screen.findByRole('button', { name: /当前小区：兰亭苑/ })).toBeTruthy()
    expect(callsOf('me').length).toBeGreaterThanOrEqual(2)
  })
})

describe('按工作日计时', () => {
  it('an admin switches complaints to working days; the payload carries it', async () => {
    mockCloud({
      me: () => me({ staff: staff(['admin']) }),
      getSla: () => ({ sla: DEFAULT_SLA, defaults: DEFAULT_SLA, serviceHours: { open: '09:00', close: '18:00' } }),
      setSla: (d: any) => ({ sla: { ...DEFAULT_SLA, ...d.sla }, defaults: DEFAULT_SLA, serviceHours: { open: '09:00', close: '18:00' } }),
    })
    const { container } = render(<SlaPage />)
    expect(await screen.findByText('投诉按工作日计时')).toBeTruthy()
    expect(container.querySelector('.sla-work__note')!.textContent).toContain('服务时间 09:00–18:00内')
    const rows = Array.from(container.querySelectorAll('.sla-work__row')) as HTMLElement[]
    expect(rows.map((r) => r.querySelector('.sla-work__title')!.textContent)).toEqual(['报修按工作日计时', '投诉按工作日计时', '咨询按工作日计时'])
    fireEvent.click(rows[1].querySelector('.nut-switch') as HTMLElement)
    expect(await screen.findByText('工作日服务时间内计时')).toBeTruthy()
    fireEvent.click(screen.getByText('保存'))
    await waitFor(() => expect(callsOf('setSla')).toHaveLength(1))
    expect(callsOf('setSla')[0].sla.workingTime).toEqual({ repair: false, complaint: true, consultation: false })
  })

  it('a supervisor reads the setting but cannot change it', async () => {
    mockCloud({ me: () => me({ staff: staff(['supervisor']) }), getSla: () => ({ sla: { ...DEFAULT_SLA, workingTime: { complaint: true } }, defaults: DEFAULT_SLA }) })
    const { container } = render(<SlaPage />)
    expect(await screen.findByText('工作日服务时间内计时')).toBeTruthy()
    const sw = container.querySelectorAll('.sla-work__row .nut-switch')[1] as HTMLElement
    expect(sw.className).toContain('disabled')
  })
})
