// Generates the tab bar icons (81x81 PNG, normal + active) under src/assets/tab/.
// Run: node config/tab-icons.mjs   (output is committed; the build does not run this)
import { deflateSync } from 'node:zlib'
import { writeFileSync, mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import path from 'node:path'

const SIZE = 81
const SS = 4 // supersampling per axis
const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'assets', 'tab')
const COLORS = { normal: [0x8a, 0x8f, 0x99], active: [0x1a, 0x9e, 0x75] }

// Signed-distance helpers in a 0..1 coordinate space (negative = inside).
const len = (x, y) => Math.hypot(x, y)
const box = (px, py, cx, cy, hw, hh, r = 0) => {
  const dx = Math.abs(px - cx) - hw + r
  const dy = Math.abs(py - cy) - hh + r
  return len(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0) - r
}
const circle = (px, py, cx, cy, r) => len(px - cx, py - cy) - r
const ring = (d, w) => Math.abs(d) - w / 2
const segment = (px, py, ax, ay, bx, by, w) => {
  const pax = px - ax,
    pay = py - ay,
    bax = bx - ax,
    bay = by - ay
  const h = Math.max(0, Math.min(1, (pax * bax + pay * bay) / (bax * bax + bay * bay)))
  return len(pax - bax * h, pay - bay * h) - w / 2
}
const union = (...ds) => Math.min(...ds)

const STROKE = 0.075
const shapes = {
  // House: roof lines + body outline + door.
  home: (x, y) =>
    union(
      segment(x, y, 0.12, 0.48, 0.5, 0.14, STROKE),
      segment(x, y, 0.5, 0.14, 0.88, 0.48, STROKE),
      ring(box(x, y, 0.5, 0.64, 0.27, 0.22, 0.04), STROKE),
      box(x, y, 0.5, 0.74, 0.07, 0.12, 0.02),
    ),
  // Clipboard with three lines: my requests.
  service: (x, y) =>
    union(
      ring(box(x, y, 0.5, 0.55, 0.3, 0.36, 0.06), STROKE),
      box(x, y, 0.5, 0.19, 0.12, 0.06, 0.03),
      segment(x, y, 0.34, 0.45, 0.66, 0.45, STROKE),
      segment(x, y, 0.34, 0.6, 0.66, 0.6, STROKE),
      segment(x, y, 0.34, 0.75, 0.54, 0.75, STROKE),
    ),
  // Calendar: events.
  events: (x, y) =>
    union(
      ring(box(x, y, 0.5, 0.56, 0.36, 0.32, 0.06), STROKE),
      segment(x, y, 0.14, 0.4, 0.86, 0.4, STROKE),
      segment(x, y, 0.33, 0.14, 0.33, 0.3, STROKE),
      segment(x, y, 0.67, 0.14, 0.67, 0.3, STROKE),
      circle(x, y, 0.36, 0.6, 0.055),
      circle(x, y, 0.5, 0.6, 0.055),
      circle(x, y, 0.64, 0.6, 0.055),
    ),
  // Person: head + shoulders.
  mine: (x, y) => union(ring(circle(x, y, 0.5, 0.33, 0.17), STROKE), ring(circle(x, y, 0.5, 0.98, 0.36), STROKE)),
}

function crc32(buf) {
  let c,
    crc = 0xffffffff
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    crc = (crc >>> 8) ^ c
  }
  return (crc ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(td))
  return Buffer.concat([len, td, crc])
}
function png(shape, [r, g, b]) {
  const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE)
  for (let py = 0; py < SIZE; py++) {
    raw[py * (SIZE * 4 + 1)] = 0
    for (let px = 0; px < SIZE; px++) {
      let cover = 0
      for (let sy = 0; sy < SS; sy++)
        for (let sx = 0; sx < SS; sx++) {
          const x = (px + (sx + 0.5) / SS) / SIZE
          const y = (py + (sy + 0.5) / SS) / SIZE
          if (y < 0.9 || shape !== shapes.mine) {
            if (shape(x, y) <= 0) cover++
          }
        }
      const o = py * (SIZE * 4 + 1) + 1 + px * 4
      raw[o] = r
      raw[o + 1] = g
      raw[o + 2] = b
      raw[o + 3] = Math.round((cover / (SS * SS)) * 255)
    }
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(SIZE, 0)
  ihdr.writeUInt32BE(SIZE, 4)
  ihdr[8] = 8
  ihdr[9] = 6
  ihdr[10] = 0
  ihdr[11] = 0
  ihdr[12] = 0
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

mkdirSync(OUT, { recursive: true })
for (const [name, shape] of Object.entries(shapes)) {
  for (const [state, color] of Object.entries(COLORS)) {
    const file = path.join(OUT, state === 'active' ? `${name}-active.png` : `${name}.png`)
    const buf = png(shape, color)
    writeFileSync(file, buf)
    console.log(path.relative(process.cwd(), file), buf.length, 'bytes')
  }
}
