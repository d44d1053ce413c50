/**
 * The home page as WeChat runs it (BUILT dist/ in miniprogram-simulate, `wx` stubbed): one
 * `home.get` cloud call renders it; the answer is cached and shown at once next time; the
 * district shortcuts hand a filter to the parks tab; a QR scene opens the park.
 * Build first: `npm run build:weapp`.
 */
import { makeHome, makePark } from '../component/home-fixtures'
import { weappSuite } from './harness'

const h = weappSuite()

const HOME = 'pages/index/index'
const homeCall = { name: 'api', data: { action: 'home.get', payload: {} } }

beforeEach(() => {
  h.wx.clearStorageSync()
})

describe('home (pages/index/index)', () => {
  it('renders banner, districts, featured parks and latest articles from ONE home.get call', async () => {
    const data = makeHome()
    h.respond({ 'home.get': () => ({ ok: true, data }) })
    const page = await h.loadPage(HOME)

    expect(h.cloudCalls()).toEqual([homeCall])
    const text = page.text()
    expect(text).toContain('中国产业园区招商网')
    expect(text).toContain('400-012-3021')
    for (const label of ['松江', '嘉定', '浦东/临港', '宣城']) expect(text).toContain(label)
    for (const park of data.featuredParks) expect(text).toContain(park.name)
    // The price's unit is glued with U+2060 word joiners so it never wraps apart.
    expect(text).toContain('1.2\u2060元/m²/\u2060天')
    for (const article of data.latestArticles) expect(text).toContain(article.title)
    expect(page.queryAll('.featured-park')).toHaveLength(2)
    expect(page.queryAll('.article-card')).toHaveLength(3)
    expect(h.wx.setStorageSync).toHaveBeenCalledWith('home.cache.v1', expect.stringContaining('"savedAt"'))
    expect(h.stats().maxBytes).toBeLessThan(256 * 1024)
  })

  it('next visit: the cached content is drawn before the answer, with no skeleton; a failure keeps it', async () => {
    h.respond({ 'home.get': () => ({ ok: true, data: makeHome() }) })
    await (await h.loadPage(HOME)).unload()

    h.keepSetDataPayloads(true)
    h.resetStats()
    h.setLatency(30)
    h.setResponder(() => {
      throw Object.assign(new Error('cloud.callFunction:fail timeout'), { errCode: -504003 })
    })
    const page = await h.loadPage(HOME)
    const entries = h.stats().entries
    h.keepSetDataPayloads(false)
    h.clearUnexpected() // the failing responder is the point of this test

    // The very first render already holds the cached park; no skeleton was ever sent.
    expect(JSON.stringify(entries[0]?.data)).toContain('松江园区1号厂房')
    expect(entries.map((e) => JSON.stringify(e.data)).join('')).not.toContain('skeleton')
    expect(page.text()).toContain('网络异常，显示的是缓存内容')
    expect(page.text()).toContain('松江园区1号厂房')
    expect(page.text()).not.toContain('网络连接失败')
  })

  it('no cache and no answer: the error view, and 重新加载 asks again', async () => {
    h.setResponder(() => {
      throw Object.assign(new Error('cloud.callFunction:fail timeout'), { errCode: -504003 })
    })
    const page = await h.loadPage(HOME)
    h.clearUnexpected()
    expect(page.text()).toContain('网络连接失败')

    h.respond({ 'home.get': () => ({ ok: true, data: makeHome() }) })
    await page.tap('.state-view__action')
    expect(h.cloudCalls()).toHaveLength(2)
    expect(page.text()).toContain('松江园区1号厂房')
  })

  it('a district chip stores the pending parks filter and switches to the parks tab', async () => {
    h.respond({ 'home.get': () => ({ ok: true, data: makeHome() }) })
    const page = await h.loadPage(HOME)
    const chips = page.queryAll('.home-page__districts .chip')
    const jiading = chips.findIndex((c: any) => (c.dom?.textContent ?? '').includes('嘉定'))
    expect(jiading).toBeGreaterThanOrEqual(0)
    await page.tap('.home-page__districts .chip', jiading)

    expect(h.wx.setStorageSync).toHaveBeenCalledWith(
      'parks.pendingFilter.v1',
      JSON.stringify({ district: 'jiading' }),
    )
    expect(h.wx.switchTab).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/parks/index' }))
  })

  it('the hotline and a featured park reach wx with the right arguments', async () => {
    h.respond({
      'home.get': () => ({ ok: true, data: makeHome({ featuredParks: [makePark(12)] }) }),
    })
    const page = await h.loadPage(HOME)
    await page.tap('.hotline-banner__call')
    expect(h.wx.makePhoneCall).toHaveBeenCalledWith(expect.objectContaining({ phoneNumber: '4000123021' }))
    await page.tap('.featured-park')
    expect(h.wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({
        url: expect.stringMatching(/^\/packages\/park\/detail\/index\?id=p012(&|$)/),
      }),
    )
  })

  it('a QR scene for a park opens its detail page', async () => {
    h.respond({ 'home.get': () => ({ ok: true, data: makeHome() }) })
    await h.loadPage(HOME, { scene: 'p%3Dp012%26s%3Dpst01' })
    expect(h.wx.navigateTo).toHaveBeenCalledTimes(1)
    expect(h.wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({
        url: expect.stringMatching(/^\/packages\/park\/detail\/index\?id=p012(&|$)/),
      }),
    )
  })

  it('a malformed scene stays on the home page', async () => {
    h.respond({ 'home.get': () => ({ ok: true, data: makeHome() }) })
    const page = await h.loadPage(HOME, { scene: '%E0%A4%A' })
    expect(h.wx.navigateTo).not.toHaveBeenCalled()
    expect(page.text()).toContain('松江园区1号厂房')
  })
})
