/**
 * A QR code for the poster, drawn from `qrcode-generator` (MIT, pure JS, no dependencies).
 *
 * It encodes the notice's mini-program path as text. Production should swap in the official
 * mini-program code: `wxacode.getUnlimited` (cloud function, `scene` = the notice id,
 * `page` = 'pages/notice/index'), which WeChat's scanner opens directly in the mini-program.
 */
import qrcode from 'qrcode-generator'

/** Error correction M: survives a crease or a smudge on a printed bulletin board. */
function make(text: string) {
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  return qr
}

/** Dark modules, row by row. */
export function qrModules(text: string): boolean[][] {
  const qr = make(text)
  const n = qr.getModuleCount()
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)))
}

/** A crisp vector QR (one path, 4-module quiet zone) as an SVG document. */
export function qrSvg(text: string): string {
  const m = qrModules(text)
  const quiet = 4
  const size = m.length + quiet * 2
  let d = ''
  m.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (dark) d += `M${c + quiet} ${r + quiet}h1v1h-1z`
    }),
  )
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path d="${d}" fill="#000"/></svg>`
}

/**
 * An image URL of the QR: H5 an SVG data URL (sharp at any print size); weapp a GIF data URL
 * (the <image> component shows base64 GIFs), 8 px a module.
 */
export function qrDataUrl(text: string): string {
  if (process.env.TARO_ENV === 'h5') return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(qrSvg(text))}`
  return make(text).createDataURL(8, 32)
}
