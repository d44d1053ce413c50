/**
 * @jest-environment node
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import net, { type AddressInfo } from 'node:net'
import path from 'node:path'
import zlib from 'node:zlib'
import type { ArticleDetail, HomeData, ParkDetail } from '@/domain/actions'
import type { ArticlePage } from '@/domain/article'
import type { ParkPage } from '@/domain/park'
import { openSqliteStorage, type SqliteStorage } from '../../cloudfunctions/api/src/adapters/sqlite-storage'
import { createApi, type CallContext } from '../../cloudfunctions/api/src/router'
import { createServer, type ServerOptions } from '../../server/app'
import { clientAddress, parseTrustProxy } from '../../server/security'
import { agency, edgeParks, expectedOrder, makeArticles, referenceParks, tmpDir } from './fixtures'

interface Reply {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
  text: string
  json: () => any
}

let port: number

/** Raw node:http so paths like /media/../x reach the server unnormalised. */
function request(
  urlPath: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; port?: number } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: options.port ?? port,
        path: urlPath,
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const body = Buffer.concat(chunks)
          const text = body.toString('utf8')
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            text,
            json: () => JSON.parse(text),
          })
        })
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

const postApi = (envelope: unknown, headers: Record<string, string> = {}) =>
  request('/api', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof envelope === 'string' ? envelope : JSON.stringify(envelope),
  })

const articles = makeArticles(12)
const parks = edgeParks()
// Like Taro's build: an inline rem-sizing script the CSP must allow by hash, and nothing else inline.
const INLINE_SCRIPT = '!function(n){n.document.documentElement.style.fontSize="20px"}(window);'
const INDEX_HTML = `<!doctype html><html><head><title>园区招商</title><script>${INLINE_SCRIPT}</script><script defer="defer" src="/js/app.1234abcd.js"></script></head><body>${'<div>H5 build</div>'.repeat(100)}</body></html>`

let dir: string
let storage: SqliteStorage
let server: http.Server
const seenContexts: CallContext[] = []
let serverOptions: ServerOptions

/** Another server over the same files and storage, e.g. with a different TRUST_PROXY. */
async function startServer(
  extra: Partial<ServerOptions>,
): Promise<{ port: number; close: () => Promise<void> }> {
  const other = createServer({ ...serverOptions, ...extra })
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve))
  return {
    port: (other.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => other.close(() => resolve())),
  }
}

/** What a raw socket gets back for bytes that are not (quite) HTTP. */
function rawExchange(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes))
    const chunks: Buffer[] = []
    socket.on('data', (c: Buffer) => chunks.push(c))
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    socket.on('error', reject)
  })
}

beforeAll(async () => {
  dir = tmpDir('server-http')
  const staticDir = path.join(dir, 'dist-h5')
  const mediaDir = path.join(dir, 'media')
  fs.mkdirSync(path.join(staticDir, 'js'), { recursive: true })
  fs.mkdirSync(path.join(mediaDir, 'covers'), { recursive: true })
  fs.writeFileSync(path.join(staticDir, 'index.html'), INDEX_HTML)
  fs.writeFileSync(
    path.join(staticDir, 'js', 'app.1234abcd.js'),
    `console.log(${JSON.stringify('x'.repeat(2000))})`,
  )
  // A bundle with the build's precompressed copies beside it (config/index.ts).
  const vendor = `console.log(${JSON.stringify('vendor '.repeat(400))})`
  fs.writeFileSync(path.join(staticDir, 'js', 'vendor.5678abcd.js'), vendor)
  fs.writeFileSync(path.join(staticDir, 'js', 'vendor.5678abcd.js.br'), zlib.brotliCompressSync(vendor))
  fs.writeFileSync(path.join(staticDir, 'js', 'vendor.5678abcd.js.gz'), zlib.gzipSync(vendor, { level: 9 }))
  fs.writeFileSync(path.join(mediaDir, 'covers', 'c0.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]))
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'top secret')
  // Files that sit next to content but are not content.
  fs.writeFileSync(path.join(mediaDir, 'README.md'), '# how these images were made')
  fs.writeFileSync(path.join(mediaDir, 'covers', 'notes.txt'), 'draft notes')
  fs.writeFileSync(path.join(mediaDir, '.hidden.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]))
  fs.writeFileSync(path.join(staticDir, '.env'), 'SECRET=1')

  storage = openSqliteStorage(path.join(dir, 'db.sqlite'))
  storage.seedFromMock({ articles, parks, agency })
  const api = createApi({ storage })
  serverOptions = {
    storage,
    staticDir,
    mediaDir,
    api: (req, ctx) => {
      seenContexts.push(ctx)
      return api(req, ctx)
    },
  }
  server = createServer(serverOptions)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
  storage.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

/** After every bad request the server must still answer a good one. */
async function stillServing() {
  const res = await postApi({ action: 'articles.list', payload: { limit: 1 } })
  expect(res.status).toBe(200)
  expect(res.json().ok).toBe(true)
}

describe('local server over HTTP', () => {
  it('bounds slow clients: 15 s for the headers, 30 s for the whole request', () => {
    expect(server.headersTimeout).toBe(15_000)
    expect(server.requestTimeout).toBe(30_000)
  })

  it('GET /healthz → {"ok":true}', async () => {
    const res = await request('/healthz')
    expect(res.status).toBe(200)
    expect(res.json()).toEqual({ ok: true })
  })

  it('lists and gets through POST /api', async () => {
    const list = await postApi({ action: 'articles.list', payload: { limit: 5 } })
    expect(list.status).toBe(200)
    expect(list.headers['content-type']).toMatch(/^application\/json/)
    const page = list.json().data as ArticlePage
    expect(page.items.map((i) => i.id)).toEqual(expectedOrder(articles).slice(0, 5))

    const id = page.items[0].id
    const get = await postApi({ action: 'articles.get', payload: { id } })
    expect(get.status).toBe(200)
    const detail = get.json().data as ArticleDetail
    expect(detail.article.id).toBe(id)
    expect(detail.article.body).toEqual(expect.any(String))
    expect(detail.contact).toEqual(agency)
  })

  it('maps error codes to statuses and always sends the ApiResult body', async () => {
    const missing = await postApi({ action: 'articles.get', payload: { id: 'nope' } })
    expect(missing.status).toBe(404)
    expect(missing.json()).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '文章不存在或已下线' } })

    const invalid = await postApi({ action: 'articles.list', payload: { limit: 31 } })
    expect(invalid.status).toBe(400)
    expect(invalid.json().error.fields.limit).toEqual(expect.any(String))

    const unknown = await postApi({ action: 'leads.delete', payload: {} })
    expect(unknown.status).toBe(400)
    expect(unknown.json()).toEqual({ ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } })
    await stillServing()
  })

  it('answers 413 with a JSON body for a 150 KB request, then keeps serving', async () => {
    const big = JSON.stringify({ action: 'articles.list', payload: { pad: 'x'.repeat(150 * 1024) } })
    const res = await postApi(big)
    expect(res.status).toBe(413)
    expect(res.json()).toEqual({
      ok: false,
      error: { code: 'PAYLOAD_TOO_LARGE', message: expect.any(String) },
    })
    await stillServing()
  })

  it('answers 413 for a body streamed without content-length', async () => {
    const res = await new Promise<Reply>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/api',
          method: 'POST',
          headers: { 'transfer-encoding': 'chunked', 'content-type': 'application/json' },
          agent: false,
        },
        (r) => {
          const chunks: Buffer[] = []
          r.on('data', (c: Buffer) => chunks.push(c))
          r.on('end', () => {
            const body = Buffer.concat(chunks)
            resolve({
              status: r.statusCode ?? 0,
              headers: r.headers,
              body,
              text: body.toString(),
              json: () => JSON.parse(body.toString()),
            })
          })
        },
      )
      req.on('error', reject)
      for (let n = 0; n < 15; n++) req.write('x'.repeat(10 * 1024))
      req.end()
    })
    expect(res.status).toBe(413)
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE')
    await stillServing()
  })

  it('answers 413 at once for a declared 2 MB body and closes that connection', async () => {
    const res = await postApi('x'.repeat(2 * 1024 * 1024))
    expect(res.status).toBe(413)
    expect(res.headers.connection).toBe('close')
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE')
    await stillServing()
  })

  it.each(['{not json', '', 'null', '[]'])('answers 400 with a JSON body for the body %p', async (body) => {
    const res = await postApi(body)
    expect(res.status).toBe(400)
    expect(res.json()).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: expect.any(String) } })
    await stillServing()
  })

  it.each(['GET', 'PUT', 'DELETE'])('answers %s /api with 405 and a body', async (method) => {
    const res = await request('/api', { method })
    expect(res.status).toBe(405)
    expect(res.headers.allow).toBe('POST')
    expect(res.json().ok).toBe(false)
    await stillServing()
  })

  it('sets the vid cookie once and keeps the same visitor id', async () => {
    seenContexts.length = 0
    const first = await postApi({ action: 'articles.list', payload: {} })
    const cookie = first.headers['set-cookie']?.[0] ?? ''
    const [pair, ...attributes] = cookie.split('; ')
    expect(pair).toMatch(/^vid=[0-9a-f]{32}$/)
    expect(attributes.sort()).toEqual(['HttpOnly', 'Max-Age=31536000', 'Path=/', 'SameSite=Lax'])
    const vid = cookie.slice(4, 36)

    const second = await postApi(
      { action: 'articles.list', payload: {} },
      { cookie: `theme=dark; vid=${vid}` },
    )
    expect(second.headers['set-cookie']).toBeUndefined()
    const third = await postApi(
      { action: 'articles.get', payload: { id: articles[0].id } },
      { cookie: `vid=${vid}` },
    )
    expect(third.headers['set-cookie']).toBeUndefined()
    expect(seenContexts.map((c) => c.openid)).toEqual([`h5:${vid}`, `h5:${vid}`, `h5:${vid}`])
    expect(seenContexts.every((c) => c.source === 'local')).toBe(true)

    // A forged or malformed cookie is replaced, never trusted.
    const forged = await postApi({ action: 'articles.list', payload: {} }, { cookie: 'vid=../../admin' })
    expect(forged.headers['set-cookie']?.[0]).toMatch(/^vid=[0-9a-f]{32};/)
  })

  it.each([
    ['/media/../package.json', 403],
    ['/media/..%2Fsecret.txt', 403],
    ['/media/%2e%2e/secret.txt', 403],
    ['/media/covers/../../secret.txt', 403],
    // Not a URL path at all: refused as malformed before any route sees it.
    ['/media/..\\secret.txt', 400],
  ])('refuses the traversal %s (%d, JSON)', async (p, status) => {
    const res = await request(p)
    expect(res.status).toBe(status)
    expect(res.json()).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: expect.any(String) } })
    expect(res.text).not.toMatch(/top secret|"dependencies"/)
    await stillServing()
  })

  it('serves media with its content type and a one-day cache', async () => {
    const res = await request('/media/covers/c0.png')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('image/png')
    expect(res.headers['cache-control']).toBe('public, max-age=86400')
    expect(res.body.subarray(0, 4)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]))
    expect((await request('/media/covers/none.png')).status).toBe(404)
  })

  it('serves index.html for / with no-cache, gzipped when accepted', async () => {
    const plain = await request('/')
    expect(plain.status).toBe(200)
    expect(plain.headers['content-type']).toMatch(/^text\/html/)
    expect(plain.headers['cache-control']).toBe('no-cache')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.text).toBe(INDEX_HTML)

    const gz = await request('/', { headers: { 'accept-encoding': 'gzip, deflate, br' } })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gz.headers.vary).toMatch(/Accept-Encoding/)
    expect(zlib.gunzipSync(gz.body).toString('utf8')).toBe(INDEX_HTML)
    expect(gz.body.length).toBeLessThan(Buffer.byteLength(INDEX_HTML))

    const refused = await request('/', { headers: { 'accept-encoding': 'gzip;q=0' } })
    expect(refused.headers['content-encoding']).toBeUndefined()
  })

  it('caches hashed assets for a year and revalidates with ETag', async () => {
    const res = await request('/js/app.1234abcd.js', { headers: { 'accept-encoding': 'gzip' } })
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/javascript/)
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(res.headers['content-encoding']).toBe('gzip')
    const again = await request('/js/app.1234abcd.js', {
      headers: { 'if-none-match': String(res.headers.etag) },
    })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)
  })

  it("sends a bundle's Brotli or gzip copy from the build when accepted, else the plain file", async () => {
    const plain = fs.readFileSync(path.join(dir, 'dist-h5', 'js', 'vendor.5678abcd.js'), 'utf8')
    const br = await request('/js/vendor.5678abcd.js', {
      headers: { 'accept-encoding': 'gzip, deflate, br, zstd' },
    })
    expect(br.status).toBe(200)
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers['content-type']).toMatch(/^text\/javascript/)
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(br.headers.vary).toMatch(/accept-encoding/i)
    expect(zlib.brotliDecompressSync(br.body).toString('utf8')).toBe(plain)
    expect(br.body.length).toBe(fs.statSync(path.join(dir, 'dist-h5', 'js', 'vendor.5678abcd.js.br')).size)

    const gz = await request('/js/vendor.5678abcd.js', { headers: { 'accept-encoding': 'gzip' } })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(gz.body).toString('utf8')).toBe(plain)

    const none = await request('/js/vendor.5678abcd.js')
    expect(none.headers['content-encoding']).toBeUndefined()
    expect(none.text).toBe(plain)

    // A bundle without copies is still compressed on the fly.
    const fly = await request('/js/app.1234abcd.js', { headers: { 'accept-encoding': 'br, gzip' } })
    expect(fly.headers['content-encoding']).toBe('gzip')
  })

  it('never 404s /favicon.ico', async () => {
    const res = await request('/favicon.ico')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('image/x-icon')
    expect(res.body.readUInt16LE(2)).toBe(1) // ICO type field
  })

  it('answers a JSON 404 for unknown paths and a JSON 405 for writes to static paths', async () => {
    const res = await request('/nope.html')
    expect(res.status).toBe(404)
    expect(res.headers['content-type']).toMatch(/^application\/json/)
    expect(res.json()).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.any(String) } })
    const write = await request('/index.html', { method: 'POST', body: 'x' })
    expect(write.status).toBe(405)
    expect(write.headers.allow).toBe('GET, HEAD')
    expect(write.json().ok).toBe(false)
    await stillServing()
  })

  it('parks.list over POST /api: filters, sort and the cursor round-trip as JSON', async () => {
    const payload = { district: 'songjiang', deal: 'rent', sort: 'price_desc', limit: 2 }
    const ids: string[] = []
    let cursor: string | null = null
    do {
      const res = await postApi({ action: 'parks.list', payload: { ...payload, cursor } })
      expect(res.status).toBe(200)
      expect(res.headers['cache-control']).toBe('no-store')
      const page = res.json().data as ParkPage
      ids.push(...page.items.map((i) => i.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(ids).toEqual(referenceParks(parks, { district: 'songjiang', deal: 'rent', sort: 'price_desc' }))

    const bad = await postApi({
      action: 'parks.list',
      payload: { priceMin: 5, priceMax: 1, sort: 'cheapest' },
    })
    expect(bad.status).toBe(400)
    expect(bad.json().error).toEqual({
      code: 'VALIDATION',
      message: expect.any(String),
      fields: { sort: '排序方式不存在' },
    })
  })

  it('parks.get over POST /api: 200 with the detail, 404 for an unknown park', async () => {
    const ok = await postApi({ action: 'parks.get', payload: { id: 'pz04' } })
    expect(ok.status).toBe(200)
    const detail = ok.json().data as ParkDetail
    expect(detail.park).toMatchObject({
      id: 'pz04',
      name: 'G60 智造园',
      price: { value: 2.25, unit: 'yuan_m2_day' },
    })
    expect(detail.contact).toEqual(agency)
    expect(detail.similar.map((p) => p.id)).not.toContain('pz04')
    const missing = await postApi({ action: 'parks.get', payload: { id: 'p404' } })
    expect(missing.status).toBe(404)
    expect(missing.json()).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '园区不存在或已下线' } })
  })

  it('home.get over POST /api, gzipped when accepted', async () => {
    const res = await postApi({ action: 'home.get' }, { 'accept-encoding': 'gzip' })
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBe('gzip')
    const home = JSON.parse(zlib.gunzipSync(res.body).toString('utf8')).data as HomeData
    expect(home.contact).toEqual(agency)
    expect(home.featuredParks.map((p) => p.id)).toEqual(['pz08'])
    expect(home.latestArticles.map((a) => a.id)).toEqual(expectedOrder(articles).slice(0, 5))
  })
})

const expectSecurityHeaders = (res: Reply) => {
  const csp = String(res.headers['content-security-policy'])
  for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"])
    expect(csp).toContain(directive)
  expect(csp).toMatch(/(^|; )script-src 'self'/)
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/)
  expect(res.headers['x-frame-options']).toBe('DENY')
  expect(res.headers['x-content-type-options']).toBe('nosniff')
  expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
}

describe('cross-site requests cannot touch a visitor (issue 7 item 3)', () => {
  const list = { action: 'articles.list', payload: { limit: 1 } }

  it.each([undefined, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'answers 415 (JSON, no cookie) for content type %p',
    async (type) => {
      const res = await request('/api', {
        method: 'POST',
        headers: type ? { 'content-type': type } : {},
        body: JSON.stringify(list),
      })
      expect(res.status).toBe(415)
      expect(res.json()).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: expect.any(String) } })
      expect(res.headers['set-cookie']).toBeUndefined()
    },
  )

  it('accepts application/json with parameters and any case', async () => {
    const res = await postApi(list, { 'content-type': 'Application/JSON; charset=utf-8' })
    expect(res.status).toBe(200)
  })

  it.each([
    [{ origin: 'https://evil.example' }],
    [{ origin: 'null' }],
    [{ origin: 'http://127.0.0.1.evil.example' }],
    [{ 'sec-fetch-site': 'cross-site' }],
    [{ 'sec-fetch-site': 'same-site' }],
  ])('refuses %j with 403, JSON, and no cookie', async (headers) => {
    const res = await postApi(list, headers)
    expect(res.status).toBe(403)
    expect(res.json()).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: expect.any(String) } })
    expect(res.headers['set-cookie']).toBeUndefined()
  })

  it('accepts the app itself: its own Origin with Sec-Fetch-Site same-origin', async () => {
    const res = await postApi(list, { origin: `http://127.0.0.1:${port}`, 'sec-fetch-site': 'same-origin' })
    expect(res.status).toBe(200)
  })

  it("a cross-site text/plain POST leaves the visitor's vid alone; their next call keeps their id", async () => {
    const vid = 'a'.repeat(32)
    // What a form on another site can send: the Lax cookie is not attached, the type is text/plain.
    const attack = await request('/api', {
      method: 'POST',
      headers: {
        'content-type': 'text/plain',
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
      },
      body: JSON.stringify({ action: 'inquiries.mine', payload: {} }),
    })
    expect(attack.status).toBe(403)
    expect(attack.headers['set-cookie']).toBeUndefined()

    seenContexts.length = 0
    const own = await postApi(list, { cookie: `vid=${vid}`, 'sec-fetch-site': 'same-origin' })
    expect(own.status).toBe(200)
    expect(own.headers['set-cookie']).toBeUndefined()
    expect(seenContexts.map((c) => c.openid)).toEqual([`h5:${vid}`])
  })

  it('the page issues a vid to a navigation but not to a cross-site subresource load', async () => {
    const nav = await request('/', {
      headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' },
    })
    expect(nav.headers['set-cookie']?.[0]).toMatch(/^vid=[0-9a-f]{32};/)
    const embedded = await request('/', {
      headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' },
    })
    expect(embedded.status).toBe(200)
    expect(embedded.headers['set-cookie']).toBeUndefined()
  })
})

describe('client address for per-address limits (issue 7 item 4)', () => {
  it('is the socket address; X-Forwarded-For is ignored without TRUST_PROXY', async () => {
    seenContexts.length = 0
    await postApi({ action: 'articles.list', payload: {} })
    await postApi({ action: 'articles.list', payload: {} }, { 'x-forwarded-for': '203.0.113.9' })
    expect(seenContexts.map((c) => c.clientAddress)).toEqual(['127.0.0.1', '127.0.0.1'])
  })

  it('with TRUST_PROXY=1 is the address the proxy appended, not what the client wrote', async () => {
    const proxied = await startServer({ trustProxy: 1 })
    try {
      seenContexts.length = 0
      const send = (headers: Record<string, string>) =>
        request('/api', {
          port: proxied.port,
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ action: 'articles.list', payload: {} }),
        })
      expect((await send({ 'x-forwarded-for': '203.0.113.9' })).status).toBe(200)
      // The client forged the first entry; the proxy appended the real peer.
      await send({ 'x-forwarded-for': '10.6.6.6, 203.0.113.10' })
      await send({})
      expect(seenContexts.map((c) => c.clientAddress)).toEqual(['203.0.113.9', '203.0.113.10', '127.0.0.1'])
    } finally {
      await proxied.close()
    }
  })

  it('counts hops from the right and never takes garbage for an address', () => {
    expect(clientAddress('10.0.0.2', 'forged, 198.51.100.1, 10.0.0.1', 2)).toBe('198.51.100.1')
    expect(clientAddress('10.0.0.2', '198.51.100.1', 5)).toBe('198.51.100.1')
    expect(clientAddress('10.0.0.2', 'not-an-ip', 1)).toBe('10.0.0.2')
    expect(clientAddress('::ffff:127.0.0.1', undefined, 0)).toBe('127.0.0.1')
    expect(clientAddress('::1', '198.51.100.1', 0)).toBe('::1')
  })

  it('TRUST_PROXY must be a hop count', () => {
    expect(parseTrustProxy(undefined)).toBe(0)
    expect(parseTrustProxy('')).toBe(0)
    expect(parseTrustProxy('2')).toBe(2)
    for (const bad of ['true', '-1', '1.5', '99']) expect(() => parseTrustProxy(bad)).toThrow(/TRUST_PROXY/)
  })
})

describe('security headers, parser errors, private files (issue 7 item 5)', () => {
  it('sends the CSP and friends on HTML, assets, media, API, errors and 304s', async () => {
    const replies = await Promise.all([
      request('/'),
      request('/js/app.1234abcd.js'),
      request('/media/covers/c0.png'),
      request('/favicon.ico'),
      postApi({ action: 'articles.list', payload: {} }),
      postApi({ action: 'articles.list', payload: {} }, { 'content-type': 'text/plain' }),
      request('/healthz'),
      request('/nope'),
      request('/media/README.md'),
    ])
    for (const res of replies) expectSecurityHeaders(res)
    const etag = String(replies[1].headers.etag)
    const notModified = await request('/js/app.1234abcd.js', { headers: { 'if-none-match': etag } })
    expect(notModified.status).toBe(304)
    expectSecurityHeaders(notModified)
  })

  it("allows index.html's inline script and Taro's `javascript:;` tab links by hash, nothing else inline", async () => {
    const res = await request('/')
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`
    const scriptSrc = /script-src ([^;]*)/.exec(String(res.headers['content-security-policy']))?.[1]
    expect(scriptSrc?.split(' ').filter(Boolean)).toEqual([
      "'self'",
      hash(INLINE_SCRIPT),
      "'unsafe-hashes'",
      hash('javascript:;'),
    ])
  })

  it.each([
    ['a malformed request line', 'GARBAGE\r\n\r\n', 400],
    ['a header without a colon', 'GET / HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n', 400],
    ['a bad Content-Length', 'POST /api HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n', 400],
    ['headers past the size cap', `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
    ['a request target that is no URL', 'GET * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 400],
  ])('answers %s in the JSON error shape', async (_what, bytes, status) => {
    const reply = await rawExchange(bytes)
    const [head, body] = reply.split('\r\n\r\n')
    expect(head).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `))
    expect(head).toMatch(/\r\ncontent-type: application\/json/i)
    expect(head).toMatch(/\r\nx-content-type-options: nosniff/i)
    expect(JSON.parse(body)).toEqual({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.any(String) },
    })
    await stillServing()
  })

  it.each(['/media/README.md', '/media/covers/notes.txt', '/media/.hidden.png', '/.env', '/media/covers/'])(
    'does not serve %s (not content): JSON 404',
    async (p) => {
      const res = await request(p)
      expect(res.status).toBe(404)
      expect(res.json().error.code).toBe('NOT_FOUND')
      expect(res.text).not.toMatch(/how these images|draft notes|SECRET/)
    },
  )
})
