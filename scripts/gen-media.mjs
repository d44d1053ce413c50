#!/usr/bin/env node
// Generates the placeholder images under mock/media/ (no dependencies; Node 20+).
//   - mock/media/covers/<file>.png: one cover per distinct `cover` in mock/articles.json
//   - mock/media/agent-wechat-qr.png: a QR-code-looking placeholder (encodes nothing)
// Usage: node scripts/gen-media.mjs
import { deflateSync } from 'node:zlib'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const mediaDir = join(root, 'mock', 'media')
const coversDir = join(mediaDir, 'covers')

// ---------------------------------------------------------------------------
// PNG encoder: signature, IHDR, optional PLTE, one IDAT, IEND; CRC32 per chunk.

const CRC_TABLE = (() => {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
})()

function crc32(buf) {
  let c = 0xffffffff
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type, data) {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'ascii')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

/**
 * @param {object} img
 * @param {number} img.width
 * @param {number} img.height
 * @param {number} img.bitDepth 1 or 8
 * @param {number} img.colorType 0 (greyscale) or 3 (palette)
 * @param {number[][]} [img.palette] [[r, g, b], ...] for colour type 3
 * @param {Buffer} img.scanlines packed rows, no filter bytes
 */
function encodePng({ width, height, bitDepth, colorType, palette, scanlines }) {
  const stride = Math.ceil((width * bitDepth) / 8)
  const raw = Buffer.alloc((stride + 1) * height)
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0 // filter: None (recommended for palette and 1-bit images)
    scanlines.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride)
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = bitDepth
  ihdr[9] = colorType
  ihdr[10] = 0 // deflate
  ihdr[11] = 0 // adaptive filtering
  ihdr[12] = 0 // no interlace
  const parts = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr)]
  if (colorType === 3) parts.push(chunk('PLTE', Buffer.from(palette.flat())))
  parts.push(chunk('IDAT', deflateSync(raw, { level: 9 })))
  parts.push(chunk('IEND', Buffer.alloc(0)))
  return Buffer.concat(parts)
}

// ---------------------------------------------------------------------------
// Small helpers: deterministic randomness and colour maths.

function hashString(s) {
  let h = 2166136261
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619)
  return h >>> 0
}

function rng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const hex = (s) => [1, 3, 5].map((i) => parseInt(s.slice(i, i + 2), 16))
const mix = (a, b, t) => a.map((v, i) => Math.round(v + (b[i] - v) * t))
const WHITE = [255, 255, 255]
const BLACK = [0, 0, 0]

// Two-colour gradients (top-left colour, bottom-right colour); one per cover, in order.
const GRADIENTS = [
  ['#4f8ef7', '#1f3c88'],
  ['#ff9a62', '#c2365a'],
  ['#36d1b7', '#1b6f8a'],
  ['#8e7cf0', '#3b2a7a'],
  ['#f6c453', '#d9632b'],
  ['#5fc3e4', '#2c4f9e'],
  ['#9bd37a', '#2f7a55'],
  ['#f58fb0', '#6a3d9a'],
  ['#7ad0f0', '#3a7bd5'],
  ['#ffb88c', '#de6262'],
  ['#66d4c2', '#3b5b92'],
  ['#c3a6ff', '#5b4bb7'],
  ['#f7d070', '#6b8e23'],
  ['#74b9ff', '#6c5ce7'],
  ['#ffa8a8', '#b33f62'],
  ['#95e1d3', '#23708c'],
]

// ---------------------------------------------------------------------------
// Covers: a diagonal gradient, a sun, a far skyline and near factory buildings.

const COVER_W = 750
const COVER_H = 420
const BANDS = 32 // gradient steps: palette indices 0..31
const SUN = 32
const FAR = 33
const NEAR = 34
const WINDOW = 35
const GROUND = 36
const ACCENT = 37

function coverPalette([top, bottom]) {
  const a = hex(top)
  const b = hex(bottom)
  const palette = []
  for (let i = 0; i < BANDS; i++) palette.push(mix(a, b, i / (BANDS - 1)))
  palette[SUN] = mix(a, WHITE, 0.55)
  palette[FAR] = mix(mix(a, b, 0.7), WHITE, 0.18)
  palette[NEAR] = mix(b, BLACK, 0.35)
  palette[WINDOW] = mix(a, WHITE, 0.7)
  palette[GROUND] = mix(b, BLACK, 0.55)
  palette[ACCENT] = mix(a, WHITE, 0.35)
  return palette
}

function drawCover(name, gradient) {
  const W = COVER_W
  const H = COVER_H
  const px = Buffer.alloc(W * H)
  const rand = rng(hashString(name))
  const between = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1))

  const rect = (x0, y0, x1, y1, c) => {
    x0 = Math.max(0, Math.round(x0))
    x1 = Math.min(W, Math.round(x1))
    y0 = Math.max(0, Math.round(y0))
    y1 = Math.min(H, Math.round(y1))
    for (let y = y0; y < y1; y++) px.fill(c, y * W + x0, y * W + x1)
  }
  const circle = (cx, cy, r, c) => {
    for (let y = Math.max(0, cy - r); y <= Math.min(H - 1, cy + r); y++) {
      const dx = Math.floor(Math.sqrt(r * r - (y - cy) * (y - cy)))
      rect(cx - dx, y, cx + dx + 1, y + 1, c)
    }
  }
  const windows = (x0, y0, x1, y1, cols, rows) => {
    const cw = (x1 - x0) / cols
    const rh = (y1 - y0) / rows
    for (let r = 0; r < rows; r++) {
      for (let k = 0; k < cols; k++) {
        if (rand() < 0.2) continue // a few dark windows
        rect(
          x0 + k * cw + cw * 0.25,
          y0 + r * rh + rh * 0.3,
          x0 + (k + 0.75) * cw,
          y0 + (r + 0.8) * rh,
          WINDOW,
        )
      }
    }
  }

  // Background: diagonal two-colour gradient in flat bands (compresses well).
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const t = (x / W) * 0.35 + (y / H) * 0.65
      px[y * W + x] = Math.min(BANDS - 1, Math.floor(t * BANDS))
    }
  }

  const groundY = H - between(34, 48)
  circle(between(W * 0.55, W * 0.85), between(70, 130), between(36, 58), SUN)

  // Far skyline: blocks of varying height, some with a stepped top.
  for (let x = -between(0, 30); x < W;) {
    const w = between(34, 72)
    const h = between(70, 190)
    rect(x, groundY - h, x + w - 4, groundY, FAR)
    if (rand() < 0.35) rect(x + w * 0.25, groundY - h - between(14, 30), x + w * 0.7, groundY - h, FAR)
    x += w
  }

  // Near layer: slots filled with a sawtooth-roof factory, an office tower or a warehouse.
  let x = between(10, 40)
  let placedFactory = false
  while (x < W - 60) {
    const kind =
      !placedFactory && (x > W * 0.3 || rand() < 0.5) ? 'factory' : rand() < 0.55 ? 'tower' : 'warehouse'
    if (kind === 'factory') {
      placedFactory = true
      const teeth = between(4, 6)
      const tooth = between(40, 52)
      const w = teeth * tooth
      const h = between(70, 100)
      const top = groundY - h
      const rise = between(22, 32)
      for (let cx = 0; cx < w; cx++) {
        const local = cx % tooth
        const roof = local < tooth * 0.8 ? (local / (tooth * 0.8)) * rise : rise
        rect(x + cx, top - roof, x + cx + 1, groundY, NEAR)
        if (local >= tooth * 0.8) rect(x + cx, top - rise + 4, x + cx + 1, top - 2, WINDOW) // roof glazing
      }
      const chimneys = between(1, 2)
      for (let i = 0; i < chimneys; i++) {
        const cx = x + between(10, w - 30)
        const ch = between(70, 130)
        rect(cx, top - ch, cx + 16, top, NEAR)
        rect(cx, top - ch + 12, cx + 16, top - ch + 20, ACCENT)
      }
      rect(x + 16, top + h * 0.35, x + w - 16, top + h * 0.35 + 10, ACCENT)
      windows(x + 16, top + h * 0.55, x + w - 16, groundY - 6, teeth * 2, 1)
      x += w + between(14, 30)
    } else if (kind === 'tower') {
      const w = between(60, 90)
      const h = between(170, 260)
      rect(x, groundY - h, x + w, groundY, NEAR)
      rect(x + w * 0.4, groundY - h - 22, x + w * 0.46, groundY - h, NEAR) // antenna
      windows(x + 8, groundY - h + 14, x + w - 8, groundY - 10, 4, Math.floor(h / 26))
      x += w + between(14, 30)
    } else {
      const w = between(90, 140)
      const h = between(50, 70)
      rect(x, groundY - h, x + w, groundY, NEAR)
      rect(x - 6, groundY - h - 8, x + w + 6, groundY - h, ACCENT) // flat roof edge
      for (let d = 0; d < Math.floor(w / 44); d++)
        rect(x + 12 + d * 44, groundY - 34, x + 42 + d * 44, groundY, WINDOW)
      x += w + between(14, 30)
    }
  }

  // Ground with a dashed road line.
  rect(0, groundY, W, H, GROUND)
  const roadY = groundY + Math.floor((H - groundY) / 2)
  for (let dx = between(0, 20); dx < W; dx += 56) rect(dx, roadY - 2, dx + 28, roadY + 2, ACCENT)

  return encodePng({
    width: W,
    height: H,
    bitDepth: 8,
    colorType: 3,
    palette: coverPalette(gradient),
    scanlines: px,
  })
}

// ---------------------------------------------------------------------------
// QR-looking placeholder: 29×29 modules (version-3 layout) with finder, timing and
// alignment patterns and random "data" modules; it encodes nothing.

function drawQr() {
  const SIZE = 280
  const N = 29
  const MOD = 8
  const MARGIN = (SIZE - N * MOD) / 2 // 24 px quiet zone
  const dark = Array.from({ length: N }, () => new Array(N).fill(false))
  const reserved = Array.from({ length: N }, () => new Array(N).fill(false))
  const rand = rng(hashString('agent-wechat-qr'))

  const finder = (r0, c0) => {
    for (let r = -1; r <= 7; r++) {
      for (let c = -1; c <= 7; c++) {
        const rr = r0 + r
        const cc = c0 + c
        if (rr < 0 || cc < 0 || rr >= N || cc >= N) continue
        reserved[rr][cc] = true
        const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3))
        dark[rr][cc] = ring === 3 || ring <= 1
      }
    }
  }
  finder(0, 0)
  finder(0, N - 7)
  finder(N - 7, 0)
  for (let i = 8; i < N - 8; i++) {
    dark[6][i] = dark[i][6] = i % 2 === 0
    reserved[6][i] = reserved[i][6] = true
  }
  for (let r = -2; r <= 2; r++) {
    for (let c = -2; c <= 2; c++) {
      const ring = Math.max(Math.abs(r), Math.abs(c))
      dark[22 + r][22 + c] = ring !== 1
      reserved[22 + r][22 + c] = true
    }
  }
  for (let r = 0; r < N; r++) {
    for (let c = 0; c < N; c++) if (!reserved[r][c]) dark[r][c] = rand() < 0.5
  }

  // 1-bit greyscale: bit 1 = white, 0 = black.
  const stride = SIZE / 8
  const bits = Buffer.alloc(stride * SIZE, 0xff)
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const r = Math.floor((y - MARGIN) / MOD)
      const c = Math.floor((x - MARGIN) / MOD)
      if (r >= 0 && c >= 0 && r < N && c < N && dark[r][c]) bits[y * stride + (x >> 3)] &= ~(0x80 >> (x & 7))
    }
  }
  return encodePng({ width: SIZE, height: SIZE, bitDepth: 1, colorType: 0, scanlines: bits })
}

// ---------------------------------------------------------------------------

const articles = JSON.parse(readFileSync(join(root, 'mock', 'articles.json'), 'utf8'))
const covers = [...new Set(articles.map((a) => a.cover).filter((c) => c.startsWith('/media/covers/')))]
  .map((c) => basename(c))
  .sort()

mkdirSync(coversDir, { recursive: true })
covers.forEach((file, i) => {
  const gradient =
    GRADIENTS[i] ??
    (() => {
      const r = rng(hashString(file))
      const pick = () =>
        '#' +
        [0, 0, 0]
          .map(() =>
            Math.floor(60 + r() * 180)
              .toString(16)
              .padStart(2, '0'),
          )
          .join('')
      return [pick(), pick()]
    })()
  const png = drawCover(file, gradient)
  writeFileSync(join(coversDir, file), png)
  console.log(`covers/${file}  ${png.length} bytes`)
})

const qr = drawQr()
writeFileSync(join(mediaDir, 'agent-wechat-qr.png'), qr)
console.log(`agent-wechat-qr.png  ${qr.length} bytes`)

writeFileSync(
  join(mediaDir, 'README.md'),
  'These images are generated placeholders (run `node scripts/gen-media.mjs` to rebuild them).\n',
)
