import { fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import MinePage from '@/pages/mine/index'
import { mockCloud } from './cloud-mock'
import { home, me, staff } from './fixtures'

const homes = [
  home({ membershipId: 'm1', label: '1栋1单元101', status: 'approved', relation: 'owner' }),
  home({ membershipId: 'm2', label: '2栋1单元301', status: 'pending', relation: 'tenant' }),
  home({ membershipId: 'm3', label: '3栋2单元502', status: 'rejected', relation: 'family', reason: '房号与登记信息不符' }),
]

/** The row of one home, found by its label. */
const row = (label: string) => screen.getByText(label).closest('.my-home') as HTMLElement

describe('我的', () => {
  it('lists homes with status and relation labels', async () => {
    mockCloud({ me: () => me({ homes }) })
    render(<MinePage />)

    await screen.findByText('1栋1单元101')
    expect(within(row('1栋1单元101')).getByText('已绑定')).toBeTruthy()
    expect(within(row('1栋1单元101')).getByText(/业主/)).toBeTruthy()
    expect(within(row('2栋1单元301')).getByText('待审核')).toBeTruthy()
    expect(within(row('2栋1单元301')).getByText(/租户/)).toBeTruthy()
    expect(within(row('3栋2单元502')).getByText('未通过')).toBeTruthy()
    expect(within(row('3栋2单元502')).getByText(/家属/)).toBeTruthy()
    expect(within(row('3栋2单元502')).getByText('原因：房号与登记信息不符')).toBeTruthy()
    // Name from the approved binding
    expect(screen.getByText('张伟')).toBeTruthy()
  })

  it('offers 家庭成员 to owners and no staff entry to residents', async () => {
    mockCloud({ me: () => me({ homes }) })
    render(<MinePage />)
    await screen.findByText('1栋1单元101')
    expect(screen.getByText('家庭成员')).toBeTruthy()
    expect(screen.queryByText('员工工作台')).toBeNull()
  })

  it('hides 家庭成员 from tenants and family members', async () => {
    mockCloud({ me: () => me({ homes: [home({ relation: 'tenant' }), home({ membershipId: 'm9', relation: 'owner', status: 'pending' })] }) })
    render(<MinePage />)
    await screen.findAllByText('1栋1单元101')
    expect(screen.queryByText('家庭成员')).toBeNull()
  })

  it('shows the staff entry to staff and navigates to the workbench', async () => {
    mockCloud({ me: () => me({ staff: staff(['desk']) }) })
    render(<MinePage />)
    fireEvent.click(await screen.findByText('员工工作台'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/workbench/index' })
    expect(screen.getByText('李娜')).toBeTruthy()
  })

  it('hides the staff entry from deactivated staff', async () => {
    mockCloud({ me: () => me({ staff: staff(['desk'], { active: false }) }) })
    render(<MinePage />)
    await screen.findByText('隐私保护指引')
    expect(screen.queryByText('员工工作台')).toBeNull()
  })

  it('shows an empty state with a bind button when there is no home', async () => {
    mockCloud({ me: () => me({ homes: [], community: null }) })
    render(<MinePage />)
    expect(await screen.findByText('还没有绑定房屋')).toBeTruthy()
    expect(screen.getByText('微信用户')).toBeTruthy()
    fireEvent.click(screen.getByText('绑定房屋'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/bind/index' })
  })
})
