import type { AgencyContact } from '@/domain/agency'
import { ARTICLE_CATEGORY_LABELS, type ArticleSummary } from '@/domain/article'
import {
  formatArea,
  formatLotTotal,
  formatMeasure,
  formatPhone,
  formatPrice,
  unglue,
  WORD_JOINER,
} from '@/domain/format-quantity'
import { DEAL_LABELS, DISTRICT_LABELS, LISTING_TYPE_LABELS, type Park } from '@/domain/park'

/*
 * Posters (issue 9 item 3), laid out without a canvas: every position, font and line of text is
 * decided here from a `measure` function (the canvas's measureText on a device, a fake in tests),
 * and draw.ts only paints the result. Units are logical pixels of a 360 × 680 poster; the drawing
 * scales them to the canvas's pixels.
 */

/** Width of `text` in `font` (a CSS font string), as CanvasRenderingContext2D.measureText says. */
export type Measure = (text: string, font: string) => number

export const POSTER_WIDTH = 360
export const POSTER_HEIGHT = 680
const PAD = 20
const CONTENT_WIDTH = POSTER_WIDTH - PAD * 2
const COVER_HEIGHT = 200
/** Where the hotline-and-code band starts: everything above it is the poster's own content. */
const BAND_TOP = 540
const CODE_SIZE = 104

export const FONT_FAMILY = '"PingFang SC","Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei",sans-serif'
export const font = (size: number, weight: 'normal' | 'bold' = 'normal') =>
  `${weight === 'bold' ? 'bold ' : ''}${size}px ${FONT_FAMILY}`

export const COLORS = {
  primary: '#0b5cab',
  accent: '#f08c00',
  text: '#1f2329',
  text2: '#4e5969',
  text3: '#86909c',
  border: '#e5e6eb',
  panel: '#f4f6f9',
  white: '#ffffff',
  fallback: '#dce8f5',
}

export type PosterOp =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill: string; radius?: number }
  | {
      kind: 'image'
      slot: 'cover' | 'code'
      x: number
      y: number
      w: number
      h: number
      /** cover: fill the box and crop; contain: the whole image inside the box. */
      fit: 'cover' | 'contain'
      /** Painted instead when the image did not load. */
      fallback: { fill: string; text: string; font: string; color: string }
    }
  /** One line of text; `y` is the top of the line box (textBaseline 'top'). */
  | { kind: 'text'; x: number; y: number; text: string; font: string; color: string; maxWidth: number }

export interface PosterLayout {
  width: number
  height: number
  ops: PosterOp[]
}

// ---------------------------------------------------------------------------------------------
// Text wrapping

/** No line may start with these (closing punctuation, the ideographic full stop …). */
const NO_LINE_START = new Set(Array.from('，。、；：！？）》」』】〕”’…,.;:!?)]}%·—～/²³'))
/** No line may end with these (opening brackets and quotes). */
const NO_LINE_END = new Set(Array.from('（《「『【〔“‘([{#@'))
/** Characters of a Latin word or a number: kept together on one line when they fit. */
const WORD_CHAR = /[A-Za-z0-9.,:/%²³°@#&+_'-]/

const ELLIPSIS = '…'

/**
 * Splits text into pieces between which a line may break: each CJK character alone, Latin words
 * and numbers whole, a quantity glued with U+2060 (format-quantity.ts `glue`) whole, punctuation
 * attached to the piece it must not be separated from. Joiners are removed from the pieces.
 */
export function breakPieces(text: string): string[] {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim())
  const pieces: string[] = []
  let current = ''
  let glueNext = false
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]
    if (c === WORD_JOINER) {
      glueNext = true
      continue
    }
    const prev = current ? (Array.from(current).pop() ?? '') : ''
    const keep =
      current !== '' &&
      (glueNext ||
        NO_LINE_START.has(c) ||
        NO_LINE_END.has(prev) ||
        (WORD_CHAR.test(c) && WORD_CHAR.test(prev)))
    glueNext = false
    if (keep) {
      current += c
    } else {
      if (current) pieces.push(current)
      current = c
    }
    // A space ends a piece (it may hang at a line's end); the next word starts a new one.
    if (c === ' ') {
      pieces.push(current)
      current = ''
    }
  }
  if (current) pieces.push(current)
  return pieces
}

/** Cuts a piece wider than a line into the most characters that fit, line after line. */
function splitWide(piece: string, maxWidth: number, fontSpec: string, measure: Measure): string[] {
  const out: string[] = []
  let line = ''
  for (const c of Array.from(piece)) {
    if (line && measure(line + c, fontSpec) > maxWidth) {
      out.push(line)
      line = c
    } else {
      line += c
    }
  }
  if (line) out.push(line)
  return out
}

/** The line shortened until it and the ellipsis fit; trailing spaces and commas go first. */
export function ellipsize(line: string, maxWidth: number, fontSpec: string, measure: Measure): string {
  const chars = Array.from(line.trimEnd())
  const done = () => measure(chars.join('') + ELLIPSIS, fontSpec) <= maxWidth
  while (chars.length && !done()) chars.pop()
  while (chars.length && /[\s，、,；;：:]/.test(chars[chars.length - 1])) chars.pop()
  return chars.join('') + ELLIPSIS
}

export interface WrapOptions {
  font: string
  maxWidth: number
  /** When the text needs more lines, the last one ends in an ellipsis. */
  maxLines: number
  measure: Measure
}

/**
 * Lines of at most `maxWidth`, at most `maxLines`, breaking Chinese between characters, never
 * inside a Latin word or a glued quantity (unless one alone is wider than the line), never
 * before closing punctuation nor after opening punctuation. Plain text out: no joiners.
 */
export function wrapText(
  text: string,
  { font: fontSpec, maxWidth, maxLines, measure }: WrapOptions,
): string[] {
  const lines: string[] = []
  let line = ''
  const pushLine = () => {
    const trimmed = line.trim()
    if (trimmed) lines.push(trimmed)
    line = ''
  }
  for (const piece of breakPieces(text)) {
    const next = line + piece
    if (measure(next.trimEnd(), fontSpec) <= maxWidth) {
      line = next
      continue
    }
    if (line.trim()) pushLine()
    if (piece === ' ') continue
    if (measure(piece.trimEnd(), fontSpec) <= maxWidth) {
      line = piece
    } else {
      const parts = splitWide(piece.trimEnd(), maxWidth, fontSpec, measure)
      lines.push(...parts.slice(0, -1))
      line = parts[parts.length - 1] ?? ''
    }
  }
  pushLine()
  if (lines.length <= maxLines) return lines
  const kept = lines.slice(0, maxLines)
  kept[maxLines - 1] = ellipsize(kept[maxLines - 1], maxWidth, fontSpec, measure)
  return kept
}

/**
 * One line in the largest of `sizes` that fits the width (a number is better smaller than cut);
 * ellipsized in the smallest when none does.
 */
export function fitLine(
  text: string,
  maxWidth: number,
  sizes: number[],
  weight: 'normal' | 'bold',
  measure: Measure,
): { text: string; font: string; size: number } {
  const plain = unglue(text).replace(/\s+/g, ' ').trim()
  for (const size of sizes) {
    const f = font(size, weight)
    if (measure(plain, f) <= maxWidth) return { text: plain, font: f, size }
  }
  const size = sizes[sizes.length - 1]
  const f = font(size, weight)
  return { text: ellipsize(plain, maxWidth, f, measure), font: f, size }
}

// ---------------------------------------------------------------------------------------------
// Posters

export interface PosterFact {
  label: string
  value: string
  accent?: boolean
}

/** The key facts of a park a tenant decides by, those it has: area, price, district, building. */
export function parkFacts(park: Park): PosterFact[] {
  const facts: PosterFact[] = [
    { label: '面积', value: formatArea(park.areaMin, park.areaMax) },
    { label: park.deal === 'sale' ? '售价' : '租金', value: formatPrice(park.price), accent: true },
    { label: '区域', value: DISTRICT_LABELS[park.district] ?? '' },
  ]
  const total = formatLotTotal(park)
  if (total) facts.push({ label: '总价', value: total.replace(/^总价/, ''), accent: true })
  if (park.floorHeight) facts.push({ label: '层高', value: formatMeasure(park.floorHeight, '米') })
  if (park.floorLoad) facts.push({ label: '承重', value: formatMeasure(park.floorLoad, 'kg/㎡') })
  if (facts.length < 6 && park.power) facts.push({ label: '电力', value: formatMeasure(park.power, 'kVA') })
  return facts.filter((f) => f.value).slice(0, 6)
}

interface Band {
  contact: AgencyContact
  /** What the code opens, said under the hotline: 长按识别小程序码，查看园区详情. */
  prompt: string
}

function text(x: number, y: number, t: string, f: string, color: string, maxWidth = CONTENT_WIDTH): PosterOp {
  return { kind: 'text', x, y, text: t, font: f, color, maxWidth }
}

/** Lines of a wrapped block from `y` down, `lineHeight` apart; returns the y below the block. */
function block(
  ops: PosterOp[],
  lines: string[],
  x: number,
  y: number,
  lineHeight: number,
  f: string,
  color: string,
  maxWidth: number,
): number {
  lines.forEach((l, i) => ops.push(text(x, y + i * lineHeight, l, f, color, maxWidth)))
  return y + lines.length * lineHeight
}

/** The bottom band: hotline, agency, what to do with the code, and the code on the right. */
function band(ops: PosterOp[], { contact, prompt }: Band, measure: Measure) {
  ops.push({
    kind: 'rect',
    x: 0,
    y: BAND_TOP,
    w: POSTER_WIDTH,
    h: POSTER_HEIGHT - BAND_TOP,
    fill: COLORS.white,
  })
  ops.push({ kind: 'rect', x: PAD, y: BAND_TOP, w: CONTENT_WIDTH, h: 1, fill: COLORS.border })
  const codeX = POSTER_WIDTH - PAD - CODE_SIZE
  // Centred in the band's height; the prompt beside it says what to do with it.
  const codeY = BAND_TOP + (POSTER_HEIGHT - BAND_TOP - CODE_SIZE) / 2
  const leftWidth = codeX - PAD - 12
  let y = BAND_TOP + 20
  ops.push(text(PAD, y, '招商热线', font(12), COLORS.text3, leftWidth))
  y += 20
  const hotline = fitLine(formatPhone(contact.hotline), leftWidth, [24, 22, 20, 18], 'bold', measure)
  ops.push(text(PAD, y, hotline.text, hotline.font, COLORS.primary, leftWidth))
  y += hotline.size + 10
  const agency = wrapText(contact.agencyName, { font: font(12), maxWidth: leftWidth, maxLines: 1, measure })
  y = block(ops, agency, PAD, y, 18, font(12), COLORS.text2, leftWidth)
  y += 4
  const promptLines = wrapText(prompt, { font: font(12), maxWidth: leftWidth, maxLines: 2, measure })
  block(ops, promptLines, PAD, y, 18, font(12), COLORS.text3, leftWidth)
  ops.push({
    kind: 'image',
    slot: 'code',
    x: codeX,
    y: codeY,
    w: CODE_SIZE,
    h: CODE_SIZE,
    fit: 'contain',
    fallback: { fill: COLORS.panel, text: '小程序码', font: font(12), color: COLORS.text3 },
  })
}

function cover(ops: PosterOp[], label: string) {
  ops.push({
    kind: 'image',
    slot: 'cover',
    x: 0,
    y: 0,
    w: POSTER_WIDTH,
    h: COVER_HEIGHT,
    fit: 'cover',
    fallback: { fill: COLORS.primary, text: label, font: font(20, 'bold'), color: COLORS.white },
  })
}

function background(ops: PosterOp[]) {
  ops.push({ kind: 'rect', x: 0, y: 0, w: POSTER_WIDTH, h: POSTER_HEIGHT, fill: COLORS.white })
}

/** A park's poster: cover, name (≤ 2 lines), type · deal · district, highlights, key facts, band. */
export function parkPoster(park: Park, contact: AgencyContact, measure: Measure): PosterLayout {
  const ops: PosterOp[] = []
  background(ops)
  const kindLine = [LISTING_TYPE_LABELS[park.type], DEAL_LABELS[park.deal], DISTRICT_LABELS[park.district]]
    .filter(Boolean)
    .join(' · ')
  cover(ops, `${kindLine}`)

  let y = COVER_HEIGHT + 18
  const nameFont = font(22, 'bold')
  y = block(
    ops,
    wrapText(park.name, { font: nameFont, maxWidth: CONTENT_WIDTH, maxLines: 2, measure }),
    PAD,
    y,
    30,
    nameFont,
    COLORS.text,
    CONTENT_WIDTH,
  )
  y += 4
  y = block(
    ops,
    wrapText(kindLine, { font: font(13), maxWidth: CONTENT_WIDTH, maxLines: 1, measure }),
    PAD,
    y,
    20,
    font(13),
    COLORS.text3,
    CONTENT_WIDTH,
  )
  if (park.highlights.length) {
    y += 4
    const hl = wrapText(park.highlights.join(' · '), {
      font: font(13),
      maxWidth: CONTENT_WIDTH,
      maxLines: 1,
      measure,
    })
    y = block(ops, hl, PAD, y, 20, font(13), COLORS.text2, CONTENT_WIDTH)
  }

  // Key facts: two columns on a light panel, each value in the largest size that fits its cell.
  const facts = parkFacts(park)
  y += 12
  const rows = Math.ceil(facts.length / 2)
  const rowHeight = 48
  const panelTop = y
  const panelHeight = rows * rowHeight + 16
  ops.push({
    kind: 'rect',
    x: PAD,
    y: panelTop,
    w: CONTENT_WIDTH,
    h: panelHeight,
    fill: COLORS.panel,
    radius: 8,
  })
  const cellWidth = CONTENT_WIDTH / 2
  const valueWidth = cellWidth - 24
  facts.forEach((fact, i) => {
    const x = PAD + 12 + (i % 2) * cellWidth
    const cy = panelTop + 10 + Math.floor(i / 2) * rowHeight
    ops.push(text(x, cy, fact.label, font(12), COLORS.text3, valueWidth))
    const v = fitLine(fact.value, valueWidth, [17, 16, 15, 14, 13], 'bold', measure)
    ops.push(text(x, cy + 18, v.text, v.font, fact.accent ? COLORS.accent : COLORS.text, valueWidth))
  })
  y = panelTop + panelHeight + 14

  // What room is left above the band: the address, then the industries the park admits.
  const extras = [
    park.address ? `地址：${park.address}` : '',
    park.industries.length ? `适合：${park.industries.join(' · ')}` : '',
  ].filter(Boolean)
  for (const line of extras) {
    if (y + 20 > BAND_TOP - 8) break
    y = block(
      ops,
      wrapText(line, { font: font(13), maxWidth: CONTENT_WIDTH, maxLines: 1, measure }),
      PAD,
      y,
      22,
      font(13),
      COLORS.text2,
      CONTENT_WIDTH,
    )
  }

  band(ops, { contact, prompt: '长按识别小程序码，查看园区详情、图片和位置' }, measure)
  return { width: POSTER_WIDTH, height: POSTER_HEIGHT, ops }
}

/** An article's poster: cover, category, title (≤ 3 lines), summary (what room is left), band. */
export function articlePoster(
  article: ArticleSummary,
  contact: AgencyContact,
  measure: Measure,
): PosterLayout {
  const ops: PosterOp[] = []
  background(ops)
  const category = ARTICLE_CATEGORY_LABELS[article.category] ?? '园区资讯'
  cover(ops, category)

  let y = COVER_HEIGHT + 18
  ops.push(text(PAD, y, category, font(13, 'bold'), COLORS.primary))
  // The date as written (ISO, Beijing offset): YYYY-MM-DD, no clock.
  const date = /^\d{4}-\d{2}-\d{2}/.exec(article.publishedAt)?.[0]
  if (date) {
    const x = PAD + measure(category, font(13, 'bold')) + 10
    ops.push(text(x, y, date, font(13), COLORS.text3, CONTENT_WIDTH - (x - PAD)))
  }
  y += 24
  const titleFont = font(22, 'bold')
  y = block(
    ops,
    wrapText(article.title, { font: titleFont, maxWidth: CONTENT_WIDTH, maxLines: 3, measure }),
    PAD,
    y,
    30,
    titleFont,
    COLORS.text,
    CONTENT_WIDTH,
  )
  y += 10
  const lineHeight = 24
  const room = Math.floor((BAND_TOP - 16 - y) / lineHeight)
  if (room > 0 && article.summary.trim()) {
    const summary = wrapText(article.summary, {
      font: font(15),
      maxWidth: CONTENT_WIDTH,
      maxLines: Math.min(room, 6),
      measure,
    })
    y = block(ops, summary, PAD, y, lineHeight, font(15), COLORS.text2, CONTENT_WIDTH)
  }
  // The article's tags, when a line is left above the band.
  if (article.tags.length && y + 12 + 20 <= BAND_TOP - 8) {
    const tags = article.tags.map((t) => `#${t}`).join('  ')
    const line = wrapText(tags, { font: font(13), maxWidth: CONTENT_WIDTH, maxLines: 1, measure })
    block(ops, line, PAD, y + 12, 20, font(13), COLORS.primary, CONTENT_WIDTH)
  }

  band(ops, { contact, prompt: '长按识别小程序码，阅读全文' }, measure)
  return { width: POSTER_WIDTH, height: POSTER_HEIGHT, ops }
}
