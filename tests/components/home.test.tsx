import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import HomePage from '@/pages/home/index'
import { CloudError } from '@/services/cloud'
import { ERROR_MESSAGES } from '@/domain/errors'
import { callsOf, mockCloud } from './cloud-mock'
import { COMMUNITY, home, me } from './fixtures'
import { shareHandlers } from './taro-double'

describe('首页', () => {
  it('shows the community name, the bind card when no home is bound, and the honest empty notices', async () => {
    mockCloud({ me: () => me({ homes: [] }) })
    render(<HomePage />)

    expect(await screen.findByText(COMMUNITY.name)).toBeTruthy()
    expect(screen.getByText('绑定房屋')).toBeTruthy()
    expect(screen.getByText('暂无通知')).toBeTruthy()

    fireEvent.click(screen.getByText('去绑定'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/bind/index' })
  })

  it('hides the bind card once a home is approved', async () => {
    mockCloud({ me: () => me({ homes: [home({ status: 'approved' })] }) })
    render(<HomePage />)
    await screen.findByText(COMMUNITY.name)
    expect(screen.queryByText('绑定房屋')).toBeNull()
  })

  it('calls the community hotline from the header button', async () => {
    mockCloud({ me: () => me() })
    render(<HomePage />)
    const hotline = await screen.findByLabelText(`拨打物业服务电话 ${COMMUNITY.hotline}`)
    fireEvent.click(hotline)
    expect(Taro.makePhoneCall).toHaveBeenCalledTimes(1)
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: COMMUNITY.hotline })
  })

  it('opens the report form of each type from 报修 / 投诉 / 咨询', async () => {
    mockCloud({ me: () => me() })
    render(<HomePage />)
    await screen.findByText(COMMUNITY.name)
    fireEvent.click(screen.getByText('报修'))
    fireEvent.click(screen.getByText('投诉'))
    fireEvent.click(screen.getByText('咨询'))
    expect((Taro.navigateTo as jest.Mock).mock.calls.map((c) => c[0])).toEqual([
      { url: '/pages/report/index?type=repair' },
      { url: '/pages/report/index?type=complaint' },
      { url: '/pages/report/index?type=consultation' },
    ])
    expect(screen.queryByText(/功能即将上线/)).toBeNull()
  })

  it('入住预约 opens the move-in page (no 即将上线)', async () => {
    mockCloud({ me: () => me() })
    render(<HomePage />)
    await screen.findByText(COMMUNITY.name)
    fireEvent.click(screen.getByText('入住预约'))
    expect(screen.queryByText(/功能即将上线/)).toBeNull()
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/movein/index' })
  })

  it('shares the home page under the community name', async () => {
    mockCloud({ me: () => me() })
    render(<HomePage />)
    await screen.findByText(COMMUNITY.name)
    expect(shareHandlers.at(-1)!()).toEqual({ title: `${COMMUNITY.name} · 邻里物业`, path: '/pages/home/index' })
  })

  it('shows the Chinese error from the backend and retries', async () => {
    let fail = true
    mockCloud({
      me: () => {
        if (fail) throw new CloudError('NETWORK', ERROR_MESSAGES.NETWORK)
        return me()
      },
    })
    render(<HomePage />)
    expect(await screen.findByText('网络异常，请检查网络后重试')).toBeTruthy()
    fail = false
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByText(COMMUNITY.name)).toBeTruthy()
    await waitFor(() => expect(callsOf('me')).toHaveLength(2))
  })
})
