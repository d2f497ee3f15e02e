import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import BindPage from '@/pages/bind/index'
import { CloudError } from '@/services/cloud'
import type { HomeView } from '@/domain/identity'
import { callsOf, deferred, mockCloud } from './cloud-mock'
import { COMMUNITY, UNITS, home, me } from './fixtures'
import { typeInto } from './dom'

const type = typeInto

function backend(requestBinding: (data: any) => HomeView | Promise<HomeView>) {
  mockCloud({
    me: () => me({ homes: [] }),
    listCommunities: () => [{ _id: COMMUNITY._id, name: COMMUNITY.name }],
    listUnits: (d: { communityId: string; building?: string }) => UNITS.filter((u) => !d.building || u.building === d.building),
    requestBinding,
  })
}

async function pickRoom() {
  fireEvent.click(await screen.findByText('1栋'))
  fireEvent.click(await screen.findByText('1单元'))
  fireEvent.click(await screen.findByText('102'))
  expect(screen.getByText('已选择：1栋1单元102')).toBeTruthy()
}

describe('绑定房屋', () => {
  it('cascades building → unit → room from listUnits', async () => {
    backend(() => home())
    render(<BindPage />)
    fireEvent.click(await screen.findByText('1栋'))
    await screen.findByText('2单元')
    expect(callsOf('listUnits')).toContainEqual({ communityId: 'c1', building: '1栋' })
    fireEvent.click(screen.getByText('2单元'))
    expect(screen.getByText('201')).toBeTruthy()
    expect(screen.queryByText('102')).toBeNull()
  })

  it('validates inline in Chinese and does not call the backend', async () => {
    backend(() => home())
    render(<BindPage />)
    await screen.findByText('1栋')
    await type('姓名', '王芳')
    await type('手机号', '1380013')
    fireEvent.click(screen.getByText('提交绑定'))

    expect(screen.getByText('请输入 11 位手机号')).toBeTruthy()
    expect(screen.getByText('请选择房屋')).toBeTruthy()
    expect(screen.getByText('请选择与房屋的关系')).toBeTruthy()
    expect(screen.queryByText('请输入姓名')).toBeNull()
    expect(callsOf('requestBinding')).toHaveLength(0)

    // Fixing the field clears its message.
    await type('手机号', '13800138000')
    expect(screen.queryByText('请输入 11 位手机号')).toBeNull()
  })

  it('submits once on a double tap, with one client request id, and shows the pending result', async () => {
    const reply = deferred<HomeView>()
    backend(() => reply.promise)
    render(<BindPage />)
    await pickRoom()
    await type('姓名', ' 王芳 ')
    await type('手机号', '13800138000')
    fireEvent.click(screen.getByText('租户'))

    const submit = screen.getByText('提交绑定')
    fireEvent.click(submit)
    fireEvent.click(submit)
    expect(await screen.findByText('提交中…')).toBeTruthy()
    fireEvent.click(screen.getByText('提交中…'))

    const calls = callsOf('requestBinding')
    expect(calls).toHaveLength(1)
    expect(calls[0]).toEqual({
      unitId: 'u-1-1-102',
      name: '王芳',
      phone: '13800138000',
      relation: 'tenant',
      clientRequestId: expect.stringMatching(/^.{8,64}$/),
    })

    await act(async () => reply.resolve(home({ unitId: 'u-1-1-102', label: '1栋1单元102', status: 'pending', relation: 'tenant' })))
    expect(await screen.findByText('已提交，等待物业审核')).toBeTruthy()
  })

  it('reuses the same client request id when retrying after a failure, and says 绑定成功 when approved', async () => {
    let attempt = 0
    backend(() => {
      attempt += 1
      if (attempt === 1) throw new CloudError('NETWORK', '网络异常，请检查网络后重试')
      return home({ label: '1栋1单元102', status: 'approved' })
    })
    render(<BindPage />)
    await pickRoom()
    await type('姓名', '王芳')
    await type('手机号', '13800138000')
    fireEvent.click(screen.getByText('业主'))
    fireEvent.click(screen.getByText('提交绑定'))
    expect(await screen.findByText('网络异常，请检查网络后重试')).toBeTruthy()

    fireEvent.click(screen.getByText('提交绑定'))
    expect(await screen.findByText('绑定成功')).toBeTruthy()
    const [first, second] = callsOf('requestBinding')
    expect(second.clientRequestId).toBe(first.clientRequestId)
    await waitFor(() => expect(callsOf('me').length).toBeGreaterThanOrEqual(2))
  })

  it('starts a new request id for another home', async () => {
    backend(() => home({ status: 'approved' }))
    render(<BindPage />)
    await pickRoom()
    await type('姓名', '王芳')
    await type('手机号', '13800138000')
    fireEvent.click(screen.getByText('业主'))
    fireEvent.click(screen.getByText('提交绑定'))
    fireEvent.click(await screen.findByText('继续绑定其他房屋'))
    fireEvent.click(await screen.findByText('101'))
    fireEvent.click(screen.getByText('提交绑定'))
    await waitFor(() => expect(callsOf('requestBinding')).toHaveLength(2))
    const [a, b] = callsOf('requestBinding')
    expect(b.clientRequestId).not.toBe(a.clientRequestId)
    expect(b.unitId).toBe('u-1-1-101')
  })
})
