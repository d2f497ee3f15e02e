import { render, screen } from '@testing-library/react'
import NoticePosterPage from '@/staff/notice-poster/index'
import { qrModules, qrSvg } from '@/features/staff-notices'
import { callsOf, mockCloud } from './cloud-mock'
import { COMMUNITY, me, staff } from './fixtures'
import { generalNotice, notice } from './notice-fixtures'
import { router } from './taro-double'

afterEach(() => {
  router.params = {}
})

describe('公告海报', () => {
  it('prints the community, the kind, the title, the body, the interruption times, the scope, the date and a QR code', async () => {
    router.params = { id: 'an-1' }
    mockCloud({ me: () => me({ staff: staff(['desk']) }), 'announcements.get': () => notice() })
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

    const qr = screen.getByLabelText('二维码：/pages/notice/index?id=an-1')
    const src = qr.getAttribute('src') ?? qr.querySelector('img')?.getAttribute('src') ?? ''
    expect(src).toMatch(/^data:image\/(gif;base64|svg\+xml)/)
    expect(container.textContent).toContain('微信扫码查看')
  })

  it('a notice without an interruption prints its scope', async () => {
    router.params = { id: 'an-2' }
    mockCloud({ me: () => me({ staff: staff(['desk']) }), 'announcements.get': () => generalNotice() })
    render(<NoticePosterPage />)
    const poster = await screen.findByRole('document', { name: `${COMMUNITY.name}通知海报` })
    expect(poster.textContent).toContain('通知范围全小区')
    expect(poster.textContent).not.toContain('预计恢复')
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
