#!/usr/bin/env node
// Generates the tab bar icons (81×81 PNG, grey and selected blue) into src/assets/tabbar/.
// Shapes are drawn as coverage functions over the unit square, 4×4 supersampled.
// Usage: node scripts/gen-icons.mjs
import { deflateSync } from 'node:zlib'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'assets', 'tabbar')
const SIZE = 81
const COLORS = { normal: [0x86, 0x90, 0x9c], active: [0x0b, 0x5c, 0xab] }

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (buf) => {
  let c = 0xffffffff
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
const chunk = (type, data) => {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'ascii')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}
function png(rgba) {
  const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE)
  for (let y = 0; y < SIZE; y++) rgba.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4)
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(SIZE, 0)
  ihdr.writeUInt32BE(SIZE, 4)
  ihdr.set([8, 6, 0, 0, 0], 8) // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

// Shape helpers over unit coordinates (0..1).
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r
const tri = (ax, ay, bx, by, cx, cy) => (x, y) => {
  const s = (px, py, qx, qy) => (x - qx) * (py - qy) - (px - qx) * (y - qy)
  const d1 = s(ax, ay, bx, by)
  const d2 = s(bx, by, cx, cy)
  const d3 = s(cx, cy, ax, ay)
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0))
}
const union =
  (...fs) =>
  (x, y) =>
    fs.some((f) => f(x, y))
const minus = (a, b) => (x, y) => a(x, y) && !b(x, y)

const ICONS = {
  // A house: roof and body with a door.
  home: union(
    tri(0.5, 0.14, 0.12, 0.5, 0.88, 0.5),
    minus(rect(0.22, 0.46, 0.78, 0.86), rect(0.43, 0.62, 0.57, 0.86)),
  ),
  // A factory: saw-tooth roof, body, chimney.
  parks: minus(
    union(
      rect(0.12, 0.5, 0.88, 0.86),
      tri(0.12, 0.5, 0.12, 0.3, 0.37, 0.5),
      tri(0.37, 0.5, 0.37, 0.3, 0.62, 0.5),
      rect(0.7, 0.18, 0.8, 0.5),
    ),
    union(rect(0.22, 0.62, 0.32, 0.74), rect(0.45, 0.62, 0.55, 0.74), rect(0.68, 0.62, 0.78, 0.74)),
  ),
  // A document with text lines.
  articles: minus(
    rect(0.2, 0.12, 0.8, 0.88),
    union(
      rect(0.3, 0.26, 0.7, 0.32),
      rect(0.3, 0.42, 0.7, 0.48),
      rect(0.3, 0.58, 0.7, 0.64),
      rect(0.3, 0.74, 0.56, 0.8),
    ),
  ),
  // A person: head and shoulders.
  mine: union(circle(0.5, 0.32, 0.17), minus(circle(0.5, 0.98, 0.4), rect(0, 0.9, 1, 1))),
}

mkdirSync(outDir, { recursive: true })
for (const [name, shape] of Object.entries(ICONS)) {
  for (const [variant, [r, g, b]] of Object.entries(COLORS)) {
    const rgba = Buffer.alloc(SIZE * SIZE * 4)
    for (let py = 0; py < SIZE; py++) {
      for (let px = 0; px < SIZE; px++) {
        let hits = 0
        for (let sy = 0; sy < 4; sy++)
          for (let sx = 0; sx < 4; sx++)
            if (shape((px + (sx + 0.5) / 4) / SIZE, (py + (sy + 0.5) / 4) / SIZE)) hits++
        const i = (py * SIZE + px) * 4
        rgba.set([r, g, b, Math.round((hits / 16) * 255)], i)
      }
    }
    const file = join(outDir, `${name}${variant === 'active' ? '-active' : ''}.png`)
    writeFileSync(file, png(rgba))
    console.log(file.replace(/.*src\//, 'src/'))
  }
}
