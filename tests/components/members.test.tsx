import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import MembersPage from '@/staff/members/index'
import { callsOf, mockCloud } from './cloud-mock'
import { me, staff } from './fixtures'

const admin = staff(['admin'], { staffId: 's-admin', name: '周敏' })
const engineer = staff(['engineer'], { staffId: 's-eng', name: '陈工', onDuty: true })

const card = (name: string) => screen.getByText(name).closest('.staff-card') as HTMLElement

function asAdmin(extra: Record<string, (d: any) => unknown> = {}) {
  mockCloud({ me: () => me({ staff: admin }), listStaff: () => [admin, engineer], ...extra })
}

describe('员工管理', () => {
  it('creates an invite code for the chosen roles', async () => {
    asAdmin({ createInvite: () => ({ code: 'K7Q2M9XA', expiresAt: '2024-12-05T08:00:00.000Z' }) })
    render(<MembersPage />)
    fireEvent.click(await screen.findByText('生成邀请码'))
    expect(screen.getByText('请至少选择一个岗位')).toBeTruthy()
    expect(callsOf('createInvite')).toHaveLength(0)

    const roles = screen.getByRole('listbox', { name: '岗位' })
    fireEvent.click(within(roles).getByText('工程'))
    fireEvent.click(within(roles).getByText('秩序'))
    fireEvent.click(screen.getByText('生成邀请码'))
    expect(await screen.findByText('K7Q2M9XA')).toBeTruthy()
    expect(callsOf('createInvite')).toEqual([{ roles: ['engineer', 'security'] }])

    fireEvent.click(screen.getByText('复制邀请码'))
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: 'K7Q2M9XA' })
  })

  it('changes roles and deactivates a member, but not oneself', async () => {
    asAdmin({
      updateStaff: (d: any) => ({ ...engineer, ...(d.roles ? { roles: d.roles } : {}), ...('active' in d ? { active: d.active } : {}) }),
    })
    render(<MembersPage />)
    await screen.findByText('陈工')
    expect(within(card('周敏（我）')).queryByText('停用')).toBeNull()

    fireEvent.click(within(card('陈工')).getByText('调整岗位'))
    fireEvent.click(within(card('陈工')).getByText('主管'))
    fireEvent.click(within(card('陈工')).getByText('保存岗位'))
    await waitFor(() => expect(within(card('陈工')).getByText('工程、主管')).toBeTruthy())
    expect(callsOf('updateStaff')).toEqual([{ staffId: 's-eng', roles: ['engineer', 'supervisor'] }])

    fireEvent.click(within(card('陈工')).getByText('停用'))
    await waitFor(() => expect(within(card('陈工')).getByText('已停用')).toBeTruthy())
    expect(callsOf('updateStaff')[1]).toEqual({ staffId: 's-eng', active: false })
  })

  it('refuses non-admins', async () => {
    mockCloud({ me: () => me({ staff: staff(['desk']) }) })
    render(<MembersPage />)
    expect(await screen.findByText('仅管理员可以管理员工')).toBeTruthy()
    expect(callsOf('listStaff')).toHaveLength(0)
  })
})
