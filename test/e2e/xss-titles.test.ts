/**
 * Issue 7 item 1, end to end in Chromium: nothing from a link or from the catalogue reaches
 * HTML on H5. Taro's router writes the navigation-bar title with innerHTML; every dynamic title
 * goes through setPageTitle (src/lib/pageTitle.ts), which makes it text.
 *   - crafted tag links (`#<svg onload>`, a `<base href>` that would move chunk loading to
 *     another host) and a park and an article whose titles are markup (served from a mock
 *     catalogue of this test's own);
 *   - proof that nothing ran: no window.__xss flag, no dialog, no request to another host,
 *     and the title bar and the tab title show the text literally.
 */
import { rmSync } from 'node:fs'
import {
  mockCatalogue,
  openFresh,
  openPhone,
  settled,
  shot,
  startServer,
  watchForAttacks,
  type AttackWatch,
  type LocalServer,
  type PhoneBrowser,
} from './browser'

const PARK_NAME = '<img src=x onerror="window.__xssPark=1;alert(1)">园区<base href="//evil.test/">'
const ARTICLE_TITLE = '<img src=x onerror="window.__xssArticle=1;alert(2)">资讯<svg onload=alert(3)>'

let server: LocalServer
let phone: PhoneBrowser
let watch: AttackWatch
let mockDir: string

beforeAll(async () => {
  mockDir = mockCatalogue({
    parks: (parks) => [{ ...parks[0], id: 'pxss', name: PARK_NAME, featured: false }, ...parks],
    articles: (articles) => [{ ...articles[0], id: 'a-xss', title: ARTICLE_TITLE }, ...articles],
  })
  server = await startServer({ MOCK_DIR: mockDir })
  phone = await openPhone()
  watch = await watchForAttacks(phone.context, server.url)
}, 60_000)

afterAll(async () => {
  await phone?.close()
  await server?.stop()
  if (mockDir) rmSync(mockDir, { recursive: true, force: true })
})

const titleBar = () => phone.page.locator('.taro-navigation-bar-title')

async function expectNothingRan(): Promise<void> {
  expect(await watch.flags(phone.page)).toEqual({})
  expect(watch.dialogs).toEqual([])
  expect(watch.outbound).toEqual([])
  // The title bar holds text only: no element was parsed out of a title.
  expect(await titleBar().evaluate((el) => el.children.length)).toBe(0)
}

// The tag page keeps at most 20 characters of the tag: these fit.
const TAGS = ['<svg/onload=__xss=1>', '<svg onload=alert()>', '<base href=//x.test>', '<b>粗体</b>&amp;']

test.each(TAGS)(
  'a crafted tag link shows %s as text and runs nothing',
  async (tag) => {
    const { page } = phone
    await openFresh(page, `${server.url}/#/packages/article/tag/index?tag=${encodeURIComponent(tag)}`)
    await page.locator('.article-tag-page').waitFor({ timeout: 15_000 })
    await page.waitForFunction((want) => document.title === want, `#${tag}`, { timeout: 5_000 })
    expect(await titleBar().textContent()).toBe(`#${tag}`)
    // Move on to a page whose chunk is not loaded yet: a <base> would send that request away.
    await page.evaluate(() => {
      location.hash = '#/packages/mine/about/index'
    })
    await page.locator('.taro_page_show').last().waitFor({ timeout: 15_000 })
    await page.waitForTimeout(500)
    await expectNothingRan()
  },
  60_000,
)

test('a park whose name is markup: the detail title shows it as text', async () => {
  const { page } = phone
  await openFresh(page, `${server.url}/#/packages/park/detail/index?id=pxss`)
  await page.waitForFunction((want) => document.title === want, PARK_NAME, { timeout: 15_000 })
  await settled(page)
  expect(await titleBar().textContent()).toBe(PARK_NAME)
  await shot(page, 'xss-01-park-title')
  // Back and forth: the router writes its cached title with innerHTML again on return.
  await page.evaluate(() => {
    location.hash = '#/packages/mine/about/index'
  })
  await page.waitForTimeout(800)
  await page.goBack()
  await page.waitForFunction(() => !location.hash.includes('about'), undefined, { timeout: 5_000 })
  await page.waitForTimeout(800)
  expect(await titleBar().textContent()).toBe(PARK_NAME)
  await expectNothingRan()
}, 60_000)

test('an article whose title is markup: the detail title shows it as text', async () => {
  const { page } = phone
  await openFresh(page, `${server.url}/#/packages/article/detail/index?id=a-xss`)
  await page.waitForFunction((want) => document.title === want, ARTICLE_TITLE, { timeout: 15_000 })
  expect(await titleBar().textContent()).toBe(ARTICLE_TITLE)
  await shot(page, 'xss-02-article-title')
  await page.waitForTimeout(500)
  await expectNothingRan()
  expect(phone.pageErrors).toEqual([])
}, 60_000)
