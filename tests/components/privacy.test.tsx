import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import PrivacyPage from '@/pages/privacy/index'
// A page that makes no backend calls: the popup comes from PageShell.
import EventsPage from '@/pages/events/index'
import { installPrivacyHandler } from '@/features/privacy'

describe('隐私保护', () => {
  it('shows the popup when WeChat asks for consent and answers with the agree button id', async () => {
    let trigger!: (resolve: (r: unknown) => void) => void
    const resolve = jest.fn()
    ;(globalThis as any).wx = { onNeedPrivacyAuthorization: jest.fn((fn) => (trigger = fn)) }
    const env = process.env.TARO_ENV
    process.env.TARO_ENV = 'weapp'
    try {
      installPrivacyHandler()
    } finally {
      process.env.TARO_ENV = env
    }
    expect((globalThis as any).wx.onNeedPrivacyAuthorization).toHaveBeenCalledTimes(1)

    render(<EventsPage />)
    expect(screen.queryByText('隐私保护提示')).toBeNull()
    act(() => trigger(resolve))
    expect(screen.getByText('隐私保护提示')).toBeTruthy()

    fireEvent.click(screen.getByText('《邻里物业隐私保护指引》'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/privacy/index' })

    fireEvent.click(screen.getByText('拒绝'))
    expect(resolve).toHaveBeenCalledWith({ event: 'disagree' })
    expect(screen.queryByText('隐私保护提示')).toBeNull()
  })

  it('renders the guideline text', () => {
    render(<PrivacyPage />)
    expect(screen.getByText('邻里物业隐私保护指引')).toBeTruthy()
    expect(screen.getByText('一、我们收集哪些信息')).toBeTruthy()
  })
})
