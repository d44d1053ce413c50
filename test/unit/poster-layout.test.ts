/**
 * Poster layout (issue 9 item 3) without a canvas: a fake measureText (a CJK character or
 * full-width mark is one em, Latin and digits 0.55 em, bold 5% wider) stands in for the canvas.
 * Long Chinese names wrap and end in an ellipsis at the line limit; no line is wider than its
 * box; quantities stay whole and reach the canvas without word joiners.
 */
import type { AgencyContact } from '@/domain/agency'
import type { ArticleSummary } from '@/domain/article'
import { formatArea, formatMeasure, formatPrice, glue, WORD_JOINER } from '@/domain/format-quantity'
import type { Park } from '@/domain/park'
import {
  articlePoster,
  breakPieces,
  fitLine,
  font,
  parkFacts,
  parkPoster,
  POSTER_HEIGHT,
  POSTER_WIDTH,
  wrapText,
  type Measure,
  type PosterOp,
} from '@/features/posters/layout'
import { drawPoster, type Ctx2D } from '@/features/posters/draw'

const calls: string[] = []
const fakeMeasure: Measure = (text, f) => {
  calls.push(f)
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(f)?.[1])
  if (!size) throw new Error(`no size in font "${f}"`)
  const bold = /\bbold\b/.test(f) ? 1.05 : 1
  let em = 0
  for (const c of Array.from(text)) {
    if (c === '\u2060') throw new Error('a word joiner reached measureText')
    em += /[\u0020-\u007e²³]/.test(c) ? 0.55 : 1
  }
  return em * size * bold
}

const contact: AgencyContact = {
  agencyName: '中国产业园区招商网',
  agentName: '葛毅明',
  hotline: '4000123021',
  mobiles: [{ number: '13524678515', wechatOnly: false }],
  wechatId: '13524678515',
  wechatQr: '/media/agent-wechat-qr.png',
  inquiryHint: '',
}

function park(over: Partial<Park> = {}): Park {
  return {
    id: 'p012',
    name: '松江G60科创走廊智能制造产业园标准厂房二期独栋可分割出租带行车',
    district: 'songjiang',
    type: 'factory',
    deal: 'rent',
    areaMin: 12000,
    areaMax: 40000,
    divisible: true,
    price: { value: 1.35, unit: 'yuan_m2_day' },
    cover: '/media/parks/p012.png',
    highlights: ['独门独院', '可环评', '双层', '带行车'],
    updatedAt: '2026-11-01T10:00:00+08:00',
    views: 12,
    featured: true,
    address: '上海市松江区',
    location: { latitude: 31, longitude: 121 },
    floorHeight: 8.5,
    floorLoad: 1500,
    power: 2000,
    standalone: true,
    propertyCert: true,
    envAssessment: true,
    industries: ['智能制造'],
    photos: [],
    description: '',
    ...over,
  }
}

const article: ArticleSummary = {
  id: 'policy-2026-songjiang-subsidy',
  title: '松江区2026年度先进制造业高质量发展专项扶持政策解读：研发投入、设备更新、人才公寓与租金补贴一文读懂',
  summary:
    '本文梳理松江区今年新出台的制造业扶持政策，包括研发费用加计扣除之外的区级配套奖励、设备更新贷款贴息、' +
    '重点企业人才公寓配租以及首年租金补贴的申请条件、材料清单和办理时限，并附上常见问题解答。'.repeat(2),
  cover: '/media/covers/c1.png',
  category: 'policy',
  tags: ['政策'],
  author: '编辑部',
  publishedAt: '2026-04-21T09:30:00+08:00',
  views: 3,
}

const texts = (ops: PosterOp[]) =>
  ops.filter((o): o is Extract<PosterOp, { kind: 'text' }> => o.kind === 'text')

/** Every text line fits its box and the poster, and lies inside the poster vertically. */
function expectAllLinesFit(ops: PosterOp[]) {
  for (const t of texts(ops)) {
    const w = fakeMeasure(t.text, t.font)
    expect({ line: t.text, over: w > t.maxWidth + 1e-9 }).toEqual({ line: t.text, over: false })
    expect(t.x + w).toBeLessThanOrEqual(POSTER_WIDTH - 20 + 1e-9)
    expect(t.y).toBeGreaterThanOrEqual(0)
    expect(t.y).toBeLessThan(POSTER_HEIGHT)
    expect(t.text).not.toContain(WORD_JOINER)
  }
}

describe('wrapText', () => {
  const f = font(20)
  it('breaks Chinese between characters, each line as full as the width allows', () => {
    const lines = wrapText('一二三四五六七八九十甲乙丙丁戊', {
      font: f,
      maxWidth: 100,
      maxLines: 9,
      measure: fakeMeasure,
    })
    expect(lines).toEqual(['一二三四五', '六七八九十', '甲乙丙丁戊'])
  })

  it('ellipsizes the last allowed line, and that line still fits', () => {
    const lines = wrapText('一二三四五六七八九十甲乙丙丁戊', {
      font: f,
      maxWidth: 100,
      maxLines: 2,
      measure: fakeMeasure,
    })
    expect(lines).toHaveLength(2)
    expect(lines[1]).toBe('六七八九…')
    for (const l of lines) expect(fakeMeasure(l, f)).toBeLessThanOrEqual(100)
  })

  it('never starts a line with closing punctuation nor ends one with an opening bracket', () => {
    const lines = wrapText('一二三四，五六七八（九十）', {
      font: f,
      maxWidth: 80,
      maxLines: 9,
      measure: fakeMeasure,
    })
    for (const l of lines) {
      expect(l).not.toMatch(/^[，。）》]/)
      expect(l).not.toMatch(/[（《]$/)
    }
    expect(lines.join('')).toBe('一二三四，五六七八（九十）')
  })

  it('keeps Latin words, numbers and glued quantities whole, without the joiners', () => {
    expect(breakPieces(`面积${formatMeasure(4800, '㎡')}起`)).toEqual(['面', '积', '4,800㎡', '起'])
    expect(breakPieces(glue('1.35元/m²/天'))).toEqual(['1.35元/m²/天'])
    const lines = wrapText(`松江G60科创走廊 ${formatArea(2400, 4800)}`, {
      font: f,
      maxWidth: 160,
      maxLines: 5,
      measure: fakeMeasure,
    })
    expect(lines.join('|')).toContain('G60')
    expect(lines.some((l) => l.includes('4,800㎡'))).toBe(true)
    for (const l of lines) expect(l).not.toContain(WORD_JOINER)
  })

  it('cuts a single word wider than the line rather than overflow', () => {
    const lines = wrapText('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', {
      font: f,
      maxWidth: 60,
      maxLines: 20,
      measure: fakeMeasure,
    })
    expect(lines.length).toBeGreaterThan(1)
    for (const l of lines) expect(fakeMeasure(l, f)).toBeLessThanOrEqual(60)
    expect(lines.join('')).toBe('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')
  })

  it('fitLine shrinks a value before it cuts it', () => {
    const price = formatPrice({ value: 1.35, unit: 'yuan_m2_day' })
    const big = fitLine(price, 200, [17, 14], 'bold', fakeMeasure)
    expect(big).toMatchObject({ text: '1.35元/m²/天', size: 17 })
    const small = fitLine(price, 75, [17, 14], 'bold', fakeMeasure)
    expect(small.size).toBe(14)
    const cut = fitLine('一二三四五六七八九十', 50, [17, 14], 'bold', fakeMeasure)
    expect(cut.text.endsWith('…')).toBe(true)
    expect(fakeMeasure(cut.text, cut.font)).toBeLessThanOrEqual(50)
  })
})

describe('park poster', () => {
  it('a long Chinese name takes two lines, ellipsized, and no line exceeds its width', () => {
    calls.length = 0
    const layout = parkPoster(park(), contact, fakeMeasure)
    expect(layout).toMatchObject({ width: 360, height: 680 })
    expectAllLinesFit(layout.ops)
    const nameLines = texts(layout.ops).filter((t) => t.font === font(22, 'bold'))
    expect(nameLines).toHaveLength(2)
    expect(nameLines[1].text.endsWith('…')).toBe(true)
    expect(nameLines[0].text.startsWith('松江G60')).toBe(true)
    // Every line was measured in the font it is drawn in.
    for (const t of texts(layout.ops)) expect(calls).toContain(t.font)
  })

  it('shows the key facts it has, formatted, and the hotline and code in the band', () => {
    const layout = parkPoster(park(), contact, fakeMeasure)
    const all = texts(layout.ops).map((t) => t.text)
    for (const s of [
      '面积',
      '12,000–40,000㎡',
      '租金',
      '1.35元/m²/天',
      '区域',
      '松江',
      '层高',
      '8.5米',
      '承重',
      '1,500kg/㎡',
      '400-012-3021',
      '中国产业园区招商网',
    ])
      expect(all).toContain(s)
    expect(all).toContain('厂房 · 出租 · 松江')
    // The room left above the band: the address fits, the industries no more.
    expect(all).toContain('地址：上海市松江区')
    expect(all.some((t) => t.startsWith('适合：'))).toBe(false)
    const images = layout.ops.filter((o) => o.kind === 'image')
    expect(images.map((o) => o.kind === 'image' && o.slot)).toEqual(['cover', 'code'])
    // The code sits inside the poster, clear of the text column.
    const code = images[1] as Extract<PosterOp, { kind: 'image' }>
    expect(code.x + code.w).toBeLessThanOrEqual(360)
    expect(code.y + code.h).toBeLessThanOrEqual(680)
  })

  it('land for sale: no building facts, the lot total instead; a short name is one line', () => {
    const land = park({
      name: '嘉定工业用地',
      type: 'land',
      deal: 'sale',
      areaMin: 20000,
      areaMax: 20000,
      price: { value: 1500, unit: 'yuan_m2' },
      floorHeight: undefined,
      floorLoad: undefined,
      power: undefined,
      highlights: [],
    })
    expect(parkFacts(land).map((f) => f.label)).toEqual(['面积', '售价', '区域', '总价'])
    const layout = parkPoster(land, contact, fakeMeasure)
    expectAllLinesFit(layout.ops)
    expect(
      texts(layout.ops)
        .filter((t) => t.font === font(22, 'bold'))
        .map((t) => t.text),
    ).toEqual(['嘉定工业用地'])
    expect(texts(layout.ops).map((t) => t.text)).toContain('约3,000万元')
    // Two rows of facts leave room for both extra lines.
    expect(texts(layout.ops).map((t) => t.text)).toEqual(
      expect.arrayContaining(['地址：上海市松江区', '适合：智能制造']),
    )
  })

  it('a 面议 park says so; nothing of the content runs into the band', () => {
    const layout = parkPoster(park({ price: null }), contact, fakeMeasure)
    expect(texts(layout.ops).map((t) => t.text)).toContain('面议')
    const band = layout.ops.find((o) => o.kind === 'rect' && o.y > 400 && o.w === 360)
    expect(band).toBeTruthy()
    const bandTop = (band as { y: number }).y
    const panel = layout.ops.find((o) => o.kind === 'rect' && o.radius)
    expect(panel && panel.kind === 'rect' && panel.y + panel.h).toBeLessThanOrEqual(bandTop)
  })
})

describe('article poster', () => {
  it('a short summary leaves room for the tags line', () => {
    const short = { ...article, title: '短标题', summary: '一句摘要。', tags: ['政策', '松江产业园'] }
    const layout = articlePoster(short, contact, fakeMeasure)
    expectAllLinesFit(layout.ops)
    expect(texts(layout.ops).map((t) => t.text)).toContain('#政策 #松江产业园')
  })

  it('title ≤ 3 lines, summary fills the room left, all ellipsized and within the width', () => {
    const layout = articlePoster(article, contact, fakeMeasure)
    expectAllLinesFit(layout.ops)
    const title = texts(layout.ops).filter((t) => t.font === font(22, 'bold'))
    expect(title).toHaveLength(3)
    expect(title[2].text.endsWith('…')).toBe(true)
    const summary = texts(layout.ops).filter((t) => t.font === font(15))
    expect(summary.length).toBeGreaterThanOrEqual(3)
    expect(summary[summary.length - 1].text.endsWith('…')).toBe(true)
    // The summary stops above the band.
    const last = summary[summary.length - 1]
    expect(last.y + 24).toBeLessThanOrEqual(540)
    expect(texts(layout.ops).map((t) => t.text)).toEqual(expect.arrayContaining(['政策解读', '2026-04-21']))
  })
})

describe('drawPoster', () => {
  function recorder() {
    const log: unknown[][] = []
    const ctx: Record<string, unknown> = { fillStyle: '', font: '', textBaseline: '', textAlign: '' }
    for (const m of [
      'save',
      'restore',
      'scale',
      'beginPath',
      'moveTo',
      'arcTo',
      'closePath',
      'rect',
      'fill',
      'clip',
      'fillRect',
      'fillText',
      'drawImage',
    ])
      ctx[m] = (...args: unknown[]) => log.push([m, ...args, ctx.fillStyle])
    ctx.measureText = (t: string) => ({ width: fakeMeasure(t, ctx.font as string) })
    return { ctx: ctx as unknown as Ctx2D, log }
  }

  it('scales to the canvas, crops the cover to fill, and a missing cover becomes a labelled block', () => {
    const layout = parkPoster(park(), contact, fakeMeasure)
    const withCover = recorder()
    const cover = { width: 1600, height: 900 }
    const code = { width: 430, height: 430 }
    drawPoster(withCover.ctx, layout, { cover, code }, 3)
    expect(withCover.log[1]).toEqual(['scale', 3, 3, ''])
    const draws = withCover.log.filter((l) => l[0] === 'drawImage')
    // 1600×900 into 360×200 (a little wider): the full width, a centred band of the height.
    const [img, sx, sy, sw, sh, ...dest] = draws[0].slice(1, 10) as [unknown, ...number[]]
    expect(img).toBe(cover)
    expect([sx, sw]).toEqual([0, 1600])
    expect(sh).toBeCloseTo(888.89, 2)
    expect(sy).toBeCloseTo((900 - 888.89) / 2, 2)
    expect(dest).toEqual([0, 0, 360, 200])
    expect(draws[1].slice(1, 6)).toEqual([code, 236, 558, 104, 104])

    const without = recorder()
    drawPoster(without.ctx, layout, { cover: null, code }, 3)
    expect(without.log.filter((l) => l[0] === 'drawImage')).toHaveLength(1)
    expect(without.log).toContainEqual(['fillText', '厂房 · 出租 · 松江', 180, 100, 344, '#ffffff'])
  })
})
