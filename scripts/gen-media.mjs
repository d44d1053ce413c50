#!/usr/bin/env node
// Generates the placeholder images under mock/media/ (no dependencies; Node 20+).
//   - mock/media/covers/<file>.png: one cover per distinct `cover` in mock/articles.json
//   - mock/media/agent-wechat-qr.png: a QR-code-looking placeholder (encodes nothing)
//   - mock/media/parks/<file>.png: 12 listing photos (factory halls, warehouses, offices, land),
//     750×500, shared by the parks in mock/parks.json; every photo a park names must be one
// Usage: node scripts/gen-media.mjs
// Outputs are deterministic: the same script writes the same bytes.
import { deflateSync } from 'node:zlib'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const mediaDir = join(root, 'mock', 'media')
const coversDir = join(mediaDir, 'covers')
const parksDir = join(mediaDir, 'parks')

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
// Park photos: flat-colour scenes on a 750×500 canvas. Each scene draws into palette
// indices; `paint` hands out one index per named colour.

const PHOTO_W = 750
const PHOTO_H = 500
const SKY_BANDS = 24

function makeCanvas(name, skyTop, skyBottom) {
  const W = PHOTO_W
  const H = PHOTO_H
  const px = Buffer.alloc(W * H)
  const palette = []
  const top = hex(skyTop)
  const bottom = hex(skyBottom)
  for (let i = 0; i < SKY_BANDS; i++) palette.push(mix(top, bottom, i / (SKY_BANDS - 1)))
  const named = new Map()
  /** Palette index of a colour (#rrggbb or [r, g, b]); the same colour gets the same index. */
  const paint = (colour) => {
    const rgb = typeof colour === 'string' ? hex(colour) : colour
    const key = rgb.join(',')
    if (!named.has(key)) {
      if (palette.length >= 256) throw new Error(`${name}: palette full`)
      named.set(key, palette.length)
      palette.push(rgb)
    }
    return named.get(key)
  }
  const rand = rng(hashString(`park:${name}`))
  const between = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1))

  const rect = (x0, y0, x1, y1, c) => {
    x0 = Math.max(0, Math.round(x0))
    x1 = Math.min(W, Math.round(x1))
    y0 = Math.max(0, Math.round(y0))
    y1 = Math.min(H, Math.round(y1))
    for (let y = y0; y < y1; y++) if (x1 > x0) px.fill(c, y * W + x0, y * W + x1)
  }
  /** Even-odd scanline fill of a polygon given as [[x, y], ...]. */
  const poly = (points, c) => {
    const ys = points.map((p) => p[1])
    const y0 = Math.max(0, Math.floor(Math.min(...ys)))
    const y1 = Math.min(H - 1, Math.ceil(Math.max(...ys)))
    for (let y = y0; y <= y1; y++) {
      const sy = y + 0.5
      const xs = []
      for (let i = 0; i < points.length; i++) {
        const [ax, ay] = points[i]
        const [bx, by] = points[(i + 1) % points.length]
        if (ay === by || sy < Math.min(ay, by) || sy >= Math.max(ay, by)) continue
        xs.push(ax + ((sy - ay) * (bx - ax)) / (by - ay))
      }
      xs.sort((a, b) => a - b)
      for (let i = 0; i + 1 < xs.length; i += 2) rect(xs[i], y, xs[i + 1], y + 1, c)
    }
  }
  /** A straight stroke of width `w`. */
  const line = (ax, ay, bx, by, w, c) => {
    const len = Math.hypot(bx - ax, by - ay) || 1
    const nx = ((by - ay) / len) * (w / 2)
    const ny = (-(bx - ax) / len) * (w / 2)
    poly(
      [
        [ax + nx, ay + ny],
        [bx + nx, by + ny],
        [bx - nx, by - ny],
        [ax - nx, ay - ny],
      ],
      c,
    )
  }
  const circle = (cx, cy, r, c) => {
    for (let y = Math.max(0, Math.floor(cy - r)); y <= Math.min(H - 1, Math.ceil(cy + r)); y++) {
      const d = r * r - (y - cy) * (y - cy)
      if (d < 0) continue
      const dx = Math.sqrt(d)
      rect(cx - dx, y, cx + dx + 1, y + 1, c)
    }
  }
  /** Vertical sky gradient in flat bands down to `horizon`. */
  const sky = (horizon) => {
    for (let y = 0; y < horizon; y++) {
      const band = Math.min(SKY_BANDS - 1, Math.floor((y / horizon) * SKY_BANDS))
      px.fill(band, y * W, (y + 1) * W)
    }
  }
  const tree = (x, groundY, size, leaf, trunk) => {
    rect(x - size * 0.08, groundY - size * 0.9, x + size * 0.08, groundY, trunk)
    circle(x, groundY - size, size * 0.45, leaf)
    circle(x - size * 0.25, groundY - size * 0.8, size * 0.32, leaf)
    circle(x + size * 0.25, groundY - size * 0.8, size * 0.32, leaf)
  }
  const truck = (x, groundY, scale, box, cab, wheel) => {
    const s = scale
    rect(x, groundY - 62 * s, x + 120 * s, groundY - 12 * s, box)
    rect(x + 122 * s, groundY - 44 * s, x + 156 * s, groundY - 12 * s, cab)
    rect(x + 140 * s, groundY - 40 * s, x + 154 * s, groundY - 28 * s, paint('#d8ecf7'))
    for (const wx of [18, 46, 136]) circle(x + wx * s, groundY - 9 * s, 10 * s, wheel)
  }
  const skyline = (groundY, c, lo, hi) => {
    for (let x = -between(0, 20); x < W;) {
      const w = between(30, 70)
      rect(x, groundY - between(lo, hi), x + w - 5, groundY, c)
      x += w
    }
  }
  const windowGrid = (x0, y0, x1, y1, cols, rows, c, gap = 0.3) => {
    const cw = (x1 - x0) / cols
    const rh = (y1 - y0) / rows
    for (let r = 0; r < rows; r++) {
      for (let k = 0; k < cols; k++) {
        rect(
          x0 + k * cw + cw * gap * 0.5,
          y0 + r * rh + rh * gap * 0.5,
          x0 + (k + 1) * cw - cw * gap * 0.5,
          y0 + (r + 1) * rh - rh * gap * 0.5,
          c,
        )
      }
    }
  }
  const encode = () => encodePng({ width: W, height: H, bitDepth: 8, colorType: 3, palette, scanlines: px })
  return {
    W,
    H,
    px,
    paint,
    rand,
    between,
    rect,
    poly,
    line,
    circle,
    sky,
    tree,
    truck,
    skyline,
    windowGrid,
    encode,
  }
}

const PARK_SCENES = {
  // Single-storey hall with a sawtooth roof, roller doors and a truck at the apron.
  'factory-sawtooth': (g) => {
    const ground = 380
    g.sky(ground)
    g.skyline(ground, g.paint('#b9c9dc'), 40, 120)
    const wall = g.paint('#e9edf2')
    const roof = g.paint('#8a97a8')
    const glaze = g.paint('#cfe4f5')
    const door = g.paint('#7d8896')
    const stripe = g.paint('#3f6fb5')
    const x0 = 40
    const x1 = 690
    const top = 230
    g.rect(x0, top, x1, ground, wall)
    const tooth = 65
    for (let x = x0; x < x1; x += tooth) {
      g.poly(
        [
          [x, top],
          [x + tooth * 0.8, top - 45],
          [x + tooth * 0.8, top],
        ],
        roof,
      )
      g.rect(x + tooth * 0.8, top - 45, x + tooth, top, glaze)
    }
    g.rect(x0, top + 20, x1, top + 32, stripe)
    for (let x = x0 + 40; x < x1 - 80; x += 150) {
      g.rect(x, 300, x + 90, ground, door)
      for (let y = 304; y < ground; y += 8) g.rect(x + 4, y, x + 86, y + 2, wall)
    }
    g.rect(0, ground, 750, 500, g.paint('#9aa3ad'))
    g.rect(0, ground + 40, 750, ground + 44, g.paint('#f4f4f4'))
    g.truck(470, 470, 1.1, g.paint('#f2f2f2'), g.paint('#d1493f'), g.paint('#2b2b2b'))
    g.tree(720, ground, 70, g.paint('#5a9b5e'), g.paint('#6b4f3a'))
  },

  // A four-storey standard factory block with window bands and a goods-lift tower.
  'factory-standard': (g) => {
    const ground = 400
    g.sky(ground)
    g.skyline(ground, g.paint('#c3cfdd'), 30, 90)
    const wall = g.paint('#f1efe9')
    const band = g.paint('#5e7fa8')
    const edge = g.paint('#b7b2a6')
    const glass = g.paint('#a8cbe6')
    g.rect(90, 130, 640, ground, wall)
    g.rect(84, 122, 646, 132, edge)
    for (let floor = 0; floor < 4; floor++) {
      const y = 150 + floor * 62
      g.rect(90, y, 640, y + 26, band)
      g.windowGrid(100, y + 3, 630, y + 23, 14, 1, glass, 0.25)
    }
    g.rect(560, 90, 640, ground, g.paint('#d9d4c8'))
    g.rect(585, 340, 615, ground, g.paint('#6f6a60'))
    g.rect(120, 350, 220, ground, g.paint('#7d8896'))
    g.rect(250, 350, 350, ground, g.paint('#7d8896'))
    g.rect(0, ground, 750, 500, g.paint('#a3a9ae'))
    for (let x = 20; x < 750; x += 90) g.tree(x, ground + 4, 42, g.paint('#4f8f57'), g.paint('#6b4f3a'))
  },

  // Inside a hall: one-point perspective, columns, roof trusses, skylight and a crane beam.
  'factory-interior': (g) => {
    const vx = 375
    const vy = 230
    g.rect(0, 0, 750, 500, g.paint('#dfe3e8'))
    const floor = g.paint('#9da5ad')
    const wallL = g.paint('#c9ced4')
    const wallR = g.paint('#bfc5cc')
    const steel = g.paint('#4b5a6b')
    const light = g.paint('#f7f3d9')
    const crane = g.paint('#e0a526')
    g.poly(
      [
        [0, 500],
        [750, 500],
        [vx + 70, vy + 40],
        [vx - 70, vy + 40],
      ],
      floor,
    )
    g.poly(
      [
        [0, 0],
        [vx - 70, vy - 60],
        [vx - 70, vy + 40],
        [0, 500],
      ],
      wallL,
    )
    g.poly(
      [
        [750, 0],
        [vx + 70, vy - 60],
        [vx + 70, vy + 40],
        [750, 500],
      ],
      wallR,
    )
    g.rect(vx - 70, vy - 60, vx + 70, vy + 40, g.paint('#eef1f4'))
    g.poly(
      [
        [300, 0],
        [450, 0],
        [vx + 20, vy - 60],
        [vx - 20, vy - 60],
      ],
      light,
    )
    for (let i = 0; i < 6; i++) {
      const t = Math.pow(0.62, i)
      const lx = vx - 70 - (vx - 70) * t
      const rx = vx + 70 + (750 - vx - 70) * t
      const topY = vy - 60 - (vy - 60) * t
      const botY = vy + 40 + (500 - vy - 40) * t
      g.line(lx, topY, lx, botY, 14 * t + 2, steel)
      g.line(rx, topY, rx, botY, 14 * t + 2, steel)
      g.line(lx, topY, rx, topY, 6 * t + 1, steel)
      g.line(lx, botY, rx, botY, 1 + 2 * t, g.paint('#f0c419'))
    }
    g.rect(0, 118, 750, 136, crane)
    g.rect(350, 136, 400, 160, crane)
    g.line(375, 160, 375, 230, 3, steel)
    g.rect(355, 230, 395, 250, g.paint('#3a3a3a'))
  },

  // A gated campus of standalone buildings along a road, with trees.
  'factory-campus': (g) => {
    const ground = 330
    g.sky(ground)
    const colours = ['#e8e4da', '#dfe6ee', '#efe9e1']
    for (let i = 0; i < 3; i++) {
      const x = 30 + i * 240
      const h = g.between(110, 150)
      g.rect(x, ground - h, x + 200, ground, g.paint(colours[i]))
      g.rect(x, ground - h, x + 200, ground - h + 12, g.paint('#8c96a3'))
      g.windowGrid(x + 12, ground - h + 24, x + 188, ground - 50, 8, 2, g.paint('#9cc2e2'))
      g.rect(x + 70, ground - 45, x + 130, ground, g.paint('#7d8896'))
    }
    g.rect(0, ground, 750, 500, g.paint('#8fbf7a'))
    g.poly(
      [
        [300, 500],
        [450, 500],
        [400, ground],
        [350, ground],
      ],
      g.paint('#9aa3ad'),
    )
    g.rect(330, ground + 20, 420, ground + 30, g.paint('#c0392b'))
    for (let x = 20; x < 750; x += 70)
      if (x < 280 || x > 470) g.tree(x, ground + 60, 50, g.paint('#3f8a4c'), g.paint('#6b4f3a'))
  },

  // A long logistics shed with dock doors, a canopy and trucks backed up to it.
  'warehouse-docks': (g) => {
    const ground = 370
    g.sky(ground)
    g.skyline(ground, g.paint('#c5d2e0'), 20, 70)
    const wall = g.paint('#dde3ea')
    const roof = g.paint('#7f8c9b')
    g.rect(20, 200, 730, ground, wall)
    g.poly(
      [
        [10, 200],
        [740, 200],
        [730, 180],
        [20, 180],
      ],
      roof,
    )
    g.rect(20, 255, 730, 265, g.paint('#96a2af'))
    for (let x = 40; x < 700; x += 75) {
      g.rect(x, 275, x + 55, ground - 20, g.paint('#5c6775'))
      g.rect(x - 4, ground - 20, x + 59, ground, g.paint('#3e4650'))
    }
    g.rect(0, ground, 750, 500, g.paint('#9ea6ae'))
    for (let x = 0; x < 750; x += 75) g.rect(x + 65, ground + 10, x + 69, 500, g.paint('#f2d24b'))
    g.truck(60, 480, 0.9, g.paint('#f4f4f4'), g.paint('#2f6db3'), g.paint('#222222'))
    g.truck(330, 480, 0.9, g.paint('#f4f4f4'), g.paint('#e07b24'), g.paint('#222222'))
  },

  // Inside a high-bay store: an aisle between pallet racks, in perspective.
  'warehouse-highbay': (g) => {
    const vx = 375
    const vy = 210
    g.rect(0, 0, 750, 500, g.paint('#e4e7eb'))
    g.poly(
      [
        [0, 500],
        [750, 500],
        [vx + 40, vy + 30],
        [vx - 40, vy + 30],
      ],
      g.paint('#a7adb3'),
    )
    const upright = g.paint('#2f5f9e')
    const beam = g.paint('#e07b24')
    const boxes = ['#c8a06a', '#b88c55', '#d8b883', '#9c7a4c'].map((c) => g.paint(c))
    for (const side of [-1, 1]) {
      for (let i = 0; i < 7; i++) {
        const t = Math.pow(0.7, i)
        const t2 = Math.pow(0.7, i + 1)
        const x = vx + side * (40 + 280 * t)
        const x2 = vx + side * (40 + 280 * t2)
        const top = vy - 180 * t
        const bot = vy + 30 + 260 * t
        const top2 = vy - 180 * t2
        const bot2 = vy + 30 + 260 * t2
        for (let level = 0; level < 4; level++) {
          const f = level / 4
          const f2 = (level + 0.8) / 4
          const yA = bot - (bot - top) * f
          const yB = bot - (bot - top) * f2
          const yA2 = bot2 - (bot2 - top2) * f
          const yB2 = bot2 - (bot2 - top2) * f2
          g.poly(
            [
              [x, yA],
              [x2, yA2],
              [x2, yB2],
              [x, yB],
            ],
            boxes[(i + level) % boxes.length],
          )
          g.line(x, yA, x2, yA2, 3 * t + 1, beam)
        }
        g.line(x, top, x, bot, 8 * t + 2, upright)
      }
    }
    g.rect(vx - 2, 0, vx + 2, 40, g.paint('#f7f3d9'))
  },

  // Glass office towers over a plaza.
  'office-tower': (g) => {
    const ground = 420
    g.sky(ground)
    g.skyline(ground, g.paint('#c9d6e6'), 60, 160)
    const glassA = g.paint('#5d8fc4')
    const glassB = g.paint('#7fb0dd')
    const frame = g.paint('#e9eef4')
    g.rect(120, 60, 330, ground, glassA)
    g.windowGrid(120, 60, 330, ground, 7, 24, glassB, 0.18)
    g.rect(120, 50, 330, 62, frame)
    g.rect(400, 150, 620, ground, g.paint('#8fb7dc'))
    g.windowGrid(400, 150, 620, ground, 8, 16, g.paint('#b9d6ef'), 0.2)
    g.rect(400, 140, 620, 152, frame)
    g.rect(0, ground, 750, 500, g.paint('#c8c2b6'))
    for (let x = 0; x < 750; x += 50) g.rect(x, ground + 30, x + 25, ground + 32, g.paint('#b3ad9f'))
    g.tree(60, ground + 5, 55, g.paint('#4d8f5a'), g.paint('#6b4f3a'))
    g.tree(690, ground + 5, 55, g.paint('#4d8f5a'), g.paint('#6b4f3a'))
  },

  // Low-rise R&D buildings with window bands, a lawn and trees.
  'office-campus': (g) => {
    const ground = 360
    g.sky(ground)
    const wall = g.paint('#f3f1ec')
    const band = g.paint('#6d9bc3')
    g.rect(60, 200, 380, ground, wall)
    g.rect(420, 160, 700, ground, wall)
    for (const [x0, x1, top] of [
      [60, 380, 200],
      [420, 700, 160],
    ]) {
      for (let y = top + 18; y < ground - 20; y += 44) {
        g.rect(x0, y, x1, y + 22, band)
        g.windowGrid(x0 + 6, y + 2, x1 - 6, y + 20, 10, 1, g.paint('#a9cdea'), 0.15)
      }
      g.rect(x0 - 6, top - 8, x1 + 6, top, g.paint('#9aa4ae'))
    }
    g.rect(0, ground, 750, 500, g.paint('#86b96f'))
    g.poly(
      [
        [0, 470],
        [750, 420],
        [750, 440],
        [0, 490],
      ],
      g.paint('#d9d4c7'),
    )
    for (let x = 30; x < 750; x += 110) g.tree(x, ground + 20, 60, g.paint('#3f8a4c'), g.paint('#6b4f3a'))
  },

  // A bright shared office: a window wall, rows of desks and pendant lamps.
  'office-coworking': (g) => {
    g.rect(0, 0, 750, 500, g.paint('#f4f1ea'))
    g.rect(0, 40, 750, 260, g.paint('#bcd9ef'))
    for (let x = 0; x <= 750; x += 125) g.rect(x - 4, 40, x + 4, 260, g.paint('#5f6b78'))
    g.rect(0, 150, 750, 156, g.paint('#5f6b78'))
    g.rect(0, 260, 750, 500, g.paint('#c9b497'))
    for (let x = 0; x < 750; x += 60) g.line(x, 500, 375 + (x - 375) * 0.3, 260, 2, g.paint('#bda686'))
    const desk = g.paint('#fafafa')
    const legs = g.paint('#4a4a4a')
    const screen = g.paint('#2d3e50')
    for (const [y, w] of [
      [330, 520],
      [420, 650],
    ]) {
      const x0 = 375 - w / 2
      g.rect(x0, y, x0 + w, y + 14, desk)
      g.rect(x0 + 10, y + 14, x0 + 16, y + 60, legs)
      g.rect(x0 + w - 16, y + 14, x0 + w - 10, y + 60, legs)
      for (let k = 0; k < 5; k++) {
        const sx = x0 + 30 + (k * (w - 60)) / 4 - 22
        g.rect(sx, y - 36, sx + 44, y - 6, screen)
        g.rect(sx + 19, y - 6, sx + 25, y, legs)
      }
    }
    for (let x = 125; x < 750; x += 125) {
      g.line(x, 0, x, 30, 2, legs)
      g.poly(
        [
          [x - 22, 44],
          [x + 22, 44],
          [x + 12, 30],
          [x - 12, 30],
        ],
        g.paint('#e0a526'),
      )
    }
  },

  // An open plot behind a fence, a sign board and a distant skyline.
  'land-plot': (g) => {
    const horizon = 300
    g.sky(horizon)
    g.skyline(horizon, g.paint('#b8c6d8'), 30, 110)
    g.rect(0, horizon, 750, 500, g.paint('#b9a37a'))
    for (let y = horizon + 12; y < 500; y += 26) g.rect(0, y, 750, y + 6, g.paint('#a8916a'))
    g.rect(0, horizon, 750, horizon + 30, g.paint('#8fae6a'))
    const post = g.paint('#6f6a60')
    for (let x = 10; x < 750; x += 50) g.rect(x, 395, x + 6, 455, post)
    g.rect(0, 405, 750, 408, post)
    g.rect(0, 430, 750, 433, post)
    g.rect(480, 320, 486, 410, post)
    g.rect(600, 320, 606, 410, post)
    g.rect(470, 300, 616, 360, g.paint('#2f6db3'))
    g.rect(482, 314, 604, 322, g.paint('#ffffff'))
    g.rect(482, 332, 580, 338, g.paint('#ffffff'))
  },

  // Land from above: parcels in greens and browns, roads and a river.
  'land-aerial': (g) => {
    const fields = ['#9cc47f', '#b4cf86', '#c9b88a', '#8db870', '#d4c49a', '#a7c98f'].map((c) => g.paint(c))
    g.rect(0, 0, 750, 500, fields[0])
    for (let y = 0; y < 500; y += 100) {
      for (let x = 0; x < 750; x += 125) {
        g.rect(x + 6, y + 6, x + 119, y + 94, fields[g.between(0, fields.length - 1)])
      }
    }
    g.rect(250, 200, 500, 300, g.paint('#e8e0cf'))
    g.rect(262, 212, 488, 288, g.paint('#d9cdb3'))
    g.line(250, 200, 500, 200, 4, g.paint('#d1493f'))
    g.line(250, 300, 500, 300, 4, g.paint('#d1493f'))
    g.line(250, 200, 250, 300, 4, g.paint('#d1493f'))
    g.line(500, 200, 500, 300, 4, g.paint('#d1493f'))
    const road = g.paint('#8e949a')
    g.rect(0, 306, 750, 320, road)
    g.rect(506, 0, 520, 500, road)
    g.line(0, 60, 750, 150, 26, g.paint('#6fa8d6'))
  },

  // A plot being built: a tower crane, an excavator and heaps of soil.
  'land-construction': (g) => {
    const ground = 360
    g.sky(ground)
    g.skyline(ground, g.paint('#c4d1e0'), 30, 90)
    g.rect(0, ground, 750, 500, g.paint('#b79f74'))
    const yellow = g.paint('#e8b021')
    g.line(200, ground, 200, 80, 14, yellow)
    for (let y = 90; y < ground; y += 24) g.line(194, y, 206, y + 24, 2, g.paint('#9a7414'))
    g.line(80, 80, 560, 80, 10, yellow)
    g.line(200, 40, 80, 80, 3, yellow)
    g.line(200, 40, 560, 80, 3, yellow)
    g.rect(186, 30, 214, 80, yellow)
    g.rect(90, 80, 130, 120, g.paint('#7a7a7a'))
    g.line(470, 84, 470, 220, 2, g.paint('#3a3a3a'))
    g.rect(452, 220, 488, 240, g.paint('#8c8c8c'))
    g.poly(
      [
        [420, ground + 40],
        [640, ground + 40],
        [580, ground - 20],
        [470, ground - 10],
      ],
      g.paint('#9b8258'),
    )
    g.rect(90, ground + 20, 230, ground + 60, g.paint('#d98b1f'))
    g.rect(150, ground - 20, 210, ground + 20, g.paint('#d98b1f'))
    g.line(210, ground - 10, 290, ground - 60, 10, g.paint('#d98b1f'))
    g.line(290, ground - 60, 320, ground + 10, 8, g.paint('#d98b1f'))
    g.rect(80, ground + 60, 240, ground + 76, g.paint('#3a3a3a'))
  },
}

// Sky colours per scene (interiors ignore them).
const PARK_SKIES = {
  'factory-sawtooth': ['#8ec5f0', '#dff0fb'],
  'factory-standard': ['#7db8e8', '#e6f2fb'],
  'factory-interior': ['#ffffff', '#ffffff'],
  'factory-campus': ['#9cc9ee', '#eef6fc'],
  'warehouse-docks': ['#86b9e3', '#e3eff9'],
  'warehouse-highbay': ['#ffffff', '#ffffff'],
  'office-tower': ['#6fa9dd', '#d9ebf8'],
  'office-campus': ['#94c4ec', '#e9f3fb'],
  'office-coworking': ['#ffffff', '#ffffff'],
  'land-plot': ['#a4cdee', '#f1f7fc'],
  'land-aerial': ['#ffffff', '#ffffff'],
  'land-construction': ['#8fc0ea', '#e8f2fb'],
}

function drawParkPhoto(name) {
  const [top, bottom] = PARK_SKIES[name]
  const g = makeCanvas(name, top, bottom)
  PARK_SCENES[name](g)
  return g.encode()
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

mkdirSync(parksDir, { recursive: true })
for (const name of Object.keys(PARK_SCENES)) {
  const png = drawParkPhoto(name)
  writeFileSync(join(parksDir, `${name}.png`), png)
  console.log(`parks/${name}.png  ${png.length} bytes`)
}
// Every photo a mock park names must exist (a typo would be a broken image in the app).
const parksFile = join(root, 'mock', 'parks.json')
if (existsSync(parksFile)) {
  const named = JSON.parse(readFileSync(parksFile, 'utf8')).flatMap((p) => [p.cover, ...p.photos])
  const missing = [...new Set(named)].filter(
    (p) => !(p.startsWith('/media/parks/') && basename(p, '.png') in PARK_SCENES),
  )
  if (missing.length) {
    console.error(`mock/parks.json names photos that are not generated: ${missing.join(', ')}`)
    process.exitCode = 1
  }
}

const qr = drawQr()
writeFileSync(join(mediaDir, 'agent-wechat-qr.png'), qr)
console.log(`agent-wechat-qr.png  ${qr.length} bytes`)

writeFileSync(
  join(mediaDir, 'README.md'),
  'These images are generated placeholders (run `node scripts/gen-media.mjs` to rebuild them).\n',
)
