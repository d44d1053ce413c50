import fs from 'node:fs'
import path from 'node:path'
import { toListPayload, normaliseFilters, PARK_PAGE_SIZE, type ParkFilters } from '@/features/parks/query'
import { LAST_QUERY_KEY } from '@/features/parks/filterStore'
import { postApi } from '@/lib/http.h5'

/*
 * Issue 10 item 1, early data: src/index.html's inline script starts the first screen's api call
 * while the bundles download, and the H5 transport (src/lib/http.h5.ts) takes that answer once.
 * Without the script every first screen waits for JS → api → paint; without the hand-over the
 * app would ask a second time.
 */
const html = fs.readFileSync(path.join(__dirname, '../../src/index.html'), 'utf8')
const EARLY = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)]
  .map((m) => m[1])
  .find((s) => s.includes('__earlyApi'))
if (!EARLY) throw new Error('src/index.html has no early-data script')

interface Win {
  __earlyApi?: { body: string; answer: Promise<unknown> }
  fetch: jest.Mock
}
const win = window as unknown as Win
const images: string[] = []

class FakeImage {
  fetchPriority = ''
  set src(url: string) {
    images.push(url)
  }
}

function answer(value: unknown) {
  return Promise.resolve({ json: () => Promise.resolve(value) })
}

/** Runs the page's inline script as the browser would, at `hash`. */
function runEarly(hash: string) {
  window.location.hash = hash
  new Function(EARLY as string)()
  return win.__earlyApi
}

/** What fetch resolves to, as far as the transport reads it (jsdom has no Response). */
const reply = (text: string) => ({ text: () => Promise.resolve(text) })
const envelope = (action: string, payload: unknown) => JSON.stringify({ action, payload })
const flush = () => new Promise((r) => setTimeout(r, 0))

beforeEach(() => {
  delete win.__earlyApi
  images.length = 0
  localStorage.clear()
  win.fetch = jest.fn(() => answer({ ok: true, data: {} }))
  ;(window as unknown as { Image: unknown }).Image = FakeImage
})

describe('the early-data script of index.html', () => {
  it.each([
    ['', 'home.get', {}],
    ['#/pages/index/index', 'home.get', {}],
    ['#/pages/index/index?scene=p%3Dp012', 'home.get', {}],
    ['#/packages/park/detail/index?id=p012&src=poster1', 'parks.get', { id: 'p012' }],
    ['#/packages/article/detail/index?id=a-inquiry-checklist', 'articles.get', { id: 'a-inquiry-checklist' }],
  ])('%s asks for what the page asks for first', (hash, action, payload) => {
    const early = runEarly(hash)
    expect(early?.body).toBe(envelope(action, payload))
    expect(win.fetch).toHaveBeenCalledWith('/api', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: early?.body,
    })
  })

  it('parks tab with nothing kept: page one of the default query, exactly as useParkList sends it', () => {
    const early = runEarly('#/pages/parks/index')
    const app = toListPayload(normaliseFilters(null), null, PARK_PAGE_SIZE)
    expect(early?.body).toBe(envelope('parks.list', app))
  })

  it('parks tab: the query kept on the device (Taro H5 storage format) gives the same body as the app', () => {
    const kept: ParkFilters = {
      district: 'songjiang',
      deal: 'rent',
      sort: 'price_asc',
      priceMax: 2,
      keyword: '厂房',
    }
    // Taro H5's setStorageSync stores { data } as JSON; lib/storage writes the value as a JSON string.
    localStorage.setItem(LAST_QUERY_KEY, JSON.stringify({ data: JSON.stringify(kept) }))
    const early = runEarly('#/pages/parks/index')
    const app = toListPayload(normaliseFilters(kept), null, PARK_PAGE_SIZE)
    expect(early?.body).toBe(envelope('parks.list', app))
  })

  it.each([
    '#/pages/parks/index?district=songjiang', // the tab applies the URL's filter itself
    '#/packages/park/detail/index', // no id: the page shows 未找到 without asking
    '#/packages/park/detail/index?id=%3Cscript%3E', // not an id
    '#/pages/mine/index',
    '#/packages/inquiry/form/index',
  ])('%s: nothing is asked early', (hash) => {
    expect(runEarly(hash)).toBeUndefined()
    expect(win.fetch).not.toHaveBeenCalled()
  })

  it('starts the first screen images of the answer at once, same-origin media only', async () => {
    const cover = (n: number) => `/media/parks/p${n}.png`
    win.fetch = jest.fn(() =>
      answer({
        ok: true,
        data: {
          featuredParks: [1, 2, 3, 4, 5].map((n) => ({ cover: cover(n) })),
          latestArticles: [],
          contact: {},
        },
      }),
    )
    runEarly('#/pages/index/index')
    await flush()
    await flush()
    expect(images).toEqual([cover(1), cover(2), cover(3), cover(4)])

    images.length = 0
    win.fetch = jest.fn(() =>
      answer({ ok: true, data: { park: { cover: '/media/c.png', photos: ['https://cdn.example/x.png'] } } }),
    )
    runEarly('#/packages/park/detail/index?id=p001')
    await flush()
    await flush()
    expect(images).toEqual([]) // another host (a media base): the app loads it itself
  })

  it('a failed early request leaves nothing unhandled', async () => {
    win.fetch = jest.fn(() => Promise.reject(new TypeError('Failed to fetch')))
    const early = runEarly('#/pages/index/index')
    await expect(early?.answer).rejects.toThrow('Failed to fetch')
    expect(images).toEqual([])
  })
})

describe('the H5 transport (http.h5.ts)', () => {
  const home = { action: 'home.get', payload: {} }

  it('takes the early answer for the same call, once: the page asks the network one time', async () => {
    const early = { ok: true, data: { from: 'early' } }
    win.__earlyApi = { body: JSON.stringify(home), answer: Promise.resolve(early) }
    win.fetch = jest.fn(() => Promise.resolve(reply(JSON.stringify({ ok: true, data: { from: 'net' } }))))
    await expect(postApi(home)).resolves.toEqual(early)
    expect(win.fetch).not.toHaveBeenCalled()
    // A second call (pull-down refresh) goes to the network.
    await expect(postApi(home)).resolves.toEqual({ ok: true, data: { from: 'net' } })
    expect(win.fetch).toHaveBeenCalledTimes(1)
  })

  it('a different call does not take it (and leaves it for the right one)', async () => {
    const early = { ok: true, data: 'home' }
    win.__earlyApi = { body: JSON.stringify(home), answer: Promise.resolve(early) }
    win.fetch = jest.fn(() => Promise.resolve(reply('{"ok":true,"data":"parks"}')))
    await expect(postApi({ action: 'parks.list', payload: { limit: 10 } })).resolves.toEqual({
      ok: true,
      data: 'parks',
    })
    await expect(postApi(home)).resolves.toEqual(early)
  })

  it('a failed early request falls back to a normal call', async () => {
    const failed = Promise.reject(new TypeError('Failed to fetch'))
    failed.catch(() => undefined)
    win.__earlyApi = { body: JSON.stringify(home), answer: failed }
    win.fetch = jest.fn(() => Promise.resolve(reply('{"ok":true,"data":1}')))
    await expect(postApi(home)).resolves.toEqual({ ok: true, data: 1 })
    expect(win.fetch).toHaveBeenCalledWith(
      '/api',
      expect.objectContaining({ method: 'POST', body: JSON.stringify(home), credentials: 'same-origin' }),
    )
  })

  it('no answer at all throws (callApi turns it into NETWORK); a non-JSON body comes back as text', async () => {
    win.fetch = jest.fn(() => Promise.reject(new TypeError('Failed to fetch')))
    await expect(postApi(home)).rejects.toThrow()
    win.fetch = jest.fn(() => Promise.resolve(reply('<html>proxy error</html>')))
    await expect(postApi(home)).resolves.toBe('<html>proxy error</html>')
  })
})
