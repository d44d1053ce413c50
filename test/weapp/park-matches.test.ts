/**
 * 这些园区可能适合您 as WeChat runs it: the BUILT success page (packages/inquiry/success) opened
 * with the need in its query, as the form's redirect leaves it (values still URI-encoded, as
 * WeChat hands them over), asks parks.match through wx.cloud.callFunction and renders the cards
 * with their reasons; a tap opens the park. Build first: `npm run build:weapp`.
 */
import type { ParkMatch } from '@/domain/match-need'
import { makeHome } from '../component/home-fixtures'
import { makeParkSummary } from '../component/park-fixtures'
import { weappSuite } from './harness'

const h = weappSuite()
jest.setTimeout(30_000)

const SUCCESS = 'packages/inquiry/success/index'
const QUERY = {
  status: 'new',
  need: 'rent-factory',
  district: 'songjiang',
  areaMin: '2000',
  industry: encodeURIComponent('新能源汽车零部件'),
}

const MATCHES: ParkMatch[] = [
  {
    park: makeParkSummary(5, { name: '新桥名企产业园', areaMin: 1200, areaMax: 3600 }),
    score: 94,
    reasons: ['厂房出租', '位于松江', '面积 1,200–3,600㎡ 符合需求'],
  },
  {
    park: makeParkSummary(1, {
      name: 'G60科创走廊·松江智造园',
      areaMin: 2400,
      areaMax: 4800,
      divisible: true,
    }),
    score: 89,
    reasons: ['厂房出租', '位于松江', '准入 新能源'],
  },
  { park: makeParkSummary(10, { name: '泗泾镇双层厂房' }), score: 70, reasons: ['厂房出租', '位于松江'] },
]

const matchCalls = () => h.cloudCalls().filter((c) => c.data?.action === 'parks.match')
const textOf = (node: any): string => (node?.dom?.textContent ?? '').replace(/\s+/g, ' ').trim()

beforeEach(() => {
  h.wx.clearStorageSync()
})

describe('success page recommendations (built weapp)', () => {
  it('renders 3 parks with their reasons under the message; a card opens its park', async () => {
    h.respond({
      'home.get': () => ({ ok: true, data: makeHome() }),
      'parks.match': () => ({ ok: true, data: { items: MATCHES } }),
    })
    const page = await h.loadPage(SUCCESS, QUERY)
    await h.flush()

    expect(matchCalls()).toHaveLength(1)
    expect(matchCalls()[0].data.payload).toEqual({
      needType: 'rent-factory',
      district: 'songjiang',
      areaMin: 2000,
      industry: '新能源汽车零部件',
    })
    const text = page.text()
    expect(text).toContain('提交成功')
    expect(text).toContain('这些园区可能适合您')
    expect(text.indexOf('提交成功')).toBeLessThan(text.indexOf('这些园区可能适合您'))
    const cards = page.queryAll('.park-matches__item')
    expect(cards).toHaveLength(3)
    expect(page.queryAll('.park-card__name').map(textOf)).toEqual([
      '新桥名企产业园',
      'G60科创走廊·松江智造园',
      '泗泾镇双层厂房',
    ])
    expect(page.queryAll('.park-matches__reason').map(textOf)).toEqual(
      MATCHES.flatMap((m) => m.reasons).map((r) => r.replace(/\s+/g, ' ')),
    )

    await page.tap('.park-card', 1)
    expect(h.wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/packages/park/detail/index?id=p001' }),
    )
    h.assertNoUnexpected()
  })

  it('hides the section when the match fails; the message stays', async () => {
    h.respond({
      'home.get': () => ({ ok: true, data: makeHome() }),
      'parks.match': () => ({ ok: false, error: { code: 'INTERNAL', message: '服务繁忙' } }),
    })
    const page = await h.loadPage(SUCCESS, QUERY)
    await h.flush()
    expect(matchCalls()).toHaveLength(1)
    expect(page.text()).toContain('提交成功')
    expect(page.text()).not.toContain('这些园区可能适合您')
    expect(page.queryAll('.park-matches')).toHaveLength(0)
  })
})
