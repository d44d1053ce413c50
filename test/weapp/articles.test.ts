/**
 * The articles slice as WeChat runs it: the BUILT dist/ (Taro runtime + compiled React pages +
 * base.wxml through the official wcc compiler) in miniprogram-simulate, with `wx` stubbed.
 * Build first: `npm run build:weapp`.
 */
import type { ArticleSummary } from '@/domain/article'
import { contact, makeArticle, makeSummary } from '../component/fixtures'
import { weappSuite, type SetDataStats } from './harness'

const h = weappSuite()

const LIST = 'pages/articles/index'
const DETAIL = 'packages/article/detail/index'
/** Render-tree paths of the 资讯 tab: page view → [sticky head, list]. */
const HEAD_ROOT = 'root.cn.[0].cn.[0]'
const LIST_ROOT = 'root.cn.[0].cn.[1]'

const page1: ArticleSummary[] = Array.from({ length: 10 }, (_, i) => makeSummary(i + 1))
const page2: ArticleSummary[] = Array.from({ length: 10 }, (_, i) => makeSummary(i + 11))
const CURSOR = 'cursor-after-a-10'

/** Two pages of ten, like the cloud function's keyset pagination. */
function serveTwoPages() {
  h.respond({
    'articles.list': (payload: { cursor?: string }) =>
      payload.cursor === CURSOR
        ? { ok: true, data: { items: page2, nextCursor: null } }
        : { ok: true, data: { items: page1, nextCursor: CURSOR } },
  })
}

const listCall = (payload: Record<string, unknown>) => ({
  name: 'api',
  data: { action: 'articles.list', payload },
})

const summary = (s: SetDataStats) => ({ calls: s.calls, bytes: s.bytes, maxBytes: s.maxBytes })

/** Opt-in numbers for reports/benchmarks: WEAPP_STATS=1 npx jest --selectProjects weapp */
const report = (label: string, s: SetDataStats) => {
  if (process.env.WEAPP_STATS) {
    // eslint-disable-next-line no-console
    console.log(`[setData] ${label}: ${s.calls} calls, ${s.bytes} B (max ${s.maxBytes} B)`)
  }
}

describe('articles list (pages/articles/index)', () => {
  it('renders the rows of the first page from one cloud call', async () => {
    serveTwoPages()
    const page = await h.loadPage(LIST)

    expect(h.wx.cloud.callFunction).toHaveBeenCalledTimes(1)
    expect(h.wx.cloud.callFunction).toHaveBeenCalledWith(listCall({ limit: 10 }))

    const html = page.html()
    for (const a of page1) expect(html).toContain(a.title)
    expect(page.queryAll('.article-card')).toHaveLength(10)
    expect(page.text()).toContain('加载更多')
    // Only the first page is shown.
    expect(html).not.toContain(page2[0].title)
  })

  it('reach-bottom loads the next page with the cursor and appends only the new rows', async () => {
    serveTwoPages()
    h.setLatency(30) // a real round trip: the footer spinner gets its own render
    const page = await h.loadPage(LIST)
    const open = h.stats()
    report('open list (skeleton + 10 rows)', open)

    h.resetStats()
    h.keepSetDataPayloads(true)
    await page.reachBottom()
    const more = h.stats()
    h.keepSetDataPayloads(false)
    report('load page 2 (+10 rows)', more)

    expect(h.cloudCalls()).toEqual([listCall({ limit: 10 }), listCall({ limit: 10, cursor: CURSOR })])
    const html = page.html()
    for (const a of [...page1, ...page2]) expect(html).toContain(a.title)
    expect(page.queryAll('.article-card')).toHaveLength(20)
    expect(page.text()).toContain('没有更多了')

    // Loading more sends the new rows only: no update rewrites the page, the list container,
    // the sticky head (search + category tabs) or one of the ten rows already on screen. Taro
    // diffs into path keys: the page is root.cn.[0], its head .cn.[0], the list .cn.[1], and
    // rows are like `root.cn.[0].cn.[1].cn.[12]`.
    const keys = more.entries.flatMap((e) => Object.keys(e.data ?? {}))
    expect(keys.length).toBeGreaterThan(0)
    for (const container of ['root.cn', 'root.cn.[0]', 'root.cn.[0].cn', LIST_ROOT, `${LIST_ROOT}.cn`]) {
      expect(keys).not.toContain(container)
    }
    expect(keys.filter((k) => k.startsWith(HEAD_ROOT))).toEqual([])
    const rowIndex = (k: string) =>
      k.startsWith(`${LIST_ROOT}.cn.[`) ? Number(/^\.cn\.\[(\d+)\]/.exec(k.slice(LIST_ROOT.length))?.[1]) : -1
    expect(keys.filter((k) => rowIndex(k) < 0)).toEqual([]) // every update is inside the list
    expect(keys.filter((k) => rowIndex(k) < page1.length)).toEqual([])

    // …so it costs less than opening the page did.
    expect(summary(more).bytes).toBeLessThan(summary(open).bytes)
    expect(more.maxBytes).toBeLessThan(256 * 1024) // WeChat's per-call limit
  })

  it('tapping a row opens the detail page of that article', async () => {
    serveTwoPages()
    const page = await h.loadPage(LIST)

    await page.tap('.article-card', 2)

    expect(h.wx.navigateTo).toHaveBeenCalledTimes(1)
    // Taro adds its own `__key_` to the url it keeps, not to the one WeChat receives; accept
    // either so this checks the route and id only.
    expect(h.wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({
        url: expect.stringMatching(/^\/packages\/article\/detail\/index\?id=a-3(&|$)/),
      }),
    )
  })
})

describe('category tabs (pages/articles/index)', () => {
  it('tapping 政策解读 reloads page one with payload.category and marks the tab', async () => {
    h.respond({
      'articles.list': (payload: { category?: string }) => ({
        ok: true,
        data: {
          items: payload.category
            ? [makeSummary(50, { category: 'policy', title: '政策解读第一篇' })]
            : page1,
          nextCursor: null,
        },
      }),
    })
    const page = await h.loadPage(LIST)
    expect(page.queryAll('.tabs__item')).toHaveLength(4)

    await page.tap('.tabs__item', 2)

    expect(h.cloudCalls()).toEqual([listCall({ limit: 10 }), listCall({ limit: 10, category: 'policy' })])
    expect(page.text()).toContain('政策解读第一篇')
    expect(page.text()).not.toContain(page1[0].title)
    expect(page.queryAll('.tabs__item--active')).toHaveLength(1)
  })
})

describe('article detail (packages/article/detail/index)', () => {
  const article = makeArticle({
    id: 'a-1',
    title: '松江产业园标准厂房招租',
    body: '<p>正文第一段：层高9米，承重3吨。</p><p>第二段</p>',
  })
  const related = [makeSummary(21, { title: '相关：松江厂房租金行情' })]

  function serveDetail() {
    h.respond({
      'articles.get': (payload: { id: string }) =>
        payload.id === article.id
          ? { ok: true, data: { article, contact, related } }
          : { ok: false, error: { code: 'NOT_FOUND', message: '文章不存在或已下线' } },
    })
  }

  it('renders the article from one articles.get call', async () => {
    serveDetail()
    const page = await h.loadPage(DETAIL, { id: 'a-1' })
    report('open detail', h.stats())

    expect(h.cloudCalls()).toEqual([
      { name: 'api', data: { action: 'articles.get', payload: { id: 'a-1' } } },
    ])
    expect(page.text()).toContain(article.title)
    // The body goes to the native rich-text as its `nodes` (simulate does not draw it).
    expect(page.dataJson()).toContain('正文第一段：层高9米，承重3吨。')
    expect(page.text()).toContain(contact.agentName)
    expect(h.wx.setNavigationBarTitle).toHaveBeenCalledWith(expect.objectContaining({ title: article.title }))
  })

  it('the contact card calls, copies and previews through wx', async () => {
    serveDetail()
    const page = await h.loadPage(DETAIL, { id: 'a-1' })

    await page.tap('.contact-card__hotline')
    expect(h.wx.makePhoneCall).toHaveBeenCalledTimes(1)
    expect(h.wx.makePhoneCall).toHaveBeenCalledWith(expect.objectContaining({ phoneNumber: '4000123021' }))

    await page.tap('.contact-card__copy')
    expect(h.wx.setClipboardData).toHaveBeenCalledTimes(1)
    expect(h.wx.setClipboardData).toHaveBeenCalledWith(expect.objectContaining({ data: '13524678515' }))
    expect(h.wx.showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: expect.stringContaining('已复制') }),
    )

    await page.tap('.contact-card__qr-open')
    expect(h.wx.previewImage).toHaveBeenCalledTimes(1)
    expect(h.wx.previewImage).toHaveBeenCalledWith(
      expect.objectContaining({ urls: [expect.stringContaining('agent-wechat-qr')] }),
    )
  })

  it('a cancelled phone call shows nothing', async () => {
    serveDetail()
    const page = await h.loadPage(DETAIL, { id: 'a-1' })
    h.wx.makePhoneCall.mockImplementationOnce((opts: { fail?: (e: unknown) => void }) => {
      opts.fail?.({ errMsg: 'makePhoneCall:fail cancel' })
    })

    await page.tap('.contact-card__hotline')

    expect(h.wx.makePhoneCall).toHaveBeenCalledTimes(1)
    expect(h.wx.showToast).not.toHaveBeenCalled()
    expect(h.wx.showModal).not.toHaveBeenCalled()
  })

  it('an error answer shows the error view, and 重新加载 asks again', async () => {
    h.respond({
      'articles.get': () => ({
        ok: false,
        error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' },
      }),
    })
    const page = await h.loadPage(DETAIL, { id: 'a-1' })

    expect(page.text()).toContain('服务暂时不可用，请稍后再试')
    expect(page.text()).toContain('重新加载')
    expect(page.text()).not.toContain(contact.agentName)
    expect(h.wx.cloud.callFunction).toHaveBeenCalledTimes(1)

    serveDetail()
    await page.tap('.state-view__action')

    expect(h.wx.cloud.callFunction).toHaveBeenCalledTimes(2)
    expect(h.cloudCalls()[1]).toEqual({
      name: 'api',
      data: { action: 'articles.get', payload: { id: 'a-1' } },
    })
    expect(page.text()).toContain(article.title)
    expect(page.text()).not.toContain('重新加载')
  })

  it('a failed cloud call (no answer) shows the network error and can be retried', async () => {
    h.setResponder(() => {
      throw Object.assign(new Error('cloud.callFunction:fail timeout'), { errCode: -504003 })
    })
    const page = await h.loadPage(DETAIL, { id: 'a-1' })

    expect(page.text()).toContain('网络连接失败')
    expect(page.text()).toContain('重新加载')

    serveDetail()
    await page.tap('.state-view__action')
    expect(h.wx.cloud.callFunction).toHaveBeenCalledTimes(2)
    expect(page.text()).toContain(article.title)
  })

  it('tags open the tag page; a related article replaces the page with it', async () => {
    serveDetail()
    const page = await h.loadPage(DETAIL, { id: 'a-1' })
    expect(page.text()).toContain('相关阅读')
    expect(page.text()).toContain('相关：松江厂房租金行情')

    await page.tap('.chip--tag')
    expect(h.wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({
        url: expect.stringMatching(
          new RegExp(`^/packages/article/tag/index\\?tag=${encodeURIComponent('松江产业园')}(&|$)`),
        ),
      }),
    )

    await page.tap('.related-articles .article-card')
    expect(h.wx.redirectTo).toHaveBeenCalledWith(
      expect.objectContaining({
        url: expect.stringMatching(/^\/packages\/article\/detail\/index\?id=a-21(&|$)/),
      }),
    )
  })
})
