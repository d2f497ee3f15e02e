import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import NoticePosterPage from '@/staff/notice-poster/index'
import { qrModules, qrSvg } from '@/features/staff-notices'
import { drawPoster, saveToAlbum } from '@/features/staff-notices/posterImage'
import { CloudError } from '@/services/cloud'
import { callsOf, mockCloud } from './cloud-mock'
import { COMMUNITY, me, staff } from './fixtures'
import { generalNotice, notice } from './notice-fixtures'
import { router } from './taro-double'

afterEach(() => {
  router.params = {}
})

describe('公告海报', () => {
  const CODE = { scene: 'an-1', page: 'pages/notice/index', url: 'http://files.local/notice-codes/an-1.png' }

  it('prints the community, the kind, the title, the body, the interruption times, the scope, the date and the mini-program code', async () => {
    router.params = { id: 'an-1' }
    mockCloud({ me: () => me({ staff: staff(['desk']) }), 'announcements.get': () => notice(), posterCode: () => CODE })
    const { container } = render(<NoticePosterPage />)
    const poster = await screen.findByRole('document', { name: `${COMMUNITY.name}停水通知海报` })
    expect(callsOf('get')).toEqual([{ announcementId: 'an-1' }])
    const text = poster.textContent!
    expect(text).toContain(`${COMMUNITY.name}物业服务中心`)
    expect(text).toContain('停水通知')
    expect(text).toContain('1栋停水通知')
    expect(text).toContain('尊敬的各位业主、住户：')
    expect(text).toContain('因二次供水水箱年度清洗消毒')
    expect(text).toContain('二次供水水箱清洗消毒')
    expect(text).toContain('影响范围1栋')
    expect(text).toContain('开始时间11月29日（周日）09:00')
    expect(text).toContain('预计恢复11月29日（周日）15:00')
    expect(text).toContain('2026年11月28日')
    expect(poster.className).toContain('poster--danger')

    const qr = await screen.findByLabelText('小程序码：pages/notice/index?scene=an-1')
    const src = qr.getAttribute('src') ?? qr.querySelector('img')?.getAttribute('src') ?? ''
    expect(src).toBe(CODE.url)
    expect(callsOf('posterCode')).toEqual([{ announcementId: 'an-1' }])
    expect(container.textContent).toContain('微信扫码查看')
  })

  it('a notice without an interruption prints its scope', async () => {
    router.params = { id: 'an-2' }
    mockCloud({ me: () => me({ staff: staff(['desk']) }), 'announcements.get': () => generalNotice(), posterCode: () => CODE })
    render(<NoticePosterPage />)
    const poster = await screen.findByRole('document', { name: `${COMMUNITY.name}通知海报` })
    expect(poster.textContent).toContain('通知范围全小区')
    expect(poster.textContent).not.toContain('预计恢复')
  })
})

describe('poster code and image', () => {
  it('a code that failed for a passing reason offers 重试; a refusal does not', async () => {
    router.params = { id: 'an-1' }
    let fail: CloudError | null = new CloudError('INTERNAL', '小程序码生成失败，请稍后重试')
    const CODE = { scene: 'an-1', page: 'pages/notice/index', url: 'http://files.local/c.png' }
    mockCloud({
      me: () => me({ staff: staff(['desk']) }),
      'announcements.get': () => notice(),
      posterCode: () => {
        if (fail) throw fail
        return CODE
      },
    })
    const { unmount } = render(<NoticePosterPage />)
    expect(await screen.findByText('小程序码生成失败，请稍后重试')).toBeTruthy()
    expect(screen.getByText(/^(下载图片|保存到相册)$/).closest('.nut-button')?.className).toContain('nut-button-disabled')
    fail = null
    fireEvent.click(screen.getByText('重试'))
    expect(await screen.findByLabelText('小程序码：pages/notice/index?scene=an-1')).toBeTruthy()
    unmount()

    fail = new CloudError('CONFLICT', '草稿、待审核或已撤回的公告不能生成海报')
    render(<NoticePosterPage />)
    expect(await screen.findByText('草稿、待审核或已撤回的公告不能生成海报')).toBeTruthy()
    expect(screen.queryByText('重试')).toBeNull()
  })

  it('a notice that cannot be read is not retried', async () => {
    router.params = { id: 'an-x' }
    mockCloud({
      me: () => me({ staff: staff(['desk']) }),
      'announcements.get': () => {
        throw new CloudError('NOT_FOUND', '公告不存在或已撤回')
      },
      posterCode: () => {
        throw new CloudError('NOT_FOUND', '公告不存在')
      },
    })
    render(<NoticePosterPage />)
    expect(await screen.findByText('公告不存在或已撤回')).toBeTruthy()
    expect(screen.queryByText('重试')).toBeNull()
  })

  it('draws the title, the times and the code onto the image', () => {
    const texts: string[] = []
    const images: unknown[] = []
    const ctx: any = {
      measureText: (t: string) => ({ width: t.length * 30 }),
      fillRect: jest.fn(),
      fillText: (t: string) => texts.push(t),
      drawImage: (img: unknown) => images.push(img),
    }
    const code = { tag: 'code' }
    drawPoster(ctx, { notice: notice(), hotline: '021-62880000', code: code as any })
    expect(texts).toEqual(expect.arrayContaining(['停水通知', '1栋停水通知', '11月29日（周日）09:00', '11月29日（周日）15:00', '微信扫码查看', '物业服务电话：021-62880000']))
    expect(images).toEqual([code])
  })

  it('weapp: saves to the album; a refused album permission is explained and offers 设置', async () => {
    expect(await saveToAlbum({})).toBe(true)
    expect(Taro.saveImageToPhotosAlbum).toHaveBeenLastCalledWith({ filePath: 'wxfile://tmp/poster.png' })
    expect(Taro.showToast).toHaveBeenLastCalledWith({ title: '已保存到相册', icon: 'success' })

    ;(Taro.saveImageToPhotosAlbum as jest.Mock).mockRejectedValueOnce({ errMsg: 'saveImageToPhotosAlbum:fail auth deny' })
    expect(await saveToAlbum({})).toBe(false)
    expect(Taro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '无法保存到相册', confirmText: '去设置' }))
    expect(Taro.openSetting).toHaveBeenCalled()

    ;(Taro.saveImageToPhotosAlbum as jest.Mock).mockRejectedValueOnce({ errMsg: 'saveImageToPhotosAlbum:fail cancel' })
    const modals = (Taro.showModal as jest.Mock).mock.calls.length
    expect(await saveToAlbum({})).toBe(false)
    expect((Taro.showModal as jest.Mock).mock.calls.length).toBe(modals)
  })
})

describe('QR code', () => {
  it('is a real QR symbol: square, version-sized, with the three finder patterns', () => {
    const m = qrModules('/pages/notice/index?id=an-69ad372861a1b2ebb9860627')
    const n = m.length
    expect(m.every((row) => row.length === n)).toBe(true)
    expect((n - 17) % 4).toBe(0)
    // A finder: 7×7 dark ring, light ring, 3×3 dark core.
    const finder = (r0: number, c0: number) => {
      for (let r = 0; r < 7; r++)
        for (let c = 0; c < 7; c++) {
          const ring = r === 0 || r === 6 || c === 0 || c === 6
          const core = r >= 2 && r <= 4 && c >= 2 && c <= 4
          expect(m[r0 + r][c0 + c]).toBe(ring || core)
        }
    }
    finder(0, 0)
    finder(0, n - 7)
    finder(n - 7, 0)
    expect(qrSvg('x')).toMatch(/^<svg [^>]*viewBox="0 0 29 29"/)
  })
})
