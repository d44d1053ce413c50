/**
 * Quick content edits (issue 9 item 5) as WeChat runs them: the BUILT dist/ in
 * miniprogram-simulate. A withdrawn park's detail page says 已下架 with similar parks (the
 * `parks.get` answer `withdrawn: true`), a let park carries the 已租出 notice, and the staff
 * 内容管理 page lists parks and saves an edit through the `api` function.
 * Build first: `npm run build:weapp`.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AgencyContact } from '@/domain/agency'
import type { ParkDetail, WithdrawnParkDetail } from '@/domain/actions'
import type { ContentList, ContentParkRow } from '@/domain/content-edit'
import type { Park } from '@/domain/park'
import { toParkSummary } from '@/features/parks/query'
import { ROOT, weappSuite } from './harness'

const h = weappSuite()
jest.setTimeout(30_000)

const DETAIL = 'packages/park/detail/index'
const CONTENT = 'packages/staff/content/index'

const readMock = <T>(file: string): T => JSON.parse(readFileSync(join(ROOT, 'mock', file), 'utf8')) as T
const PARKS = readMock<Park[]>('parks.json')
const AGENCY = readMock<AgencyContact>('agency.json')
const [gone, ...others] = PARKS

const eventsOk = (payload: { events?: unknown[] }) => ({
  ok: true,
  data: { accepted: payload.events?.length ?? 0 },
})

beforeEach(() => h.resetResponder())
afterEach(async () => {
  await h.closeAll()
  h.assertNoUnexpected()
})

describe('park detail of a withdrawn / let park (built weapp)', () => {
  it('a withdrawn park shows 已下架 with similar parks, not the listing', async () => {
    const answer: WithdrawnParkDetail = {
      withdrawn: true,
      id: gone.id,
      name: gone.name,
      contact: AGENCY,
      similar: others.slice(0, 2).map(toParkSummary),
    }
    h.respond({ 'parks.get': () => ({ ok: true, data: answer }), 'events.record': eventsOk })
    const page = await h.loadPage(DETAIL, { id: gone.id })
    const text = page.text()
    expect(text).toContain('该园区已下架')
    expect(text).toContain(`「${gone.name}」已下架`)
    expect(text).toContain('相似园区')
    for (const s of others.slice(0, 2)) expect(text).toContain(s.name)
    expect(text).not.toContain(gone.address)
    expect(text).not.toContain('内容不存在')
    // The similar park opens its own detail page.
    await page.tap('.park-card')
    expect(h.wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: expect.stringContaining(`id=${others[0].id}`) }),
    )
  })

  it('a let park shows the 已租出 notice above its facts', async () => {
    const detail: ParkDetail = { park: { ...gone, status: 'let' }, contact: AGENCY, similar: [] }
    h.respond({ 'parks.get': () => ({ ok: true, data: detail }), 'events.record': eventsOk })
    const page = await h.loadPage(DETAIL, { id: gone.id })
    expect(page.text()).toContain('该房源已租出')
    expect(page.text()).toContain(gone.name)
  })
})

describe('parks tab rows of a let park (built weapp, the native park-card row)', () => {
  it('marks a let park 已租出 instead of 精选, and an available featured one 精选', async () => {
    const featured = others.find((p) => p.featured) ?? { ...others[0], featured: true }
    const items = [
      toParkSummary({ ...gone, featured: true, status: 'let' }),
      toParkSummary({ ...featured, status: undefined }),
    ]
    h.respond({
      'parks.list': () => ({ ok: true, data: { items, nextCursor: null } }),
      'events.record': eventsOk,
    })
    const page = await h.loadPage('pages/parks/index')
    const badges = page.queryAll('.park-card__badge').map((b) => (b.dom.textContent as string).trim())
    expect(badges).toEqual(['已租出', '精选'])
    expect(page.queryAll('.park-card__badge--let')).toHaveLength(1)
  })
})

describe('内容管理 (built weapp)', () => {
  const row = (p: Park): ContentParkRow => ({
    id: p.id,
    name: p.name,
    district: p.district,
    type: p.type,
    deal: p.deal,
    status: 'available',
    price: p.price,
    featured: p.featured,
    featuredOrder: null,
    updatedAt: p.updatedAt,
  })

  it('lists the parks; withdrawing one saves through content.updatePark and marks the row', async () => {
    const list: ContentList = { parks: PARKS.slice(0, 3).map(row), articles: [] }
    h.respond({
      'content.list': () => ({ ok: true, data: list }),
      'content.updatePark': (payload: { id: string; status: string }) => ({
        ok: true,
        data: { park: { ...row(gone), status: payload.status } },
      }),
    })
    const page = await h.loadPage(CONTENT)
    expect(page.text()).toContain(gone.name)
    await page.tap('.content-row')
    expect(page.text()).toContain('出租价格')
    const segments = page.queryAll('.content-segments__item')
    const withdrawAt = segments.findIndex((n: any) => (n.dom?.textContent ?? '').includes('下架'))
    await page.tap('.content-segments__item', withdrawAt)
    const buttons = page.queryAll('.content-sheet__button')
    await page.tap('.content-sheet__button', buttons.length - 1)
    await h.flush()
    expect(h.cloudCalls().map((c) => c.data)).toContainEqual({
      action: 'content.updatePark',
      payload: { id: gone.id, status: 'withdrawn' },
    })
    expect(page.queryAll('.content-sheet')).toHaveLength(0)
    expect(page.queryAll('.content-tag--withdrawn')).toHaveLength(1)
  })
})
