import {
  AREA_PRESETS,
  PRICE_PRESETS,
  activeChips,
  applyEntryFilter,
  clearFilters,
  filtersFromRoute,
  formatArea,
  formatAreaLine,
  formatNumber,
  formatPrice,
  formatRange,
  hasActiveFilters,
  matchPreset,
  normaliseFilters,
  parkMetaLine,
  removeChip,
  sameFilters,
  toListPayload,
  toParkSummary,
  withDeal,
  type ParkFilters,
} from '@/features/parks/query'
import { parkFacts } from '@/features/parks/facts'
import { parkShareMessage, parkShareTimeline } from '@/features/parks/share'
import { prepareDescription as forH5 } from '@/features/parks/richDescription.h5'
import { prepareDescription as forWeapp } from '@/features/parks/richDescription'
import { makePark } from './park-fixtures'

describe('formatting', () => {
  it('prices as the market quotes them, 面议 without one', () => {
    expect(formatPrice({ value: 1.2, unit: 'yuan_m2_day' })).toBe('1.2元/m²/天')
    expect(formatPrice({ value: 6500, unit: 'yuan_m2' })).toBe('6500元/m²')
    expect(formatPrice({ value: 1200, unit: 'wan' })).toBe('1200万元')
    expect(formatPrice({ value: 1.236, unit: 'yuan_m2_day' })).toBe('1.24元/m²/天')
    expect(formatPrice(null)).toBe('面议')
  })

  it('areas with thousands separators; one value for a single unit', () => {
    expect(formatArea(2000, 5000)).toBe('2,000–5,000㎡')
    expect(formatArea(800, 800)).toBe('800㎡')
    expect(formatArea(12000, 12000)).toBe('12,000㎡')
    expect(formatAreaLine({ areaMin: 2000, areaMax: 5000, divisible: true })).toBe('2,000–5,000㎡ · 可分割')
    expect(formatAreaLine({ areaMin: 2000, areaMax: 2000, divisible: false })).toBe('2,000㎡')
  })

  it('numbers keep at most two decimals', () => {
    expect(formatNumber(1234567)).toBe('1,234,567')
    expect(formatNumber(1.5)).toBe('1.5')
    expect(formatNumber(0)).toBe('0')
  })

  it('filter ranges read naturally at either open end', () => {
    expect(formatRange(1, 1.5, '元/m²/天')).toBe('1–1.5元/m²/天')
    expect(formatRange(undefined, 500, '㎡')).toBe('500㎡以下')
    expect(formatRange(8000, undefined, '元/m²')).toBe('8,000元/m²以上')
    expect(formatRange(undefined, undefined, '㎡')).toBe('')
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
      { key: 'area', label: '2,000–5,000㎡' },
      { key: 'price', label: '1元/m²/天以下' },
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
      '500㎡以下',
      '500–2000㎡',
      '2000–5000㎡',
      '5000–10000㎡',
      '1万㎡以上',
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
    const current: ParkFilters = { sort: 'price_asc', type: 'land', keyword: 'x' }
    expect(applyEntryFilter(current, { district: 'jiading' })).toEqual({
      sort: 'price_asc',
      district: 'jiading',
    })
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
      { label: '面积（可分割）', value: '2,000–5,000㎡' },
      { label: '价格', value: '1.2元/m²/天' },
      { label: '层高', value: '8米' },
      { label: '承重', value: '1,500kg/㎡' },
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
