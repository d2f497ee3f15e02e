/** The check-in code as a QR (qrcode-generator: MIT, pure JS). H5: an SVG data URL; weapp: a GIF data URL. */
import qrcode from 'qrcode-generator'

export function qrDataUrl(text: string): string {
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  if (process.env.TARO_ENV === 'h5') {
    const n = qr.getModuleCount()
    const q = 4
    let d = ''
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.isDark(r, c)) d += `M${c + q} ${r + q}h1v1h-1z`
    const size = n + q * 2
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path d="${d}" fill="#000"/></svg>`
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
  }
  return qr.createDataURL(8, 32)
}
