import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import ReportPage from '@/pages/report/index'
import { CloudError, setIdentityProvider } from '@/services/cloud'
import { ERROR_MESSAGES } from '@/domain/errors'
import { shanghai } from '@/features/tickets/format'
import { callsOf, deferred, mockCloud } from './cloud-mock'
import { COMMUNITY, home, me } from './fixtures'
import { router } from './taro-double'
import { typeInto } from './dom'
import { ticketInputs } from '@/domain/tickets/api'
import { CATEGORY_BY_CODE } from '@/domain/tickets/catalog'
import { reportProblem } from '@/domain/tickets/report'

const ALL_TEMPLATES = ['TPL_TICKET_PROGRESS', 'TPL_TICKET_DONE', 'TPL_TICKET_REPLY']
const owner = home({ phoneMasked: '13800000001' })
type Created = { ticketId: string; no: string; created: boolean }

let slotNo = 0
/** `tickets.prepareUpload`: a fresh path the function chose for each file. */
const uploadSlot = (d: { contentType: string }) => {
  const ext = d.contentType === 'video/mp4' ? 'mp4' : 'jpg'
  const cloudPath = `uploads/${String(++slotNo).padStart(32, '0')}.${ext}`
  return { fileID: `cloud://linli-test.bucket/${cloudPath}`, cloudPath, upload: { url: `/cos/${encodeURIComponent(cloudPath)}` } }
}

function backend(create: (d: any) => Created | Promise<Created> = () => ({ ticketId: 't-9', no: 'BX-20261128-0009', created: true }), homes = [owner]) {
  mockCloud({ me: () => me({ homes }), create, prepareUpload: uploadSlot })
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
    expect(
      within(complaint)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['噪音', '环境卫生', '停车', '服务态度', '其他投诉'])
    expect(screen.queryByRole('listbox', { name: '紧急情况' })).toBeNull()
    expect(screen.getByText('提交投诉')).toBeTruthy()
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '我要投诉' })
    unmount()

    router.params = { type: 'repair' }
    render(<ReportPage />)
    const urgent = await screen.findByRole('listbox', { name: '紧急情况' })
    expect(
      within(urgent)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['电梯困人', '突发停水停电', '严重漏水', '燃气异味'])
    expect(
      within(group('问题类别'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['水电', '门窗', '墙面渗漏', '电梯', '公共照明', '门禁', '其他维修'])
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
    expect(screen.getByText('请描述问题或上传图片、视频')).toBeTruthy()
    expect(callsOf('create')).toHaveLength(0)
    expect(Taro.requestSubscribeMessage).not.toHaveBeenCalled()

    await typeInto('问题描述', '卫生间灯不亮')
    expect(screen.queryByText('请描述问题或上传图片、视频')).toBeNull()
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
    fireEvent.click(screen.getByLabelText('添加图片或视频'))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '单张图片不能超过 10 MB', icon: 'none' }))
    expect((Taro.chooseMedia as jest.Mock).mock.calls[0][0]).toEqual(expect.objectContaining({ count: 9, sizeType: ['compressed'], mediaType: ['image', 'video'] }))
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
    expect(await screen.findByText('您的绑定申请正在审核中，也可以继续绑定其他房屋。')).toBeTruthy()
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

/**
 * A backend double that refuses what tickets.create refuses before touching the database: the
 * shared zod input, then the shared report rule (src/domain/tickets/report.ts) that the function
 * calls. Before the rule was shared, the function refused a video-only report the form sent.
 */
function contractBackend() {
  backend((d) => {
    const parsed = ticketInputs.create.safeParse(d)
    if (!parsed.success) throw new CloudError('INVALID_INPUT', parsed.error.issues[0].message)
    const cat = CATEGORY_BY_CODE.get(parsed.data.category)!
    const problem = reportProblem({ emergency: !!cat.emergency, description: parsed.data.description, photoCount: parsed.data.photos.length, hasVideo: !!parsed.data.video })
    if (problem) throw new CloudError('INVALID_INPUT', problem)
    return { ticketId: 't-v', no: 'BX-20261128-0010', created: true }
  })
}

describe('报修 with a short video', () => {
  it('a video-only, non-emergency report passes the form and the function’s own rule', async () => {
    contractBackend()
    ;(Taro.chooseMedia as jest.Mock).mockResolvedValueOnce({
      type: 'video',
      tempFiles: [{ tempFilePath: 'wxfile://tmp/leak.mp4', size: 3 * 1024 * 1024, duration: 8, thumbTempFilePath: 'wxfile://tmp/leak-thumb.jpg', fileType: 'video' }],
    })
    render(<ReportPage />)
    fireEvent.click(await screen.findByText('墙面渗漏'))
    // Nothing yet: the form and the function word the refusal alike.
    fireEvent.click(submitButton())
    expect(screen.getByText(reportProblem({ emergency: false, description: '', photoCount: 0, hasVideo: false })!)).toBeTruthy()
    expect(callsOf('create')).toHaveLength(0)

    fireEvent.click(screen.getByLabelText('添加图片或视频'))
    await waitFor(() => expect(Taro.cloud.uploadFile).toHaveBeenCalledTimes(1))
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull())
    fireEvent.click(submitButton())
    await waitFor(() => expect(callsOf('create')).toHaveLength(1))
    expect(callsOf('create')[0]).toEqual(expect.objectContaining({ category: 'wall_leak', description: '', photos: [], video: expect.stringMatching(/\.mp4/) }))
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/ticket/index?id=t-v' }))
    expect(screen.queryByText('请描述问题或上传图片')).toBeNull()
  })

  const clip = (over: Record<string, unknown> = {}) => ({
    tempFilePath: 'wxfile://tmp/clip.mp4',
    size: 14 * 1024 * 1024,
    duration: 12.4,
    thumbTempFilePath: 'wxfile://tmp/clip-thumb.jpg',
    fileType: 'video',
    ...over,
  })
  const photo = (name: string) => ({ tempFilePath: `wxfile://tmp/${name}.jpg`, size: 100_000, fileType: 'image' })
  const choose = (res: { type?: string; tempFiles: unknown[] }) => (Taro.chooseMedia as jest.Mock).mockResolvedValueOnce(res)
  const uploads = () => (Taro.cloud.uploadFile as jest.Mock).mock.calls.map((c) => c[0])

  it('chooses a video (≤ 30 s), compresses it on weapp, uploads it and sends `video` in create', async () => {
    backend()
    choose({ type: 'video', tempFiles: [clip()] })
    const { container } = render(<ReportPage />)
    fireEvent.click(await screen.findByText('墙面渗漏'))
    expect(screen.getByText('描述和图片、视频至少填写一项；最多 9 张图片或 1 段 30 秒内的视频')).toBeTruthy()
    fireEvent.click(screen.getByLabelText('添加图片或视频'))

    await waitFor(() => expect(uploads()).toHaveLength(1))
    expect((Taro.chooseMedia as jest.Mock).mock.calls[0][0]).toEqual(
      expect.objectContaining({ count: 9, mediaType: ['image', 'video'], sizeType: ['compressed'], maxDuration: 30 }),
    )
    // 14 MB as recorded, 2 MB after compression: accepted.
    expect(Taro.compressVideo).toHaveBeenCalledWith({ src: 'wxfile://tmp/clip.mp4', quality: 'medium' })
    expect(uploads()[0].filePath).toBe('wxfile://tmp/clip-c.mp4')
    expect(uploads()[0].cloudPath).toMatch(/^uploads\/[\w-]+\.mp4$/)

    // One tile: the cover, the length, a remove button; no add tile while a video is attached.
    const tile = screen.getByLabelText('视频 0:12')
    expect(within(tile).getByText('0:12')).toBeTruthy()
    expect(tile.querySelector('taro-image-core, img')!.getAttribute('src')).toBe('wxfile://tmp/clip-thumb.jpg')
    await waitFor(() => expect(within(tile).queryByRole('status')).toBeNull())
    expect(screen.queryByLabelText('添加图片或视频')).toBeNull()
    expect(screen.queryByLabelText('添加图片')).toBeNull()
    expect(container.querySelectorAll('.photo-picker__item')).toHaveLength(1)

    // A video stands in for the description.
    fireEvent.click(submitButton())
    await waitFor(() => expect(callsOf('create')).toHaveLength(1))
    expect(callsOf('create')[0]).toEqual(
      expect.objectContaining({ description: '', photos: [], video: expect.stringMatching(/^cloud:\/\/linli-test\.bucket\/uploads\/[\w-]+\.mp4/) }),
    )
  })

  it('photos and a video are mutually exclusive', async () => {
    backend()
    render(<ReportPage />)
    fireEvent.click(await screen.findByText('门窗'))

    // Photos first: the picker then offers photos only.
    choose({ type: 'image', tempFiles: [photo('a')] })
    fireEvent.click(screen.getByLabelText('添加图片或视频'))
    await waitFor(() => expect(screen.getByLabelText('添加图片')).toBeTruthy())
    choose({ type: 'image', tempFiles: [photo('b')] })
    fireEvent.click(screen.getByLabelText('添加图片'))
    await waitFor(() => expect(uploads()).toHaveLength(2))
    expect((Taro.chooseMedia as jest.Mock).mock.calls[1][0]).toEqual(expect.objectContaining({ count: 8, mediaType: ['image'] }))

    // Removing every photo offers the video again.
    fireEvent.click(screen.getByLabelText('删除第 2 张图片'))
    fireEvent.click(screen.getByLabelText('删除第 1 张图片'))
    expect(screen.getByLabelText('添加图片或视频')).toBeTruthy()

    // A mixed choice keeps the photos and says so.
    choose({ type: 'mix', tempFiles: [photo('c'), clip()] })
    fireEvent.click(screen.getByLabelText('添加图片或视频'))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '图片和视频不能同时上传，已保留图片', icon: 'none' }))
    expect(screen.getByLabelText('删除第 1 张图片')).toBeTruthy()
    expect(screen.queryByLabelText('删除视频')).toBeNull()
    expect(Taro.compressVideo).not.toHaveBeenCalled()
    fireEvent.click(screen.getByLabelText('删除第 1 张图片'))

    // A video replaces the add tile; removing it brings the tile back.
    choose({ type: 'video', tempFiles: [clip()] })
    fireEvent.click(screen.getByLabelText('添加图片或视频'))
    expect(await screen.findByLabelText('删除视频')).toBeTruthy()
    expect(screen.queryByLabelText('添加图片或视频')).toBeNull()
    fireEvent.click(screen.getByLabelText('删除视频'))
    expect(screen.getByLabelText('添加图片或视频')).toBeTruthy()

    await typeInto('问题描述', '阳台门关不严')
    fireEvent.click(submitButton())
    await waitFor(() => expect(callsOf('create')).toHaveLength(1))
    expect(callsOf('create')[0].photos).toEqual([])
    expect(callsOf('create')[0]).not.toHaveProperty('video')
  })

  it('refuses a video over 30 s, or over 10 MB after compression, with a clear message', async () => {
    backend()
    render(<ReportPage />)
    fireEvent.click(await screen.findByText('电梯'))

    choose({ type: 'video', tempFiles: [clip({ duration: 45 })] })
    fireEvent.click(screen.getByLabelText('添加图片或视频'))
    expect(await screen.findByText('视频不能超过 30 秒，请剪短后重新选择')).toBeTruthy()
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '视频不能超过 30 秒，请剪短后重新选择', icon: 'none' })
    expect(Taro.compressVideo).not.toHaveBeenCalled()
    expect(screen.queryByLabelText('删除视频')).toBeNull()

    // Compressed to 12 MB: still too large for the upload, nothing attached.
    ;(Taro.compressVideo as jest.Mock).mockResolvedValueOnce({ errMsg: 'ok', tempFilePath: 'wxfile://tmp/big-c.mp4', size: 12 * 1024 })
    choose({ type: 'video', tempFiles: [clip({ tempFilePath: 'wxfile://tmp/big.mp4', size: 40 * 1024 * 1024, duration: 29.8 })] })
    fireEvent.click(screen.getByLabelText('添加图片或视频'))
    expect(await screen.findByText('视频不能超过 10 MB，请拍短一些后重新选择')).toBeTruthy()
    expect(screen.queryByText('视频不能超过 30 秒，请剪短后重新选择')).toBeNull()
    expect(screen.queryByLabelText('删除视频')).toBeNull()
    expect(screen.getByLabelText('添加图片或视频')).toBeTruthy()
    expect(Taro.cloud.uploadFile).not.toHaveBeenCalled()
  })

  it('a video still uploading or failed blocks submit; a failed upload can be retried', async () => {
    backend()
    ;(Taro.cloud.uploadFile as jest.Mock).mockImplementationOnce((o: any) => {
      setTimeout(() => o.fail({ errMsg: 'cloud.uploadFile:fail' }), 0)
      return {}
    })
    choose({ type: 'video', tempFiles: [clip()] })
    render(<ReportPage />)
    fireEvent.click(await screen.findByText('燃气异味'))
    fireEvent.click(screen.getByLabelText('添加图片或视频'))
    expect(await screen.findByText('上传失败')).toBeTruthy()
    fireEvent.click(submitButton())
    expect(screen.getByText('视频上传失败，请点击重试或删除')).toBeTruthy()
    expect(callsOf('create')).toHaveLength(0)

    fireEvent.click(screen.getByLabelText('重新上传视频'))
    await waitFor(() => expect(screen.queryByText('上传失败')).toBeNull())
    await waitFor(() => expect(screen.queryByText('视频上传失败，请点击重试或删除')).toBeNull())
    // The retry sends the compressed file again, without compressing twice.
    expect(Taro.compressVideo).toHaveBeenCalledTimes(1)
    expect(uploads().map((u) => u.filePath)).toEqual(['wxfile://tmp/clip-c.mp4', 'wxfile://tmp/clip-c.mp4'])
    await waitFor(() => expect(screen.queryByRole('status')).toBeNull())
    fireEvent.click(submitButton())
    await waitFor(() => expect(callsOf('create')).toHaveLength(1))
    expect(callsOf('create')[0].video).toMatch(/\.mp4/)
  })

  it('H5: takes MP4 only, checks the size at once, and posts the bytes as video/mp4', async () => {
    process.env.TARO_ENV = 'h5'
    setIdentityProvider(() => Promise.resolve('o-resident-01'))
    const realFetch = globalThis.fetch
    const fetchMock = jest.fn(async (url: string, _init?: RequestInit) =>
      url.startsWith('blob:')
        ? ({ blob: async () => new Blob([new Uint8Array([0, 0, 0, 24])], { type: 'video/mp4' }) } as Response)
        : ({ status: 200, json: async () => ({}) } as Response),
    )
    globalThis.fetch = fetchMock as unknown as typeof fetch
    try {
      backend()
      render(<ReportPage />)
      fireEvent.click(await screen.findByText('其他维修'))

      choose({ type: 'mix', tempFiles: [clip({ tempFilePath: 'blob:http://localhost/mov', fileType: 'video/quicktime', size: 1_000_000 })] })
      fireEvent.click(screen.getByLabelText('添加图片或视频'))
      expect(await screen.findByText('只支持 MP4 格式的视频')).toBeTruthy()

      choose({ type: 'mix', tempFiles: [clip({ tempFilePath: 'blob:http://localhost/big', fileType: 'video/mp4', size: 11 * 1024 * 1024 })] })
      fireEvent.click(screen.getByLabelText('添加图片或视频'))
      expect(await screen.findByText('视频不能超过 10 MB，请拍短一些后重新选择')).toBeTruthy()
      expect(fetchMock).not.toHaveBeenCalled()

      choose({
        type: 'mix',
        tempFiles: [clip({ tempFilePath: 'blob:http://localhost/ok', fileType: 'video/mp4', size: 3_000_000, thumbTempFilePath: 'data:image/jpeg;base64,AA' })],
      })
      fireEvent.click(screen.getByLabelText('添加图片或视频'))
      await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2))
      expect(screen.queryByText('视频不能超过 10 MB，请拍短一些后重新选择')).toBeNull()
      expect(Taro.compressVideo).not.toHaveBeenCalled()
      const [url, init] = fetchMock.mock.calls[1]
      // PUT to the slot the function chose (no openid in the path or headers).
      expect(callsOf('prepareUpload').at(-1)).toEqual({ contentType: 'video/mp4' })
      expect(url).toMatch(/^\/cos\/uploads%2F\d{32}\.mp4$/)
      expect(init!.method).toBe('PUT')
      expect(init!.headers).toEqual(expect.objectContaining({ 'content-type': 'video/mp4' }))
      expect(JSON.stringify(init!.headers)).not.toContain('o-resident-01')

      await typeInto('问题描述', '信箱门掉了')
      await waitFor(() => expect(screen.queryByRole('status')).toBeNull())
      fireEvent.click(submitButton())
      await waitFor(() => expect(callsOf('create')).toHaveLength(1))
      expect(callsOf('create')[0].video).toMatch(/^cloud:\/\/linli-test\.bucket\/uploads\/\d{32}\.mp4$/)
    } finally {
      globalThis.fetch = realFetch
      setIdentityProvider(undefined)
    }
  })
})
