import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import InvitePage from '@/pages/invite/index'
import { CloudError } from '@/services/cloud'
import { callsOf, mockCloud } from './cloud-mock'
import { me, staff } from './fixtures'
import { typeInto } from './dom'

describe('员工邀请码', () => {
  it('validates, redeems with the upper-cased code and offers the workbench', async () => {
    mockCloud({ me: () => me(), redeemInvite: () => staff(['engineer', 'security']) })
    render(<InvitePage />)
    await typeInto('邀请码', 'k7q2')
    fireEvent.click(screen.getByText('加入'))
    expect(await screen.findByText('请输入 8 位邀请码')).toBeTruthy()
    expect(screen.getByText('请输入姓名')).toBeTruthy()
    expect(screen.getByText('请输入 11 位手机号')).toBeTruthy()

    await typeInto('邀请码', 'k7q2m9xa')
    await typeInto('姓名', '陈工')
    await typeInto('手机号', '13900139000')
    fireEvent.click(screen.getByText('加入'))
    expect(await screen.findByText('已加入 翠湖花园')).toBeTruthy()
    expect(screen.getByText('岗位：工程、秩序')).toBeTruthy()
    expect(callsOf('redeemInvite')).toEqual([{ code: 'K7Q2M9XA', name: '陈工', phone: '13900139000' }])

    fireEvent.click(screen.getByText('进入员工工作台'))
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/staff/workbench/index' })
  })

  it('shows the backend message for a used code', async () => {
    mockCloud({
      me: () => me(),
      redeemInvite: () => {
        throw new CloudError('CONFLICT', '邀请码已被使用')
      },
    })
    render(<InvitePage />)
    await typeInto('邀请码', 'K7Q2M9XA')
    await typeInto('姓名', '陈工')
    await typeInto('手机号', '13900139000')
    fireEvent.click(screen.getByText('加入'))
    expect(await screen.findByText('邀请码已被使用')).toBeTruthy()
  })
})
