import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import ReportPage from '@/pages/report/index'
import { CloudError } from '@/services/cloud'
import { ERROR_MESSAGES } from '@/domain/errors'
import { shanghai } from '@/features/tickets/format'
import { callsOf, deferred, mockCloud } from './cloud-mock'
import { COMMUNITY, home, me } from './fixtures'
import { router } from './taro-double'
import { typeInto } from './dom'

const ALL_TEMPLATES = ['TPL_TICKET_PROGRESS', 'TPL_TICKET_DONE', 'TPL_TICKET_REPLY']
const owner = home({ phoneMasked: '13800000001' })
type Created = { ticketId: string; no: string; created: boolean }

function backend(create: (d: any) => Created | Promise<Created> = () => ({ ticketId: 't-9', no: 'BX-20261128-0009', created: true }), homes = [owner]) {
  mockCloud({ me: () => me({ homes }), create })
}

const group = (name: string) => screen.getByRole('listbox', { name })
const submitButton = (type = '报修') => screen.getByText(`提交${type}`)

let env: typeof process.env.TARO_ENV
beforeEach(() => {
  router.params = { type: 'repair' }
  env = process.env.TARO_ENV
})
afterEach(() => {
  if (env === undefined) delete (process.env as Record<string, string | undefined>).TARO_ENV
  else process.env.TARO_ENV = env
  router.params = {}
})

describe('报修 / 投诉 / 咨询', () => {
  it('offers the categories of the type in the query', async () => {
    backend()
    router.params = { type: 'complaint' }
    const { unmount } = render(<ReportPage />)
    const complaint = await screen.findByRole('listbox', { name: '问题类别' })
    expect(within(complaint).getAllByRole('option').map((o) => o.textContent)).toEqual(['噪音', '环境卫生', '停车', '服务态度', '其他投诉'])
    expect(screen.queryByRole('listbox', { name: '紧急情况' })).toBeNull()
    expect(screen.getByText('提交投诉')).toBeTruthy()
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '我要投诉' })
    unmount()

    router.params = { type: 'repair' }
    render(<ReportPage />)
    const urgent = await screen.findByRole('listbox', { name: '紧急情况' })
    expect(within(urgent).getAllByRole('option').map((o) => o.textContent)).toEqual(['电梯困人', '突发停水停电', '严重漏水', '燃气异味'])
    expect(within(group('问题类别')).getAllByRole('option').map((o) => o.textContent)).toEqual(['水电', '门窗', '墙面渗漏', '电梯', '公共照明', '门禁', '其他维修'])
  })

  it('an emergency shows the urgent banner with a one-tap call, and goes out without a description', async () => {
    backend()
    render(<ReportPage />)
    expect(screen.queryByText('紧急情况，请立即电话联系物业')).toBeNull()
    fireEvent.click(await screen.findByText('燃气异味'))
    expect(screen.getByText('紧急情况，请立即电话联系物业')).toBeTruthy()
    expect(screen.getByText('请勿开关电器、勿用明火，立即开窗通风并撤离到室外。')).toBeTruthy()
    expect(screen.getByText('问题描述（选填）')).toBeTruthy()

    fireEvent.click(screen.getByLabelText(`拨打物业电话 ${COMMUNITY.hotline}`))
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: COMMUNITY.hotline })

    fireEvent.click(submitButton())
    await waitFor(() => expect(callsOf('create')).toHaveLength(1))
    expect(callsOf('create')[0]).toEqual(
      expect.objectContaining({
        type: 'repair',
        category: 'gas_smell',
        description: '',
        photos: [],
        location: { kind: 'home', unitId: owner.unitId },
        contactPhone: '13800000001',
      }),
    )
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/ticket/index?id=t-9' }))
  })

  it('a non-emergency needs a description or a photo: inline Chinese error, no call', async () => {
    backend()
    render(<ReportPage />)
    fireEvent.click(await screen.findByText('提交报修'))
    expect(screen.getByText('请选择问题类别')).toBeTruthy()
    fireEvent.click(screen.getByText('水电'))
    expect(screen.queryByText('请选择问题类别')).toBeNull()
    fireEvent.click(submitButton())
    expect(screen.getByText('请描述问题或上传图片')).toBeTruthy()
    expect(callsOf('create')).toHaveLength(0)
    expect(Taro.requestSubscribeMessage).not.toHaveBeenCalled()

    await typeInto('问题描述', '卫生间灯不亮')
    expect(screen.queryByText('请描述问题或上传图片')).toBeNull()
    expect(screen.getByText('6/500')).toBeTruthy()
  })

  it('a double tap creates one ticket with one client request id, and a retry reuses it', async () => {
    let fail = true
    const reply = deferred<Created>()
    backend(() => {
      if (fail) throw new CloudError('NETWORK', ERROR_MESSAGES.NETWORK)
      return reply.promise
    })
    render(<ReportPage />)
    fireEvent.click(await screen.findByText('门窗'))
    await typeInto('问题描述', '阳台推拉门关不上')

    fireEvent.click(submitButton())
    expect(await screen.findByText('网络异常，请检查网络后重试')).toBeTruthy()
    expect(callsOf('create')).toHaveLength(1)

    fail = false
    // Two taps inside one React batch: the button cannot have re-rendered as disabled in between.
    const button = submitButton()
    act(() => {
      fireEvent.click(button)
      fireEvent.click(button)
    })
    fireEvent.click(await screen.findByText('提交中…'))
    await waitFor(() => expect(callsOf('create')).toHaveLength(2))
    reply.resolve({ ticketId: 't-42', no: 'BX-20261128-0042', created: true })
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/ticket/index?id=t-42' }))

    const [first, second] = callsOf('create')
    expect(first.clientRequestId).toMatch(/^.{8,64}$/)
    expect(second.clientRequestId).toBe(first.clientRequestId)
    expect(second.description).toBe('阳台推拉门关不上')
    expect(Taro.redirectTo).toHaveBeenCalledTimes(1)
  })

  it('weapp: asks for the three templates inside the tap and sends only the accepted ones', async () => {
    backend()
    ;(Taro.requestSubscribeMessage as jest.Mock).mockResolvedValueOnce({
      errMsg: 'requestSubscribeMessage:ok',
      TPL_TICKET_PROGRESS: 'accept',
      TPL_TICKET_DONE: 'reject',
      TPL_TICKET_REPLY: 'accept',
    })
    render(<ReportPage />)
    fireEvent.click(await screen.findByText('电梯'))
    await typeInto('问题描述', '2号电梯按钮失灵')
    fireEvent.click(submitButton())
    // Synchronously in the tap handler: WeChat refuses the popup after an await.
    expect(Taro.requestSubscribeMessage).toHaveBeenCalledTimes(1)
    expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ALL_TEMPLATES })
    await waitFor(() => expect(callsOf('create')).toHaveLength(1))
    expect(callsOf('create')[0].subscribed).toEqual(['TPL_TICKET_PROGRESS', 'TPL_TICKET_REPLY'])
  })

  it('a failed subscribe request never blocks the report', async () => {
    backend()
    ;(Taro.requestSubscribeMessage as jest.Mock).mockRejectedValueOnce({ errMsg: 'requestSubscribeMessage:fail 20004' })
    render(<ReportPage />)
    fireEvent.click(await screen.findByText('公共照明'))
    await typeInto('问题描述', '3栋大堂灯不亮')
    fireEvent.click(submitButton())
    await waitFor(() => expect(callsOf('create')).toHaveLength(1))
    expect(callsOf('create')[0].subscribed).toEqual([])
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled())
  })

  it('H5 (local demo, no WeChat): treats all three templates as accepted', async () => {
    process.env.TARO_ENV = 'h5'
    backend()
    render(<ReportPage />)
    fireEvent.click(await screen.findByText('其他维修'))
    await typeInto('问题描述', '信箱锁坏了')
    fireEvent.click(submitButton())
    await waitFor(() => expect(callsOf('create')).toHaveLength(1))
    expect(Taro.requestSubscribeMessage).not.toHaveBeenCalled()
    expect(callsOf('create')[0].subscribed).toEqual(ALL_TEMPLATES)
  })

  it('a public area needs a place; building and floor are optional', async () => {
    backend()
    render(<ReportPage />)
    fireEvent.click(await screen.findByText('公共照明'))
    await typeInto('问题描述', '路灯不亮')
    fireEvent.click(within(group('位置')).getByText('公共区域'))
    fireEvent.click(submitButton())
    expect(screen.getByText('请填写具体位置')).toBeTruthy()
    expect(callsOf('create')).toHaveLength(0)
    await typeInto('楼栋', '5栋')
    await typeInto('具体位置', '北门路灯')
    fireEvent.click(submitButton())
    await waitFor(() => expect(callsOf('create')).toHaveLength(1))
    expect(callsOf('create')[0].location).toEqual({ kind: 'public', building: '5栋', area: '北门路灯' })
  })

  it('in-home work can name a visit window (Asia/Shanghai)', async () => {
    backend()
    render(<ReportPage />)
    fireEvent.click(await screen.findByText('水电'))
    await typeInto('问题描述', '插座没电')
    expect(screen.getByText('期望上门时间')).toBeTruthy()
    fireEvent.click(within(group('上门日期')).getByText('明天'))
    fireEvent.click(submitButton())
    expect(screen.getByText('请选择上门时段')).toBeTruthy()
    fireEvent.click(screen.getByText('上午 9–12 点'))
    fireEvent.click(submitButton())
    await waitFor(() => expect(callsOf('create')).toHaveLength(1))
    const tomorrow = shanghai().startOf('day').add(1, 'day').format('YYYY-MM-DD')
    expect(callsOf('create')[0].window).toEqual({ start: `${tomorrow}T09:00:00+08:00`, end: `${tomorrow}T12:00:00+08:00` })
  })

  it('photos: compressed and uploaded on choice, too-large ones refused, failed ones block submit until removed', async () => {
    backend()
    ;(Taro.chooseMedia as jest.Mock).mockResolvedValueOnce({
      tempFiles: [
        { tempFilePath: 'wxfile://tmp/a.jpg', size: 2_000_000 },
        { tempFilePath: 'wxfile://tmp/huge.jpg', size: 12 * 1024 * 1024 },
      ],
    })
    render(<ReportPage />)
    fireEvent.click(await screen.findByText('墙面渗漏'))
    fireEvent.click(screen.getByLabelText('添加图片'))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '单张图片不能超过 10 MB', icon: 'none' }))
    expect((Taro.chooseMedia as jest.Mock).mock.calls[0][0]).toEqual(expect.objectContaining({ count: 9, sizeType: ['compressed'], mediaType: ['image'] }))
    await waitFor(() => expect(Taro.cloud.uploadFile).toHaveBeenCalledTimes(1))
    expect(Taro.compressImage).toHaveBeenCalledWith({ src: 'wxfile://tmp/a.jpg', quality: 70 })
    const upload = (Taro.cloud.uploadFile as jest.Mock).mock.calls[0][0]
    expect(upload.filePath).toBe('wxfile://tmp/a-c.jpg')
    expect(upload.cloudPath).toMatch(/^uploads\/[\w-]+\.jpg$/)
    await waitFor(() => expect(screen.queryByText('上传中')).toBeNull())

    // A second photo whose upload fails.
    ;(Taro.chooseMedia as jest.Mock).mockResolvedValueOnce({ tempFiles: [{ tempFilePath: 'wxfile://tmp/b.png', size: 1000 }] })
    ;(Taro.cloud.uploadFile as jest.Mock).mockImplementationOnce((o: any) => {
      setTimeout(() => o.fail({ errMsg: 'cloud.uploadFile:fail' }), 0)
      return {}
    })
    fireEvent.click(screen.getByLabelText('添加图片'))
    expect(await screen.findByText('上传失败')).toBeTruthy()
    expect((Taro.chooseMedia as jest.Mock).mock.calls[1][0].count).toBe(8)
    fireEvent.click(submitButton())
    expect(screen.getByText('有图片上传失败，请点击重试或删除')).toBeTruthy()
    expect(callsOf('create')).toHaveLength(0)

    fireEvent.click(screen.getByLabelText('删除第 2 张图片'))
    expect(screen.queryByText('上传失败')).toBeNull()
    fireEvent.click(submitButton())
    await waitFor(() => expect(callsOf('create')).toHaveLength(1))
    expect(callsOf('create')[0].photos).toEqual([expect.stringMatching(/^cloud:\/\/linli-test\.bucket\/uploads\/.+\.jpg/)])
    expect(callsOf('create')[0].description).toBe('')
  })

  it('without an approved home shows the bind prompt instead of the form', async () => {
    backend(undefined, [home({ status: 'pending' })])
    render(<ReportPage />)
    expect(await screen.findByText('你的绑定申请正在审核中，也可以继续绑定其他房屋。')).toBeTruthy()
    expect(screen.queryByText('提交报修')).toBeNull()
    fireEvent.click(screen.getByText('去绑定'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/bind/index' })
  })

  it('shows the backend’s Chinese message when the create is refused', async () => {
    backend(() => {
      throw new CloudError('FORBIDDEN', '只能为已绑定的房屋报事')
    })
    render(<ReportPage />)
    fireEvent.click(await screen.findByText('电梯困人'))
    fireEvent.click(screen.getByText('提交报修'))
    expect(await screen.findByText('只能为已绑定的房屋报事')).toBeTruthy()
    expect(Taro.redirectTo).not.toHaveBeenCalled()
  })
})
