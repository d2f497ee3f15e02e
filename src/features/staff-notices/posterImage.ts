/**
 * The poster as one image, for phones (production has no desktop to print from): drawn on a
 * canvas with the standard 2D API, then
 * - weapp: `Taro.canvasToTempFilePath` + `Taro.saveImageToPhotosAlbum` (album permission asked;
 *   a refusal explains how to allow it in Chinese and offers 设置);
 * - H5: a PNG download.
 */
import Taro from '@tarojs/taro'
import type { AnnouncementView } from '@/domain/announcements-api'
import { formatDate, formatDay, typeHeading, TYPE_TONE } from '@/features/notices'

/** 1080 × 1528: A4 portrait proportions, sharp enough for a phone screen or a print shop. */
export const POSTER_W = 1080
export const POSTER_H = 1528

const TONE_COLOR: Record<(typeof TYPE_TONE)[keyof typeof TYPE_TONE], string> = {
  danger: '#e5484d',
  warning: '#c77a0a',
  brand: '#1a9e75',
  info: '#2f6fd6',
  event: '#7b4fd6',
}
const FONT = `'PingFang SC', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif`

/** The 2D context calls used (a browser's and weapp's `type="2d"` canvas both have them). */
type Ctx = Pick<
  CanvasRenderingContext2D,
  'fillStyle' | 'font' | 'textAlign' | 'textBaseline' | 'strokeStyle' | 'lineWidth' | 'imageSmoothingEnabled' | 'fillRect' | 'fillText' | 'measureText' | 'drawImage' | 'strokeRect'
>

/** Lines of `text` that fit `width` (Chinese wraps anywhere). */
function wrap(ctx: Ctx, text: string, width: number): string[] {
  const lines: string[] = []
  for (const para of text.split(/\n+/).filter((p) => p.trim())) {
    let line = ''
    for (const ch of para.trim()) {
      if (ctx.measureText(line + ch).width > width && line) {
        lines.push(line)
        line = ch
      } else line += ch
    }
    if (line) lines.push(line)
  }
  return lines
}

export interface PosterContent {
  notice: AnnouncementView
  hotline?: string | null
  /** The mini-program code, loaded as an image the canvas can draw. */
  code: CanvasImageSource | null
}

/** Draws the poster: the band with the kind, the title, the body, the facts, the signature, the code. */
export function drawPoster(ctx: Ctx, { notice: n, hotline, code }: PosterContent): void {
  const accent = TONE_COLOR[TYPE_TONE[n.type]]
  const community = n.communityName || '本小区'
  const x = 90
  const w = POSTER_W - 2 * x
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, POSTER_W, POSTER_H)
  ctx.textBaseline = 'top'

  ctx.textAlign = 'center'
  ctx.fillStyle = '#555555'
  ctx.font = `34px ${FONT}`
  ctx.fillText(`${community}物业服务中心`, POSTER_W / 2, 60)
  ctx.fillStyle = accent
  ctx.font = `bold 96px ${FONT}`
  ctx.fillText(typeHeading(n.typeLabel), POSTER_W / 2, 116)
  ctx.fillRect(x, 240, w, 6)
  ctx.fillRect(x, 252, w, 2)

  ctx.fillStyle = '#1a1a1a'
  ctx.font = `bold 52px ${FONT}`
  let y = 290
  for (const line of wrap(ctx, n.title, w)) {
    ctx.fillText(line, POSTER_W / 2, y)
    y += 66
  }

  ctx.textAlign = 'left'
  ctx.font = `36px ${FONT}`
  y += 16
  ctx.fillText('尊敬的各位业主、住户：', x, y)
  y += 60
  const facts: [string, string][] = n.interruption
    ? [
        ['原　　因', n.interruption.reason],
        ['影响范围', n.scopeLabel],
        ['开始时间', formatDay(n.interruption.startAt)],
        ['预计恢复', formatDay(n.interruption.endAt)],
      ]
    : [['通知范围', n.scopeLabel]]
  // The body gets what the facts, the signature and the code leave.
  const bodyBottom = POSTER_H - 420 - facts.length * 56 - 40
  for (const line of wrap(ctx, n.body, w - 72)) {
    if (y > bodyBottom - 52) {
      ctx.fillText('……（详见小程序）', x + 72, y)
      y += 52
      break
    }
    ctx.fillText(line, x + 72, y)
    y += 52
  }

  y += 20
  ctx.font = `34px ${FONT}`
  for (const [label, value] of facts) {
    ctx.fillStyle = '#777777'
    ctx.fillText(label, x, y)
    ctx.fillStyle = '#1a1a1a'
    ctx.fillText(wrap(ctx, value, w - 200)[0] ?? '', x + 200, y)
    y += 56
  }

  ctx.textAlign = 'right'
  ctx.font = `34px ${FONT}`
  ctx.fillText(`${community}物业服务中心`, x + w, POSTER_H - 400)
  ctx.fillText(formatDate(n.publishedAt ?? n.publishAt ?? n.updatedAt), x + w, POSTER_H - 350)

  // The foot: the mini-program code and what it opens.
  const footY = POSTER_H - 290
  ctx.fillStyle = '#f5f6f8'
  ctx.fillRect(0, footY, POSTER_W, 290)
  const size = 240
  if (code) {
    ctx.imageSmoothingEnabled = false
    ctx.fillStyle = '#ffffff'
    ctx.fillRect(x - 10, footY + 15, size + 20, size + 20)
    ctx.drawImage(code, x, footY + 25, size, size)
  }
  ctx.textAlign = 'left'
  ctx.fillStyle = '#1a1a1a'
  ctx.font = `bold 44px ${FONT}`
  ctx.fillText('微信扫码查看', x + size + 50, footY + 60)
  ctx.fillStyle = '#555555'
  ctx.font = `30px ${FONT}`
  ctx.fillText('通知详情与最新进展', x + size + 50, footY + 130)
  if (hotline) ctx.fillText(`物业服务电话：${hotline}`, x + size + 50, footY + 180)
}

/** Why saving failed, in words for the person (album permission refused or anything else). */
export function saveFailure(err: unknown): 'denied' | 'cancelled' | 'failed' {
  const msg = String((err as { errMsg?: string })?.errMsg ?? (err as Error)?.message ?? '')
  if (/auth den|auth deny|authorize no response|permission/i.test(msg)) return 'denied'
  if (/cancel/i.test(msg)) return 'cancelled'
  return 'failed'
}

/** weapp: the exported poster to the album; a refused permission is explained, with the way to 设置. */
export async function saveToAlbum(canvas: unknown): Promise<boolean> {
  try {
    const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas, fileType: 'png' } as unknown as Taro.canvasToTempFilePath.Option)
    await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath })
    void Taro.showToast({ title: '已保存到相册', icon: 'success' })
    return true
  } catch (err) {
    const why = saveFailure(err)
    if (why === 'cancelled') return false
    if (why === 'denied') {
      const res = await Taro.showModal({
        title: '无法保存到相册',
        content: '保存海报需要「添加到相册」权限。请在设置中允许后再保存。',
        confirmText: '去设置',
        cancelText: '暂不',
      })
      if (res.confirm) await Taro.openSetting().catch(() => undefined)
      return false
    }
    void Taro.showToast({ title: '保存失败，请稍后重试', icon: 'none' })
    return false
  }
}

/** H5: the poster as a PNG download (the file name says which notice). */
export function downloadPng(canvas: HTMLCanvasElement, notice: AnnouncementView): void {
  const a = document.createElement('a')
  a.href = canvas.toDataURL('image/png')
  a.download = `${notice.communityName || ''}${typeHeading(notice.typeLabel)}-${notice.title}.png`
  document.body.appendChild(a)
  a.click()
  a.remove()
}
