import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import BindingsPage from '@/staff/bindings/index'
import { CloudError } from '@/services/cloud'
import { BINDING_REJECT_REASONS, BINDING_UNDO_EXPIRED } from '@/domain/membership'
import { callsOf, mockCloud, type Handler } from './cloud-mock'
import { home, me, staff } from './fixtures'

/**
 * 绑定审核 pieces of issue #12 with a mocked backend; the same rules through the real function are in
 * tests/functions/binding-review.test.ts (waits, household, history, undo window and who may undo).
 */
const old = {
  ...home({ membershipId: 'm-old', unitId: 'u-1-1-101', label: '1栋1单元101', name: '孙悦', status: 'pending', relation: 'tenant', phoneMasked: '*******0001' }),
  phone: '13912340001',
  wait: { minutes: 1505, text: '已等待 1 天 1 小时', long: true },
  household: [
    { name: '张伟', relation: 'owner' as const, phoneMasked: '*******0001', since: '2026-10-20T02:00:00.000Z' },
    { name: '张小雨', relation: 'family' as const, phoneMasked: '*******0001', since: '2026-10-21T02:00:00.000Z' },
  ],
}
const fresh = {
  ...home({ membershipId: 'm-new', unitId: 'u-2-1-102', label: '2栋1单元102', name: '周新', status: 'pending', relation: 'owner', phoneMasked: '*******0002' }),
  phone: '13912340002',
  review: 'no-registry' as const,
  wait: { minutes: 5, text: '已等待 5 分钟', long: false },
  household: [],
}
const decided = [
  {
    ...home({ membershipId: 'm-ok', label: '1栋1单元202', name: '钱一', status: 'approved', relation: 'tenant', phoneMasked: '*******0011' }),
    decidedAt: '2026-11-28T02:00:00.000Z',
    decidedByLabel: '王敏',
    undoUntil: '2026-11-28T02:10:00.000Z',
  },
  {
    ...home({ membershipId: 'm-no', label: '1栋1单元402', name: '钱二', status: 'rejected', relation: 'tenant', phoneMasked: '*******0012' }),
    decidedAt: '2026-11-28T01:00:00.000Z',
    decidedByLabel: '孙丽',
    reason: '房号与实际不符，请核对后重新申请',
  },
]
const card = (label: string) => screen.getByText(label).closest('.binding-card') as HTMLElement

function desk(extra: Record<string, Handler> = {}) {
  mockCloud({
    me: () => me({ staff: staff(['desk']) }),
    listBindingRequests: () => ({ items: [old, fresh], total: 2 }),
    bindingHistory: () => ({ items: decided, total: 2 }),
    ...extra,
  })
}

describe('绑定审核: waiting, household, quick reasons, history, undo', () => {
  it('shows how long each request has waited, highlighting old ones, and who already lives in the flat', async () => {
    desk()
    render(<BindingsPage />)
    await screen.findByText('1栋1单元101')
    const a = card('1栋1单元101')
    expect(a.className).toContain('binding-card--long')
    expect(within(a).getByText('已等待 1 天 1 小时').className).toContain('pill--danger')
    expect(screen.getByText('待审核 2 条，标红的已等待超过 24 小时')).toBeTruthy()
    const b = card('2栋1单元102')
    expect(b.className).not.toContain('binding-card--long')
    expect(within(b).getByText('已等待 5 分钟')).toBeTruthy()
    // The flat's current household, with roles; phones masked.
    const household = within(a).getByLabelText('现有住户')
    expect(Array.from(household.querySelectorAll('.binding-card__member')).map((e) => e.textContent)).toEqual(['业主 · 张伟 · *******0001', '家属 · 张小雨 · *******0001'])
    expect(within(within(b).getByLabelText('现有住户')).getByText('暂无已绑定的住户')).toBeTruthy()
  })

  it('a quick reason chip fills the reject reason, which is sent', async () => {
    desk({ decideBinding: () => ({ ...old, status: 'rejected' }) })
    render(<BindingsPage />)
    await screen.findByText('1栋1单元101')
    fireEvent.click(within(card('1栋1单元101')).getByText('拒绝'))
    const chips = within(card('1栋1单元101')).getByRole('listbox', { name: '常用拒绝原因' })
    expect(
      within(chips)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([...BINDING_REJECT_REASONS])
    fireEvent.click(within(chips).getByText('电话无法联系到您核实身份，请致电物业客服'))
    const input = await waitFor(() => within(card('1栋1单元101')).getByLabelText('拒绝原因').querySelector('input') ?? within(card('1栋1单元101')).getByLabelText('拒绝原因'))
    expect((input as HTMLInputElement).value).toBe('电话无法联系到您核实身份，请致电物业客服')
    fireEvent.click(within(card('1栋1单元101')).getByText('确认拒绝'))
    await waitFor(() => expect(callsOf('decideBinding')).toEqual([{ membershipId: 'm-old', approve: false, reason: '电话无法联系到您核实身份，请致电物业客服' }]))
  })

  it('after approving, offers 撤回; undo puts the request back in the list', async () => {
    desk({
      decideBinding: () => ({ ...fresh, status: 'approved' }),
      undoBindingApproval: () => ({ ...fresh, status: 'pending' }),
      // The server's pending list: both before the approval, and both again after the undo.
      listBindingRequests: () => ({ items: [old, fresh], total: 2 }),
    })
    render(<BindingsPage />)
    await screen.findByText('2栋1单元102')
    fireEvent.click(within(card('2栋1单元102')).getByText('通过'))
    const cards = () => Array.from(document.querySelectorAll('.binding-card__unit')).map((e) => e.textContent)
    await waitFor(() => expect(cards()).toEqual(['1栋1单元101']))
    const banner = screen.getByRole('status')
    expect(banner.textContent).toContain('已通过 周新（2栋1单元102）的申请，10 分钟内可撤回')
    fireEvent.click(within(banner).getByText('撤回'))
    await waitFor(() => expect(callsOf('undoBindingApproval')).toEqual([{ membershipId: 'm-new' }]))
    await waitFor(() => expect(cards()).toEqual(['1栋1单元101', '2栋1单元102']))
    expect(screen.queryByRole('status')).toBeNull()
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已撤回，申请恢复为待审核', icon: 'success' })
  })

  it('审核记录 lists decisions with who, when and why; 撤回通过 only where the server allows it, and its refusal is shown', async () => {
    desk({
      undoBindingApproval: () => {
        throw new CloudError('CONFLICT', BINDING_UNDO_EXPIRED)
      },
    })
    render(<BindingsPage />)
    await screen.findByText('1栋1单元101')
    fireEvent.click(screen.getByText('审核记录'))
    await screen.findByText('1栋1单元202')
    expect(callsOf('bindingHistory')).toEqual([{ pageSize: 20 }])
    expect(screen.getByText('审核记录 2 条')).toBeTruthy()
    const ok = card('1栋1单元202')
    expect(within(ok).getByText('已通过')).toBeTruthy()
    // Beijing time: 02:00Z is 10:00.
    expect(within(ok).getByText('王敏 · 11-28 10:00')).toBeTruthy()
    expect(within(ok).getByText('10:10 前可撤回')).toBeTruthy()
    const no = card('1栋1单元402')
    expect(within(no).getByText('未通过')).toBeTruthy()
    expect(within(no).getByText('孙丽 · 11-28 09:00')).toBeTruthy()
    expect(within(no).getByText('原因：房号与实际不符，请核对后重新申请')).toBeTruthy()
    expect(within(no).queryByText('撤回通过')).toBeNull()
    // No approve/reject on decided rows.
    expect(within(ok).queryByText('通过')).toBeNull()
    fireEvent.click(within(ok).getByText('撤回通过'))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: BINDING_UNDO_EXPIRED, icon: 'none' }))
    expect(callsOf('undoBindingApproval')).toEqual([{ membershipId: 'm-ok' }])
  })
})
