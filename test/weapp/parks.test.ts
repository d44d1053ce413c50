/**
 * The parks slice as WeChat runs it: the BUILT dist/ (Taro runtime + compiled React pages +
 * base.wxml through the official wcc compiler) in miniprogram-simulate, with `wx` stubbed and
 * the `api` cloud function answered from mock/parks.json and mock/agency.json.
 * Build first: `npm run build:weapp`.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AgencyContact } from '@/domain/agency'
import type { ParkDetail } from '@/domain/actions'
import type { Park, ParkSummary } from '@/domain/park'
import type { ListParksPayload } from '@/domain/schemas'
import { toParkSummary } from '@/features/parks/query'
import { ROOT, weappSuite, type PageHandle } from './harness'

const h = weappSuite()
// The parks page is the largest render tree in the app: leave room on a busy (2-core) machine.
jest.setTimeout(30_000)

const LIST = 'pages/parks/index'
const DETAIL = 'packages/park/detail/index'
/** Render-tree paths of the 找园区 tab: page view → [sticky head, body wrapper → the list]. */
const HEAD_ROOT = 'root.cn.[0].cn.[0]'
const LIST_ROOT = 'root.cn.[0].cn.[1].cn.[0]'
/** The detail page's foot bar: items, then the primary 留言咨询 button. */
const BAR_SELECTORS = [
  '.contact-bar__item',
  '.contact-bar__primary',
  '.park-actions__item',
  '.park-actions__primary',
]

const readMock = <T>(file: string): T => JSON.parse(readFileSync(join(ROOT, 'mock', file), 'utf8')) as T
const PARKS = readMock<Park[]>('parks.json')
const AGENCY = readMock<AgencyContact>('agency.json')
const parkById = (id: string) => {
  const park = PARKS.find((p) => p.id === id)
  if (!park) throw new Error(`mock/parks.json has no ${id}`)
  return park
}

/** Newest first, like the cloud function's default sort (updatedAt desc, then id desc). */
const NEWEST: ParkSummary[] = PARKS.map(toParkSummary).sort(
  (a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id.localeCompare(a.id),
)
const inDistrict = (d: string) => NEWEST.filter((p) => p.district === d)
const names = (rows: ParkSummary[]) => rows.map((p) => p.name)

/**
 * `parks.list` over the mock parks: filtered by district, newest first, pages of `limit` with
 * an opaque offset cursor (the real one is keyset; the page only passes it back).
 */
function serveParks() {
  h.respond({
    'parks.list': (payload: ListParksPayload) => {
      const rows = payload.district ? inDistrict(payload.district) : NEWEST
      const start = payload.cursor ? Number(/^after:(\d+)$/.exec(payload.cursor)?.[1]) : 0
      const limit = payload.limit ?? 10
      if (!Number.isInteger(start)) throw new Error(`bad cursor ${payload.cursor}`)
      const end = start + limit
      return {
        ok: true,
        data: { items: rows.slice(start, end), nextCursor: end < rows.length ? `after:${end}` : null },
      }
    },
  })
}

const listCall = (payload: Record<string, unknown>) => ({
  name: 'api',
  data: { action: 'parks.list', payload },
})
const DEFAULT_PAYLOAD = { sort: 'newest', limit: 10 }

const chipIndex = (page: PageHandle, label: string) => {
  const i = page.queryAll('.park-chip').findIndex((c: any) => (c.dom?.textContent ?? '').trim() === label)
  if (i < 0) throw new Error(`no .park-chip "${label}"`)
  return i
}

beforeEach(() => {
  h.wx.clearStorageSync()
})

describe('parks list (pages/parks/index)', () => {
  it('opens with ONE parks.list call for the default query and renders the first page', async () => {
    serveParks()
    const page = await h.loadPage(LIST)

    expect(h.cloudCalls()).toEqual([listCall(DEFAULT_PAYLOAD)])
    const text = page.text()
    for (const name of names(NEWEST.slice(0, 10))) expect(text).toContain(name)
    expect(page.queryAll('.park-card')).toHaveLength(10)
    expect(text).not.toContain(NEWEST[10].name)
    expect(text).toContain('加载更多')
    // 全部 is the active district; the query is remembered for the next launch.
    expect(page.queryAll('.park-chip--active').map((c: any) => c.dom.textContent.trim())).toEqual(['全部'])
    expect(h.wx.setStorageSync).toHaveBeenCalledWith('parks.lastQuery.v1', JSON.stringify({ sort: 'newest' }))
  })

  it('tapping the 松江 chip asks again with district songjiang and shows that answer only', async () => {
    serveParks()
    const page = await h.loadPage(LIST)

    await page.tap('.park-chip', chipIndex(page, '松江'))

    expect(h.cloudCalls()).toEqual([
      listCall(DEFAULT_PAYLOAD),
      listCall({ ...DEFAULT_PAYLOAD, district: 'songjiang' }),
    ])
    const songjiang = inDistrict('songjiang')
    const text = page.text()
    for (const name of names(songjiang.slice(0, 10))) expect(text).toContain(name)
    // Rows of the first answer that are not in 松江 are gone.
    const others = NEWEST.slice(0, 10).filter((p) => p.district !== 'songjiang')
    expect(others.length).toBeGreaterThan(0)
    for (const name of names(others)) expect(text).not.toContain(name)
    expect(page.queryAll('.park-card')).toHaveLength(10)
    expect(page.queryAll('.park-chip--active').map((c: any) => c.dom.textContent.trim())).toEqual(['松江'])
    expect(page.queryAll('.active-filters__chip')).toHaveLength(1)
  })

  it('reach-bottom sends the cursor with the same filters, appends page two, then stops at the end', async () => {
    serveParks()
    const page = await h.loadPage(LIST)
    await page.tap('.park-chip', chipIndex(page, '松江'))
    const songjiang = inDistrict('songjiang')
    expect(songjiang.length).toBeGreaterThan(10) // two pages: 10 + the rest
    expect(songjiang.length).toBeLessThanOrEqual(20)

    await page.reachBottom()

    expect(h.cloudCalls()).toHaveLength(3)
    expect(h.cloudCalls()[2]).toEqual(
      listCall({ ...DEFAULT_PAYLOAD, district: 'songjiang', cursor: 'after:10' }),
    )
    const text = page.text()
    for (const name of names(songjiang)) expect(text).toContain(name) // page one and page two
    expect(page.queryAll('.park-card')).toHaveLength(songjiang.length)
    expect(text).toContain('没有更多了')

    // At the end: another scroll to the bottom neither asks nor renders.
    h.resetStats()
    await page.reachBottom()
    expect(h.cloudCalls()).toHaveLength(3)
    expect(h.stats().calls).toBe(0)
    expect(page.queryAll('.park-card')).toHaveLength(songjiang.length)
  })

  it('load-more sends only the new rows through setData', async () => {
    serveParks()
    h.setLatency(30) // a real round trip: the footer spinner gets its own render
    const page = await h.loadPage(LIST)
    const open = h.stats()

    h.resetStats()
    h.keepSetDataPayloads(true)
    await page.reachBottom()
    const more = h.stats()
    h.keepSetDataPayloads(false)

    expect(h.cloudCalls()).toEqual([
      listCall(DEFAULT_PAYLOAD),
      listCall({ ...DEFAULT_PAYLOAD, cursor: 'after:10' }),
    ])
    for (const name of names(NEWEST.slice(0, 20))) expect(page.text()).toContain(name)
    expect(page.queryAll('.park-card')).toHaveLength(20)

    // Taro diffs into path keys: the page is root.cn.[0], its head .cn.[0], the list .cn.[1],
    // and rows are like `root.cn.[0].cn.[1].cn.[12]`. No update may rewrite the page, the
    // list container or one of the ten rows already on screen.
    const keys = more.entries.flatMap((e) => Object.keys(e.data ?? {}))
    expect(keys.length).toBeGreaterThan(0)
    for (const container of ['root.cn', 'root.cn.[0]', 'root.cn.[0].cn', LIST_ROOT, `${LIST_ROOT}.cn`]) {
      expect(keys).not.toContain(container)
    }
    const rowIndex = (k: string) =>
      k.startsWith(`${LIST_ROOT}.cn.[`) ? Number(/^\.cn\.\[(\d+)\]/.exec(k.slice(LIST_ROOT.length))?.[1]) : -1
    expect(keys.filter((k) => k.startsWith(`${LIST_ROOT}.`) && rowIndex(k) < 10)).toEqual([])
    // Outside the list, at most the search box's value comes again: Taro re-sends a controlled
    // Input's `value` (p25) whenever its component renders. Nothing else of the head moves.
    const outside = keys.filter((k) => !k.startsWith(`${LIST_ROOT}.`))
    expect(outside.filter((k) => !(k.startsWith(`${HEAD_ROOT}.`) && k.endsWith('.p25')))).toEqual([])
    // The ten new rows are among the updates.
    for (let i = 10; i < 20; i++) expect(keys).toContain(`${LIST_ROOT}.cn.[${i}]`)

    expect(more.bytes).toBeLessThan(open.bytes)
    expect(more.maxBytes).toBeLessThan(256 * 1024) // WeChat's per-call limit
  })

  it('tapping a row opens the detail page of that park', async () => {
    serveParks()
    const page = await h.loadPage(LIST)

    await page.tap('.park-card', 2)

    expect(h.wx.navigateTo).toHaveBeenCalledTimes(1)
    expect(h.wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({
        url: expect.stringMatching(new RegExp(`^/packages/park/detail/index\\?id=${NEWEST[2].id}(&|$)`)),
      }),
    )
  })

  it('a district left by the home page is the first query', async () => {
    serveParks()
    h.wx.setStorageSync('parks.pendingFilter.v1', JSON.stringify({ district: 'jiading' }))
    const page = await h.loadPage(LIST)

    expect(h.cloudCalls()).toEqual([listCall({ ...DEFAULT_PAYLOAD, district: 'jiading' })])
    expect(page.queryAll('.park-card')).toHaveLength(inDistrict('jiading').length)
    expect(page.queryAll('.park-chip--active').map((c: any) => c.dom.textContent.trim())).toEqual(['嘉定'])
    expect(h.wx.getStorageSync('parks.pendingFilter.v1')).toBe('') // taken once
  })
})

describe('park detail (packages/park/detail/index)', () => {
  const park = parkById('p001')
  const similar = inDistrict('songjiang')
    .filter((p) => p.id !== park.id)
    .slice(0, 3)
  const detail: ParkDetail = { park, contact: AGENCY, similar }

  function serveDetail() {
    h.respond({
      'parks.get': (payload: { id: string }) =>
        payload.id === park.id
          ? { ok: true, data: detail }
          : { ok: false, error: { code: 'NOT_FOUND', message: '园区不存在或已下架' } },
      // Contact taps may be reported in fire-and-forget batches (on a timer or page hide).
      'events.record': (payload: { events?: unknown[] }) => ({
        ok: true,
        data: { accepted: payload.events?.length ?? 0 },
      }),
    })
  }
  /** The page's data requests: everything but those contact-event batches. */
  const dataCalls = () => h.cloudCalls().filter((c) => c.data?.action !== 'events.record')

  /**
   * Taps the foot bar's 电话 / 微信 / 留言咨询 by its label: the bar is the parks feature's own
   * (`.park-actions`) or the contact feature's shared one (`.contact-bar`) that replaces it.
   */
  async function tapBar(page: PageHandle, label: string) {
    for (const selector of BAR_SELECTORS) {
      const i = page.queryAll(selector).findIndex((n: any) => (n.dom?.textContent ?? '').includes(label))
      if (i >= 0) return page.tap(selector, i)
    }
    throw new Error(`no "${label}" in the foot bar (${BAR_SELECTORS.join(', ')})`)
  }

  it('renders the park from ONE parks.get call', async () => {
    serveDetail()
    const page = await h.loadPage(DETAIL, { id: 'p001' })

    expect(dataCalls()).toEqual([{ name: 'api', data: { action: 'parks.get', payload: { id: 'p001' } } }])
    const text = page.text()
    expect(text).toContain(park.name)
    expect(text).toContain(park.address)
    expect(text).toContain(AGENCY.agentName)
    for (const s of similar) expect(text).toContain(s.name)
    expect(h.wx.setNavigationBarTitle).toHaveBeenCalledWith(expect.objectContaining({ title: park.name }))
    expect(h.stats().maxBytes).toBeLessThan(256 * 1024)
  })

  it('导航 hands the park location to wx.openLocation', async () => {
    serveDetail()
    const page = await h.loadPage(DETAIL, { id: 'p001' })

    await page.tap('.park-location__go')

    expect(h.wx.openLocation).toHaveBeenCalledTimes(1)
    expect(h.wx.openLocation).toHaveBeenCalledWith(
      expect.objectContaining({
        latitude: park.location.latitude,
        longitude: park.location.longitude,
        name: park.name,
        address: park.address,
      }),
    )
  })

  it('电话 offers the numbers in an action sheet and dials the chosen one (the hotline)', async () => {
    serveDetail()
    const page = await h.loadPage(DETAIL, { id: 'p001' })

    await tapBar(page, '电话')

    expect(h.wx.showActionSheet).toHaveBeenCalledTimes(1)
    const { itemList } = h.wx.showActionSheet.mock.calls[0][0] as { itemList: string[] }
    expect(itemList[0]).toContain('招商热线')
    // WeChat-only numbers cannot take calls: hotline + the callable mobiles.
    expect(itemList).toHaveLength(1 + AGENCY.mobiles.filter((m) => !m.wechatOnly).length)
    expect(h.wx.makePhoneCall).toHaveBeenCalledTimes(1)
    expect(h.wx.makePhoneCall).toHaveBeenCalledWith(expect.objectContaining({ phoneNumber: AGENCY.hotline }))
  })

  it('closing the 电话 sheet dials nothing and shows nothing', async () => {
    serveDetail()
    const page = await h.loadPage(DETAIL, { id: 'p001' })
    h.wx.showActionSheet.mockImplementationOnce((opts: { fail?: (e: unknown) => void }) => {
      opts.fail?.({ errMsg: 'showActionSheet:fail cancel' })
    })

    await tapBar(page, '电话')

    expect(h.wx.showActionSheet).toHaveBeenCalledTimes(1)
    expect(h.wx.makePhoneCall).not.toHaveBeenCalled()
    expect(h.wx.showToast).not.toHaveBeenCalled()
    expect(h.wx.showModal).not.toHaveBeenCalled()
  })

  it('留言咨询 opens the inquiry form for this park', async () => {
    serveDetail()
    const page = await h.loadPage(DETAIL, { id: 'p001' })

    await tapBar(page, '留言')

    expect(h.wx.navigateTo).toHaveBeenCalledTimes(1)
    expect(h.wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({
        url: expect.stringMatching(/^\/packages\/inquiry\/form\/index\?parkId=p001(&|$)/),
      }),
    )
    const { url } = h.wx.navigateTo.mock.calls[0][0] as { url: string }
    expect(url).toContain(`parkName=${encodeURIComponent(park.name)}`)
  })

  it('a similar park opens its own detail page', async () => {
    serveDetail()
    const page = await h.loadPage(DETAIL, { id: 'p001' })

    // The row is the native park-card component: selectors stop at its boundary, so the similar
    // parks' rows are found by their compact class (no other row on the page is compact).
    expect(page.queryAll('.park-card--compact')).toHaveLength(similar.length)
    await page.tap('.park-card--compact', 1)

    expect(h.wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({
        url: expect.stringMatching(new RegExp(`^/packages/park/detail/index\\?id=${similar[1].id}(&|$)`)),
      }),
    )
  })

  it('an unknown park shows the not-found message', async () => {
    serveDetail()
    const page = await h.loadPage(DETAIL, { id: 'p999' })

    expect(dataCalls()).toEqual([{ name: 'api', data: { action: 'parks.get', payload: { id: 'p999' } } }])
    expect(page.text()).toContain('园区不存在或已下架')
    expect(page.text()).not.toContain(park.name)
  })
})
