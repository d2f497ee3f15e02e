import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import BindingsPage from '@/staff/bindings/index'
import { CloudError } from '@/services/cloud'
import { ERROR_MESSAGES } from '@/domain/errors'
import { callsOf, mockCloud } from './cloud-mock'
import { home, me, staff } from './fixtures'
import { typeInto } from './dom'

const requests = [
  { ...home({ membershipId: 'm1', label: '1栋1单元101', name: '王芳', status: 'pending', relation: 'tenant', phoneMasked: '*******0011' }), phone: '13700000011' },
  { ...home({ membershipId: 'm2', label: '2栋1单元301', name: '赵强', status: 'pending', relation: 'family', phoneMasked: '*******0012' }), phone: '13700000012' },
]
const flagged = {
  ...home({ membershipId: 'm3', label: '1栋1单元202', name: '赵芳', status: 'pending', relation: 'owner', phoneMasked: '*******3758' }),
  phone: '13900003758',
  review: 'too-many-misses' as const,
  unitFlag: { at: '2026-03-02T02:00:00.000Z', misses: 3 },
}
const bound = [home({ membershipId: 'm9', label: '1栋1单元402', name: '冒名者', status: 'approved', relation: 'owner', phoneMasked: '*******5555' })]

const card = (label: string) => screen.getByText(label).closest('.binding-card') as HTMLElement

function desk(extra: Record<string, (d: any) => unknown> = {}) {
  mockCloud({
    me: () => me({ staff: staff(['desk']) }),
    listBindingRequests: () => ({ items: requests, total: 2 }),
    ...extra,
  })
}

describe('绑定审核', () => {
  it('approve calls decideBinding and removes the row', async () => {
    desk({ decideBinding: (d: any) => ({ ...requests[0], status: d.approve ? 'approved' : 'rejected' }) })
    render(<BindingsPage />)
    await screen.findByText('1栋1单元101')
    expect(screen.getByText('待审核 2 条')).toBeTruthy()

    fireEvent.click(within(card('1栋1单元101')).getByText('通过'))
    await waitFor(() => expect(callsOf('decideBinding')).toEqual([{ membershipId: 'm1', approve: true }]))
    await waitFor(() => expect(screen.queryByText('1栋1单元101')).toBeNull())
    expect(screen.getByText('2栋1单元301')).toBeTruthy()
    expect(screen.getByText('待审核 1 条')).toBeTruthy()
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已通过', icon: 'success' })
  })

  it('reject sends the optional reason', async () => {
    desk({ decideBinding: () => ({ ...requests[1], status: 'rejected' }) })
    render(<BindingsPage />)
    await screen.findByText('2栋1单元301')
    fireEvent.click(within(card('2栋1单元301')).getByText('拒绝'))
    await typeInto('拒绝原因', '非本户成员', card('2栋1单元301'))
    fireEvent.click(within(card('2栋1单元301')).getByText('确认拒绝'))
    await waitFor(() => expect(callsOf('decideBinding')).toEqual([{ membershipId: 'm2', approve: false, reason: '非本户成员' }]))
    await waitFor(() => expect(screen.queryByText('2栋1单元301')).toBeNull())
    expect(callsOf('decideBinding')).toEqual([{ membershipId: 'm2', approve: false, reason: '非本户成员' }])
  })

  it('keeps the row and shows the Chinese message when the decision fails', async () => {
    desk({
      decideBinding: () => {
        throw new CloudError('CONFLICT', ERROR_MESSAGES.CONFLICT)
      },
    })
    render(<BindingsPage />)
    await screen.findByText('1栋1单元101')
    fireEvent.click(within(card('1栋1单元101')).getByText('通过'))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '操作冲突，请刷新后重试', icon: 'none' }))
    expect(screen.getByText('1栋1单元101')).toBeTruthy()
  })

  it('shows the Chinese error when the list cannot load', async () => {
    desk({
      listBindingRequests: () => {
        throw new CloudError('FORBIDDEN', ERROR_MESSAGES.FORBIDDEN)
      },
    })
    render(<BindingsPage />)
    expect(await screen.findByText('您没有权限进行此操作')).toBeTruthy()
    expect(screen.getByText('重试')).toBeTruthy()
  })

  it('shows an empty state when nothing is pending', async () => {
    desk({ listBindingRequests: () => ({ items: [], total: 0 }) })
    render(<BindingsPage />)
    expect(await screen.findByText('暂无待审核的绑定申请')).toBeTruthy()
  })

  it('loads the next page with the cursor', async () => {
    desk({
      listBindingRequests: (d: any) => (d.cursor === 'next-1' ? { items: [requests[1]], total: 2 } : { items: [requests[0]], total: 2, nextCursor: 'next-1' }),
    })
    render(<BindingsPage />)
    await screen.findByText('1栋1单元101')
    expect(screen.queryByText('2栋1单元301')).toBeNull()
    fireEvent.click(screen.getByText('加载更多'))
    expect(await screen.findByText('2栋1单元301')).toBeTruthy()
    expect(callsOf('listBindingRequests')[1]).toEqual({ status: 'pending', pageSize: 20, cursor: 'next-1' })
    expect(screen.queryByText('加载更多')).toBeNull()
  })

  it('shows the claimant’s whole phone to verify, and marks a flagged unit with why it waits', async () => {
    desk({ listBindingRequests: () => ({ items: [flagged, ...requests], total: 3 }) })
    render(<BindingsPage />)
    await screen.findByText('1栋1单元202')
    const c = card('1栋1单元202')
    expect(c.className).toContain('binding-card--flagged')
    expect(within(c).getByRole('alert').textContent).toContain('该房屋业主信息多次核对不符（3 次）')
    expect(within(c).getByText('多次业主信息不符，已转人工审核')).toBeTruthy()
    expect(within(c).getByText(/13900003758/)).toBeTruthy()
    // Units without a flag carry no marker.
    expect(card('1栋1单元101').className).not.toContain('binding-card--flagged')
    expect(within(card('1栋1单元101')).queryByRole('alert')).toBeNull()
  })

  it('lists bound members and revokes one with a required reason', async () => {
    desk({
      listBindingRequests: (d: any) => (d.status === 'approved' ? { items: bound, total: 1 } : { items: requests, total: 2 }),
      revokeMembership: () => ({ ...bound[0], status: 'removed' }),
    })
    render(<BindingsPage />)
    await screen.findByText('1栋1单元101')
    expect(screen.queryByText('撤销')).toBeNull()
    fireEvent.click(screen.getByText('已绑定'))
    await screen.findByText('1栋1单元402')
    expect(callsOf('listBindingRequests')[1]).toEqual({ status: 'approved', pageSize: 20 })
    expect(within(card('1栋1单元402')).getByText(/\*{7}5555/)).toBeTruthy()
    expect(within(card('1栋1单元402')).queryByText('通过')).toBeNull()
    fireEvent.click(within(card('1栋1单元402')).getByText('撤销'))
    // Without a reason nothing is sent.
    fireEvent.click(within(card('1栋1单元402')).getByText('确认撤销'))
    expect(callsOf('revokeMembership')).toHaveLength(0)
    await typeInto('撤销原因', '业主到前台核实，非本人申请', card('1栋1单元402'))
    fireEvent.click(within(card('1栋1单元402')).getByText('确认撤销'))
    await waitFor(() => expect(callsOf('revokeMembership')).toEqual([{ membershipId: 'm9', reason: '业主到前台核实，非本人申请' }]))
    await waitFor(() => expect(screen.queryByText('1栋1单元402')).toBeNull())
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已撤销', icon: 'success' })
  })

  it('refuses staff without the desk or admin role', async () => {
    mockCloud({ me: () => me({ staff: staff(['engineer']) }) })
    render(<BindingsPage />)
    expect(await screen.findByText('仅客服和管理员可以审核绑定申请')).toBeTruthy()
    expect(callsOf('listBindingRequests')).toHaveLength(0)
  })
})
