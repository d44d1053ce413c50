import { unglue } from '@/domain/format-quantity'
import {
  MATCH_WEIGHTS,
  compareMatches,
  fitsNeedType,
  industryMatches,
  matchedIndustries,
  needFromQuery,
  needToQuery,
  parseTaxRequirement,
  rankParks,
  scorePark,
  type MatchFacts,
  type MatchNeed,
} from '@/domain/match'
import { NEED_TYPES } from '@/domain/inquiryOptions'

function park(id: string, patch: Partial<MatchFacts> = {}): MatchFacts {
  return {
    id,
    name: `园区 ${id}`,
    district: 'songjiang',
    type: 'factory',
    deal: 'rent',
    areaMin: 1000,
    areaMax: 3000,
    divisible: false,
    price: { value: 1.2, unit: 'yuan_m2_day' },
    cover: '/media/parks/a.png',
    highlights: [],
    updatedAt: '2026-05-01T10:00:00+08:00',
    views: 0,
    featured: false,
    industries: [],
    ...patch,
  }
}

const plain = (reasons: string[] | undefined) => (reasons ?? []).map(unglue)
const score = (need: MatchNeed, p: MatchFacts) => scorePark(need, p)?.score
const rent: MatchNeed = { needType: 'rent-factory' }

describe('need type → listing type and deal (required)', () => {
  const table: Array<[MatchNeed['needType'], MatchFacts['type'], MatchFacts['deal'], boolean]> = [
    ['rent-factory', 'factory', 'rent', true],
    ['rent-factory', 'factory', 'sale', false],
    ['rent-factory', 'warehouse', 'rent', false],
    ['buy-factory', 'factory', 'sale', true],
    ['buy-factory', 'factory', 'rent', false],
    ['buy-land', 'land', 'sale', true],
    ['buy-land', 'factory', 'sale', false],
    ['office', 'office', 'rent', true],
    ['office', 'office', 'sale', true],
    ['office', 'factory', 'rent', false],
    ['registration', 'registration', 'rent', true],
    ['registration', 'office', 'rent', false],
    ['other', 'warehouse', 'sale', true],
    ['other', 'land', 'sale', true],
  ]
  it.each(table)('%s fits %s/%s: %s', (needType, type, deal, fits) => {
    expect(fitsNeedType(needType, { type, deal })).toBe(fits)
    expect(scorePark({ needType }, park('p1', { type, deal })) === null).toBe(!fits)
  })

  it('excludes parks of the wrong kind from a ranking, whatever else matches', () => {
    const need: MatchNeed = { needType: 'buy-land', district: 'songjiang', areaMin: 1000, areaMax: 3000 }
    const ranked = rankParks(
      need,
      [park('p1'), park('p2', { type: 'land', deal: 'sale', district: 'jinshan' })],
      3,
    )
    expect(ranked.map((m) => m.park.id)).toEqual(['p2'])
  })

  it('never recommends a park no longer on offer (status 已租出 / 下架), whatever else matches', () => {
    const withStatus = (id: string, status: string) => ({ ...park(id), status }) as MatchFacts
    const ranked = rankParks(
      rent,
      [withStatus('p1', 'let'), withStatus('p2', 'withdrawn'), withStatus('p3', 'available'), park('p4')],
      3,
    )
    expect(ranked.map((m) => m.park.id)).toEqual(['p3', 'p4'])
  })

  it('names the listing kind as the first reason; 其他 earns half and names none', () => {
    expect(plain(scorePark(rent, park('p1'))?.reasons)[0]).toBe('厂房出租')
    expect(
      plain(scorePark({ needType: 'buy-land' }, park('p1', { type: 'land', deal: 'sale' }))?.reasons)[0],
    ).toBe('土地出售')
    const other = scorePark({ needType: 'other' }, park('p1'))!
    expect(other.reasons).toEqual([])
    expect(other.score).toBe(score(rent, park('p1'))! - MATCH_WEIGHTS.fit / 2)
  })
})

describe('each fact', () => {
  it('district: full weight and 位于松江 when it matches, nothing when not, half when not asked', () => {
    const asked: MatchNeed = { needType: 'rent-factory', district: 'songjiang' }
    const here = scorePark(asked, park('p1'))!
    const there = scorePark(asked, park('p2', { district: 'jiading' }))!
    expect(plain(here.reasons)).toContain('位于松江')
    expect(plain(there.reasons).some((r) => r.startsWith('位于'))).toBe(false)
    expect(here.score - there.score).toBe(MATCH_WEIGHTS.district)
    expect(score(rent, park('p1'))! - there.score).toBe(MATCH_WEIGHTS.district / 2)
  })

  it('area: overlapping ranges fit with the park’s area in the reason', () => {
    const need: MatchNeed = { needType: 'rent-factory', areaMin: 2000, areaMax: 2500 }
    const p = park('p1', { areaMin: 2400, areaMax: 4800 })
    expect(plain(scorePark(need, p)?.reasons)).toContain('面积 2,400–4,800㎡ 符合需求')
  })

  it('area: one bound alone is a size; a divisible larger park fits a smaller need, an indivisible one only nearly', () => {
    const need: MatchNeed = { needType: 'rent-factory', areaMin: 2000 }
    const fits = scorePark(need, park('p1', { areaMin: 1200, areaMax: 3600 }))!
    const divisible = scorePark(need, park('p2', { areaMin: 2400, areaMax: 4800, divisible: true }))!
    const whole = scorePark(need, park('p3', { areaMin: 2400, areaMax: 4800, divisible: false }))!
    expect(plain(divisible.reasons)).toContain('面积 2,400–4,800㎡ 可分割')
    expect(plain(whole.reasons)).toContain('面积 2,400–4,800㎡ 接近需求')
    expect(fits.score).toBeGreaterThan(divisible.score)
    expect(divisible.score).toBeGreaterThan(whole.score)
  })

  it('area: partial credit falls with the distance and ends at half (or twice) the size', () => {
    const need: MatchNeed = { needType: 'rent-factory', areaMin: 2000, areaMax: 2000 }
    const near = score(need, park('p1', { areaMin: 1500, areaMax: 1800 }))!
    const farther = score(need, park('p2', { areaMin: 1000, areaMax: 1200 }))!
    const tooSmall = scorePark(need, park('p3', { areaMin: 500, areaMax: 900 }))!
    const tooBig = scorePark(need, park('p4', { areaMin: 5000, areaMax: 6000 }))!
    expect(near).toBeGreaterThan(farther)
    expect(farther).toBeGreaterThan(tooSmall.score)
    expect(tooSmall.score).toBe(tooBig.score)
    expect(plain(tooSmall.reasons).some((r) => r.startsWith('面积'))).toBe(false)
    // Not asked: half the area weight for every park.
    expect(score(rent, park('p5', { areaMin: 500, areaMax: 900 }))! - tooSmall.score).toBe(
      MATCH_WEIGHTS.area / 2,
    )
  })

  it('industry: a match earns the weight and names up to two of the park’s industries', () => {
    const need: MatchNeed = { needType: 'rent-factory', industry: '新能源汽车零部件' }
    const p = park('p1', { industries: ['智能制造', '新能源', '汽车零部件', '新能源汽车'] })
    const matched = scorePark(need, p)!
    expect(plain(matched.reasons)).toContain('准入 新能源、汽车零部件')
    const none = scorePark(need, park('p2', { industries: ['生物医药'] }))!
    expect(matched.score - none.score).toBe(MATCH_WEIGHTS.industry)
    // A park that lists no industries, or a need without one, is neutral.
    expect(score(need, park('p3'))).toBe(none.score + MATCH_WEIGHTS.industry / 2)
    expect(score(rent, p)).toBe(score(rent, park('p2', { industries: ['生物医药'] })))
  })

  it('tax: met, possibly met, not met, no requirement, and an unreadable one', () => {
    const need: MatchNeed = { needType: 'rent-factory', taxBracket: '50-200' }
    const met = scorePark(need, park('p1', { taxRequirement: '年纳税额不低于30万元' }))!
    const maybe = scorePark(need, park('p2', { taxRequirement: '年税收不低于100万元' }))!
    const unmet = scorePark(need, park('p3', { taxRequirement: '年税收不低于300万元' }))!
    const none = scorePark(need, park('p4'))!
    const unreadable = scorePark(need, park('p5', { taxRequirement: '税收贡献面谈' }))!
    expect(plain(met.reasons)).toContain('税收达到准入要求')
    expect(plain(none.reasons)).toContain('无税收门槛')
    expect(met.score - unmet.score).toBe(MATCH_WEIGHTS.tax)
    expect(maybe.score - unmet.score).toBe(MATCH_WEIGHTS.tax / 2)
    expect(unreadable.score).toBe(maybe.score)
    expect(none.score).toBe(met.score)
    expect(plain(maybe.reasons).some((r) => r.includes('税'))).toBe(false)
  })

  it('tax per 亩: the requirement scales with the land the need asks for', () => {
    // 80万元/亩 × 3 亩 (2,000㎡) = 240万元: a 200–500 bracket may meet it, 500–1000 does.
    const p = park('p1', {
      type: 'land',
      deal: 'sale',
      areaMin: 2000,
      areaMax: 2000,
      taxRequirement: '亩均年税收不低于80万元',
    })
    const need = (taxBracket: MatchNeed['taxBracket']): MatchNeed => ({
      needType: 'buy-land',
      areaMin: 2000,
      taxBracket,
    })
    expect(plain(scorePark(need('500-1000'), p)?.reasons)).toContain('税收达到准入要求')
    expect(score(need('200-500'), p)! - score(need('50-200'), p)!).toBe(MATCH_WEIGHTS.tax / 2)
  })

  it('scores stay within 0–100: a perfect match is 100', () => {
    const need: MatchNeed = {
      needType: 'rent-factory',
      district: 'songjiang',
      areaMin: 2000,
      areaMax: 3000,
      industry: '智能制造',
      taxBracket: '200-500',
    }
    const perfect = scorePark(
      need,
      park('p1', { industries: ['智能制造'], taxRequirement: '年税收不低于50万元' }),
    )!
    expect(perfect.score).toBe(100)
    expect(plain(perfect.reasons)).toEqual([
      '厂房出租',
      '位于松江',
      '面积 1,000–3,000㎡ 符合需求',
      '准入 智能制造',
      '税收达到准入要求',
    ])
    const worst = scorePark(
      { ...need, district: 'jiading', areaMin: 100, areaMax: 100, industry: '生物医药' },
      park('p2', {
        areaMin: 9000,
        areaMax: 9000,
        industries: ['物流'],
        taxRequirement: '年税收不低于5000万元',
      }),
    )!
    expect(worst.score).toBe(MATCH_WEIGHTS.fit)
  })
})

describe('industry matching in Chinese', () => {
  const yes: Array<[string, string]> = [
    ['新能源汽车零部件', '新能源'],
    ['新能源汽车零部件', '汽车零部件'],
    ['新能源汽车零部件', '新能源汽车'],
    ['汽车', '汽车零部件'],
    ['智能制造、新材料', '新材料'],
    ['智能制造装备', '智能装备'],
    [' 生物 医药 ', '生物医药'],
    ['AI 软件', 'ai软件'],
  ]
  const no: Array<[string, string]> = [
    ['新能源汽车零部件', '生物医药'],
    ['智能家居', '人工智能'],
    ['汽车制造', '精密制造'],
    ['能源设备', '新能源'],
    ['车', '汽车零部件'],
    ['', '新能源'],
  ]
  it.each(yes)('%s names %s', (text, industry) => expect(industryMatches(text, industry)).toBe(true))
  it.each(no)('%s does not name %s', (text, industry) => expect(industryMatches(text, industry)).toBe(false))
  it('keeps the park’s order and words', () => {
    expect(matchedIndustries('汽车零部件 新能源', ['新能源', '智能制造', '汽车零部件'])).toEqual([
      '新能源',
      '汽车零部件',
    ])
  })
})

describe('tax requirement texts', () => {
  it.each([
    ['年税收不低于50万元', { wan: 50, perMu: false }],
    ['年纳税额不低于30万元', { wan: 30, perMu: false }],
    ['亩均年税收不低于80万元', { wan: 80, perMu: true }],
    ['年税收不低于50万元/亩', { wan: 50, perMu: true }],
    ['年税收不低于 1.5 亿元', { wan: 15000, perMu: false }],
    ['入驻企业年税收≥200万', { wan: 200, perMu: false }],
  ])('%s', (text, expected) => expect(parseTaxRequirement(text)).toEqual(expected))
  it.each([undefined, '', '面议', '税收要求高'])('%s is unknown', (text) =>
    expect(parseTaxRequirement(text)).toBeNull(),
  )
})

describe('ranking', () => {
  it('orders by score, then featured (a tie-break only), then id; keeps the limit', () => {
    const need: MatchNeed = { needType: 'rent-factory', district: 'songjiang' }
    const parks = [
      park('p9'),
      park('p3'),
      park('p5', { featured: true }),
      park('p1', { district: 'jiading', featured: true }),
      park('p2', { type: 'office' }),
    ]
    const ranked = rankParks(need, parks, 3)
    expect(ranked.map((m) => m.park.id)).toEqual(['p5', 'p3', 'p9'])
    expect(rankParks(need, parks, 10).map((m) => m.park.id)).toEqual(['p5', 'p3', 'p9', 'p1'])
    // The featured park outside the district still ranks below every better score.
    expect(ranked.every((m) => m.score > rankParks(need, [parks[3]], 1)[0].score)).toBe(true)
  })

  it('is deterministic whatever the input order', () => {
    const need: MatchNeed = { needType: 'rent-factory', areaMin: 2000 }
    const parks = Array.from({ length: 12 }, (_, i) =>
      park(`p${i}`, { areaMin: 800 + 300 * i, areaMax: 1600 + 300 * i, featured: i % 4 === 0 }),
    )
    const once = rankParks(need, parks, 3)
    expect(rankParks(need, [...parks].reverse(), 3)).toEqual(once)
    expect([...once].sort(compareMatches)).toEqual(once)
  })

  it('returns cards only: no industries or tax requirement leave the server', () => {
    const [m] = rankParks(
      rent,
      [park('p1', { industries: ['新能源'], taxRequirement: '年税收不低于50万元' })],
      3,
    )
    expect(m.park).not.toHaveProperty('industries')
    expect(m.park).not.toHaveProperty('taxRequirement')
  })
})

describe('the need through page parameters', () => {
  it('round-trips every field and drops what is malformed', () => {
    const need: MatchNeed = {
      needType: 'rent-factory',
      district: 'songjiang',
      areaMin: 2000,
      areaMax: 3000,
      industry: '新能源',
      taxBracket: '50-200',
    }
    const query = Object.fromEntries(
      Object.entries(needToQuery(need)).map(([k, v]) => [k, v === undefined ? undefined : String(v)]),
    )
    expect(needFromQuery(query)).toEqual(need)
    expect(needFromQuery({ need: 'nope' })).toBeNull()
    expect(
      needFromQuery({ need: 'office', district: 'mars', areaMin: '-5', areaMax: '1e9', tax: 'x' }),
    ).toEqual({
      needType: 'office',
    })
    expect(needFromQuery({ need: 'office', areaMin: '3000', areaMax: '2000' })).toEqual({
      needType: 'office',
      areaMin: 2000,
      areaMax: 3000,
    })
    for (const t of NEED_TYPES) expect(needFromQuery({ need: t })?.needType).toBe(t)
  })
})
