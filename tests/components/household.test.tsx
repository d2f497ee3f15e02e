import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import HouseholdPage from '@/pages/household/index'
import { callsOf, mockCloud } from './cloud-mock'
import { home, me } from './fixtures'

const mine = home({ membershipId: 'm-owner', name: '张伟', relation: 'owner' })
const members = [
  mine,
  home({ membershipId: 'm-fam', name: '张小雨', relation: 'family', phoneMasked: '*******0002' }),
  home({ membershipId: 'm-ten', name: '刘洋', relation: 'tenant', status: 'pending', phoneMasked: '*******0003' }),
]
const row = (name: string) => screen.getByText(name).closest('.member') as HTMLElement

describe('家庭成员', () => {
  it('lists the members of the owner’s home and removes one after confirmation', async () => {
    mockCloud({ me: () => me({ homes: [mine] }), householdMembers: () => members, removeMember: () => ({ removed: true }) })
    render(<HouseholdPage />)
    expect(await screen.findByText('张小雨')).toBeTruthy()
    expect(callsOf('householdMembers')).toEqual([{ unitId: mine.unitId }])
    expect(within(row('张伟（我）')).queryByText('移除')).toBeNull()
    expect(within(row('刘洋')).getByText('待审核')).toBeTruthy()
    // Other members' phones show the last 4 digits only.
    expect(within(row('张小雨')).getByText(/\*{7}0002/)).toBeTruthy()

    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false })
    fireEvent.click(within(row('张小雨')).getByText('移除'))
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1))
    expect(callsOf('removeMember')).toHaveLength(0)

    fireEvent.click(within(row('张小雨')).getByText('移除'))
    await waitFor(() => expect(screen.queryByText('张小雨')).toBeNull())
    expect(callsOf('removeMember')).toEqual([{ membershipId: 'm-fam' }])
  })

  it('lets the owner accept a pending family member or tenant', async () => {
    mockCloud({
      me: () => me({ homes: [mine] }),
      householdMembers: () => members,
      decideBinding: (d: any) => ({ ...members[2], status: d.approve ? 'approved' : 'rejected' }),
    })
    render(<HouseholdPage />)
    expect(await screen.findByText('刘洋')).toBeTruthy()
    expect(within(row('刘洋')).queryByText('移除')).toBeNull()
    fireEvent.click(within(row('刘洋')).getByText('同意'))
    await waitFor(() => expect(callsOf('decideBinding')).toEqual([{ membershipId: 'm-ten', approve: true }]))
    expect(await within(row('刘洋')).findByText('已绑定')).toBeTruthy()
  })

  it('refusing asks for a reason and removes the request from the list', async () => {
    mockCloud({
      me: () => me({ homes: [mine] }),
      householdMembers: () => members,
      decideBinding: (d: any) => ({ ...members[2], status: d.approve ? 'approved' : 'rejected' }),
    })
    render(<HouseholdPage />)
    expect(await screen.findByText('刘洋')).toBeTruthy()
    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: true, content: '不认识此人' })
    fireEvent.click(within(row('刘洋')).getByText('拒绝'))
    await waitFor(() => expect(callsOf('decideBinding')).toEqual([{ membershipId: 'm-ten', approve: false, reason: '不认识此人' }]))
    await waitFor(() => expect(screen.queryByText('刘洋')).toBeNull())
  })

  it('explains that only owners manage members', async () => {
    mockCloud({ me: () => me({ homes: [home({ relation: 'tenant' })] }) })
    render(<HouseholdPage />)
    expect(await screen.findByText('仅业主可以管理家庭成员')).toBeTruthy()
    expect(callsOf('householdMembers')).toHaveLength(0)
  })
})
