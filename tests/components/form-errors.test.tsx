import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import ReportPage from '@/pages/report/index'
import BindPage from '@/pages/bind/index'
import { ActionBar } from '@/components/ActionBar'
import { fieldAnchor, revealFirstError } from '@/components/formErrors'
import { callsOf, mockCloud } from './cloud-mock'
import { home, me } from './fixtures'
import { router } from './taro-double'
import { typeInto } from './dom'

/**
 * Issue #12, "forms that show their errors": the fixed bottom bar every resident form submits
 * from, and a submit with errors that scrolls to the first one and names it in a toast.
 */
const owner = home({ phoneMasked: '13800000001' })

let env: typeof process.env.TARO_ENV
beforeEach(() => {
  env = process.env.TARO_ENV
})
afterEach(() => {
  if (env === undefined) delete (process.env as Record<string, string | undefined>).TARO_ENV
  else process.env.TARO_ENV = env
  router.params = {}
})

describe('ActionBar', () => {
  it('is a labelled toolbar with a spacer before it, so the page can scroll out from under it', () => {
    const { container } = render(
      <ActionBar label='工单操作'>
        <Button type='primary'>确认完成</Button>
      </ActionBar>,
    )
    const bar = screen.getByRole('toolbar', { name: '工单操作' })
    expect(bar.className).toContain('action-bar')
    expect(bar.textContent).toBe('确认完成')
    const spacer = container.querySelector('.action-bar__spacer')!
    expect(spacer).toBeTruthy()
    // The spacer comes right before the bar (the bar is fixed; the spacer keeps the last lines reachable).
    expect(spacer.nextElementSibling).toBe(bar)
  })

  it('its styles keep it above the home indicator and its buttons at least 44 pt high', () => {
    // The stylesheet is the contract (jsdom does not lay out): safe-area padding and 88 design px (= 44 pt) buttons.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const scss: string = require('node:fs').readFileSync(require('node:path').join(__dirname, '../../src/components/ActionBar.scss'), 'utf8')
    expect(scss).toMatch(/position: fixed;/)
    expect(scss).toMatch(/padding: .*env\(safe-area-inset-bottom\)/)
    expect(scss).toMatch(/\.nut-button \{\s*min-height: 88px;/)
  })

  it('the report and binding forms submit from it', async () => {
    mockCloud({ me: () => me({ homes: [owner] }) })
    router.params = { type: 'repair' }
    const { unmount } = render(<ReportPage />)
    expect((await screen.findByRole('toolbar', { name: '提交' })).textContent).toBe('提交报修')
    unmount()
    mockCloud({ me: () => me({ homes: [] }), listCommunities: () => [] })
    render(<BindPage />)
    expect((await screen.findByRole('toolbar', { name: '提交' })).textContent).toBe('提交绑定')
  })
})

describe('revealFirstError', () => {
  it('scrolls to the first field with an error in the form’s order and names it in a toast', () => {
    expect(revealFirstError({ phone: '请输入正确的手机号', category: '请选择问题类别' }, ['category', 'description', 'phone'])).toBe('category')
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '请选择问题类别', icon: 'none', duration: 2500 })
    expect(Taro.pageScrollTo).toHaveBeenCalledWith({ selector: '#field-category', offsetTop: -120, duration: 200 })
  })

  it('does nothing when there is no error', () => {
    expect(revealFirstError({ category: undefined }, ['category'])).toBeNull()
    expect(Taro.showToast).not.toHaveBeenCalled()
    expect(Taro.pageScrollTo).not.toHaveBeenCalled()
  })

  it('H5: scrolls the anchor element itself into view', () => {
    process.env.TARO_ENV = 'h5'
    const el = document.createElement('div')
    el.id = fieldAnchor('phone')
    el.scrollIntoView = jest.fn()
    document.body.appendChild(el)
    revealFirstError({ phone: '请输入正确的手机号' }, ['phone'])
    expect(el.scrollIntoView).toHaveBeenCalledWith({ block: 'center', behavior: 'smooth' })
    el.remove()
  })
})

describe('submitting a form with errors', () => {
  it('an empty report scrolls to 问题类别 and says so; nothing is sent', async () => {
    mockCloud({ me: () => me({ homes: [owner] }), create: () => ({ ticketId: 't-1', no: 'BX-1', created: true }) })
    router.params = { type: 'repair' }
    render(<ReportPage />)
    fireEvent.click(await screen.findByText('提交报修'))
    expect(Taro.pageScrollTo).toHaveBeenCalledWith(expect.objectContaining({ selector: '#field-category' }))
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请选择问题类别' }))
    // The anchor is there, at the category section, and the inline error under it.
    expect(document.getElementById('field-category')).toBeTruthy()
    expect(screen.getByRole('alert').textContent).toBe('请选择问题类别')
    expect(callsOf('create')).toHaveLength(0)
  })

  it('with the category chosen, the next error down (the description) is the one shown', async () => {
    mockCloud({ me: () => me({ homes: [owner] }) })
    router.params = { type: 'repair' }
    render(<ReportPage />)
    fireEvent.click(await screen.findByText('水电'))
    fireEvent.click(screen.getByText('提交报修'))
    expect(Taro.pageScrollTo).toHaveBeenLastCalledWith(expect.objectContaining({ selector: '#field-description' }))
    expect(Taro.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '请描述问题或上传图片、视频' }))
  })

  it('the binding form scrolls to the room first', async () => {
    mockCloud({ me: () => me({ homes: [] }), listCommunities: () => [] })
    render(<BindPage />)
    fireEvent.click(await screen.findByText('提交绑定'))
    expect(Taro.pageScrollTo).toHaveBeenCalledWith(expect.objectContaining({ selector: '#field-unitId' }))
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请选择房屋' }))
  })
})

describe('leaving a filled form', () => {
  it('weapp: asks before discarding once something is filled in, and stops asking once sent', async () => {
    process.env.TARO_ENV = 'weapp'
    mockCloud({ me: () => me({ homes: [owner] }), subscriptions: () => ({}), create: () => ({ ticketId: 't-2', no: 'BX-2', created: true }) })
    router.params = { type: 'repair' }
    render(<ReportPage />)
    await screen.findByText('提交报修')
    expect(Taro.enableAlertBeforeUnload).not.toHaveBeenCalled()
    fireEvent.click(screen.getByText('公共照明'))
    await waitFor(() => expect(Taro.enableAlertBeforeUnload).toHaveBeenCalledWith({ message: '已填写的内容尚未提交，确定离开吗？' }))
    await typeInto('问题描述', '大堂灯不亮')
    fireEvent.click(screen.getByText('提交报修'))
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled())
    expect(Taro.disableAlertBeforeUnload).toHaveBeenCalled()
  })
})
