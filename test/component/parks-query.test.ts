import {
  AREA_PRESETS,
  PRICE_PRESETS,
  activeChips,
  applyEntryFilter,
  clearFilters,
  filtersFromRoute,
  formatAreaLine,
  hasActiveFilters,
  matchPreset,
  normaliseFilters,
  parkMetaLine,
  removeChip,
  sameFilters,
  toListPayload,
  toParkSummary,
  sortLabel,
  withDeal,
  withSort,
  type ParkFilters,
} from '@/features/parks/query'
import { parkFacts } from '@/features/parks/facts'
import { parkShareMessage, parkShareTimeline } from '@/features/parks/share'
import { prepareDescription as forH5 } from '@/features/parks/richDescription.h5'
import { prepareDescription as forWeapp } from '@/features/parks/richDescription'
import { makePark } from './park-fixtures'

// The number, area, price and range formatters themselves: test/unit/format.test.ts.
const J = '\u2060'

describe('formatting', () => {
  it('a card’s area line adds 可分割, the area glued as one word', () => {
    expect(formatAreaLine({ areaMin: 2000, areaMax: 5000, divisible: true })).toBe(
      `2,000–5,000${J}㎡ · 可分割`,
    )
    expect(formatAreaLine({ areaMin: 2000, areaMax: 2000, divisible: false })).toBe(`2,000${J}㎡`)
  })

  it('meta line: district · type · deal', () => {
    expect(parkMetaLine({ district: 'songjiang', type: 'factory', deal: 'rent' })).toBe('松江 · 厂房 · 出租')
  })
})

describe('filters', () => {
  const base: ParkFilters = { sort: 'newest' }

  it('payload carries only what is set, plus sort, limit and cursor', () => {
    expect(toListPayload(base)).toEqual({ sort: 'newest', limit: 10 })
    expect(
      toListPayload(
        { ...base, district: 'songjiang', areaMin: 500, areaMax: 2000, keyword: undefined },
        'c2',
      ),
    ).toEqual({ district: 'songjiang', areaMin: 500, areaMax: 2000, sort: 'newest', limit: 10, cursor: 'c2' })
  })

  it('normalises stored or foreign input: drops unknowns, swaps reversed ranges, needs a deal for price', () => {
    expect(
      normaliseFilters({
        district: 'mars',
        type: 'factory',
        areaMin: 5000,
        areaMax: 500,
        priceMin: 1,
        keyword: '  智能\u0000制造 ',
        sort: 'bogus',
      }),
    ).toEqual({ type: 'factory', areaMin: 500, areaMax: 5000, keyword: '智能制造', sort: 'newest' })
    expect(normaliseFilters({ deal: 'rent', priceMin: '1.5', priceMax: 1, sort: 'price_asc' })).toEqual({
      deal: 'rent',
      priceMin: 1,
      priceMax: 1.5,
      sort: 'price_asc',
    })
    expect(normaliseFilters(null)).toEqual({ sort: 'newest' })
    expect(normaliseFilters('garbage')).toEqual({ sort: 'newest' })
    expect(
      normaliseFilters({ areaMin: -1, areaMax: Infinity, keyword: 'x'.repeat(40) }).keyword,
    ).toHaveLength(30)
  })

  it('changing the deal drops its price range', () => {
    const rent: ParkFilters = { ...base, deal: 'rent', priceMin: 1, priceMax: 1.5 }
    expect(withDeal(rent, 'sale')).toEqual({ sort: 'newest', deal: 'sale' })
    expect(withDeal(rent, undefined)).toEqual({ sort: 'newest' })
    expect(withDeal(rent, 'rent')).toBe(rent)
  })

  it('active chips and removing one', () => {
    const f: ParkFilters = {
      sort: 'area_desc',
      keyword: '新桥',
      district: 'songjiang',
      type: 'factory',
      deal: 'rent',
      areaMin: 2000,
      areaMax: 5000,
      priceMax: 1,
    }
    expect(activeChips(f)).toEqual([
      { key: 'keyword', label: '“新桥”' },
      { key: 'district', label: '松江' },
      { key: 'type', label: '厂房' },
      { key: 'deal', label: '出租' },
      { key: 'area', label: `2,000–5,000${J}㎡` },
      { key: 'price', label: `1${J}元/m²/${J}天${J}以${J}下` },
    ])
    expect(removeChip(f, 'area')).not.toHaveProperty('areaMin')
    expect(removeChip(f, 'area')).not.toHaveProperty('areaMax')
    expect(removeChip(f, 'price')).toEqual({ ...f, priceMax: undefined })
    const noDeal = removeChip(f, 'deal')
    expect(noDeal).not.toHaveProperty('deal')
    expect(noDeal).not.toHaveProperty('priceMax')
    expect(removeChip(f, 'district').district).toBeUndefined()
    expect(clearFilters(f)).toEqual({ sort: 'area_desc' })
    expect(hasActiveFilters(clearFilters(f))).toBe(false)
    expect(hasActiveFilters({ sort: 'newest', type: 'land' })).toBe(true)
  })

  it('compares by value', () => {
    expect(sameFilters({ sort: 'newest', district: undefined }, { sort: 'newest' })).toBe(true)
    expect(sameFilters({ sort: 'newest' }, { sort: 'price_asc' })).toBe(false)
  })

  it('presets: area bands and per-deal price bands', () => {
    expect(AREA_PRESETS.map((p) => p.label)).toEqual([
      `500${J}㎡${J}以${J}下`,
      `500–2,000${J}㎡`,
      `2,000–5,000${J}㎡`,
      `5,000–10,000${J}㎡`,
      `10,000${J}㎡${J}以${J}上`,
    ])
    expect(PRICE_PRESETS.rent.map((p) => [p.min, p.max])).toEqual([
      [undefined, 1],
      [1, 1.5],
      [1.5, 2.5],
      [2.5, undefined],
    ])
    expect(PRICE_PRESETS.sale.map((p) => [p.min, p.max])).toEqual([
      [undefined, 5000],
      [5000, 8000],
      [8000, undefined],
    ])
    expect(matchPreset(AREA_PRESETS, 2000, 5000)?.key).toBe('2000-5000')
    expect(matchPreset(AREA_PRESETS, 2000, 4000)).toBeUndefined()
    expect(matchPreset(AREA_PRESETS, undefined, undefined)).toBeUndefined()
  })

  it('an entry filter starts a fresh search but keeps the sort order', () => {
    const current: ParkFilters = { sort: 'area_desc', type: 'land', keyword: 'x' }
    expect(applyEntryFilter(current, { district: 'jiading' })).toEqual({
      sort: 'area_desc',
      district: 'jiading',
    })
    // A price sort keeps the deal whose prices it ranks, unless the entry names a deal.
    const byPrice: ParkFilters = { sort: 'price_asc', deal: 'sale', type: 'land', keyword: 'x' }
    expect(applyEntryFilter(byPrice, { district: 'jiading' })).toEqual({
      sort: 'price_asc',
      deal: 'sale',
      district: 'jiading',
    })
    expect(applyEntryFilter(byPrice, { deal: 'rent' })).toEqual({ sort: 'price_asc', deal: 'rent' })
  })

  it('a price sort never stands without a deal (rent and sale prices are in different units)', () => {
    expect(normaliseFilters({ sort: 'price_desc', type: 'land' })).toEqual({ sort: 'newest', type: 'land' })
    expect(normaliseFilters({ sort: 'price_desc', deal: 'sale' })).toEqual({
      sort: 'price_desc',
      deal: 'sale',
    })
    const sorted: ParkFilters = { sort: 'price_asc', deal: 'rent', priceMin: 1 }
    expect(withDeal(sorted, undefined)).toEqual({ sort: 'newest' })
    expect(withDeal(sorted, 'sale')).toEqual({ sort: 'price_asc', deal: 'sale' })
    expect(removeChip(sorted, 'deal')).toEqual({ sort: 'newest' })
    expect(clearFilters(sorted)).toEqual({ sort: 'newest' })
    expect(clearFilters({ sort: 'area_asc', deal: 'rent' })).toEqual({ sort: 'area_asc' })
    // withSort: a price sort takes the deal it is given, and without one changes nothing.
    expect(withSort({ sort: 'newest' }, 'price_asc')).toEqual({ sort: 'newest' })
    expect(withSort({ sort: 'newest' }, 'price_asc', 'rent')).toEqual({ sort: 'price_asc', deal: 'rent' })
    expect(withSort({ sort: 'newest', deal: 'sale' }, 'price_desc')).toEqual({
      sort: 'price_desc',
      deal: 'sale',
    })
    expect(sortLabel({ sort: 'price_desc', deal: 'rent' })).toBe('租金从高到低')
    expect(sortLabel({ sort: 'price_asc', deal: 'sale' })).toBe('售价从低到高')
    expect(sortLabel({ sort: 'area_asc' })).toBe('面积从小到大')
  })

  it('reads district/type/deal from route params, ignoring junk', () => {
    expect(filtersFromRoute({ district: 'songjiang' })).toEqual({ district: 'songjiang' })
    expect(filtersFromRoute({ district: 'nowhere', type: '%E0%A4%A' })).toBeNull()
    expect(filtersFromRoute({ keyword: encodeURIComponent('新桥') })).toEqual({ keyword: '新桥' })
    expect(filtersFromRoute({})).toBeNull()
  })
})

describe('park page helpers', () => {
  it('key facts in order, hiding what the record lacks', () => {
    expect(parkFacts(makePark())).toEqual([
      { label: '面积（可分割）', value: `2,000–5,000${J}㎡` },
      { label: '价格', value: `1.2${J}元/m²/${J}天` },
      { label: '层高', value: `8${J}米` },
      { label: '承重', value: `1,500kg/${J}㎡` },
      { label: '配电', value: '630kVA' },
      { label: '独门独院', value: '是' },
      { label: '产证', value: '有' },
      { label: '环评', value: '否' },
      { label: '区域', value: '松江' },
    ])
    const land = makePark({ type: 'land', floorHeight: undefined, floorLoad: undefined, power: undefined })
    expect(parkFacts(land).map((f) => f.label)).toEqual([
      '面积（可分割）',
      '价格',
      '独门独院',
      '产证',
      '环评',
      '区域',
    ])
  })

  it('a favourite keeps the summary only', () => {
    const summary = toParkSummary(makePark())
    expect(summary).not.toHaveProperty('description')
    expect(summary).not.toHaveProperty('photos')
    expect(summary.id).toBe('p012')
  })

  it('share payloads carry the id and the source', () => {
    const park = makePark()
    expect(parkShareMessage('p012', park, 'pst01')).toEqual({
      title: '松江新桥独栋厂房 1.2元/m²/天',
      path: '/packages/park/detail/index?id=p012&src=pst01',
      imageUrl: '/media/parks/p012-1.jpg',
    })
    expect(parkShareTimeline('p012', park, 'share')).toEqual({
      title: '松江新桥独栋厂房 1.2元/m²/天',
      query: 'id=p012&src=share',
      imageUrl: '/media/parks/p012-1.jpg',
    })
  })

  it('description: sanitised for H5, inline-styled for weapp', () => {
    const hostile = '<p onclick="x()">介绍</p><script>alert(1)</script><img src="/media/a.png" onerror="y()">'
    const h5 = forH5(hostile)
    expect(h5).toContain('<p>介绍</p>')
    expect(h5).toContain('src="/media/a.png"')
    expect(h5).not.toMatch(/onclick|onerror|script|alert/)
    expect(forWeapp('<p>a</p>')).toBe('<p style="margin:0 0 12px">a</p>')
  })
})
