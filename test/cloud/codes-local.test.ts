/**
 * @jest-environment node
 */
/**
 * Issue 9 item 2, the local runtime: codes.get makes a real QR code (the `qrcode` library) of the
 * H5 address with the scene. Decoded back with jsqr + pngjs it is exactly that address, and its
 * scene parses to the target and the channel. The image is served over HTTP at
 * /media/codes/<sha1>.png (image/png) and nothing else of the codes directory, or above it, is.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type os from 'node:os'
import path from 'node:path'
import jsQR from 'jsqr'
import type { Channel, MiniCode } from '@/domain/channels'
import { parseScene } from '@/domain/scene'
import { createQrCodeMaker, h5CodeUrl } from '../../cloudfunctions/api/src/adapters/qr-code-maker'
import { openSqliteStorage, type SqliteStorage } from '../../cloudfunctions/api/src/adapters/sqlite-storage'
import { createApi, type Api } from '../../cloudfunctions/api/src/router'
import { createServer } from '../../server/app'
import { codeBaseUrl, lanIPv4, reachableFromPhone } from '../../server/code-base-url'
import { makeArticles, tmpDir } from './fixtures'
import { data, leadParks } from './inquiry-fixtures'

// pngjs ships no types; the sync reader is all this test needs.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { PNG } = require('pngjs') as {
  PNG: { sync: { read(buffer: Buffer): { width: number; height: number; data: Buffer } } }
}

jest.setTimeout(60_000)

/** The text of the QR code in a PNG. */
function decode(png: Buffer): string {
  const image = PNG.sync.read(png)
  const found = jsQR(new Uint8ClampedArray(image.data), image.width, image.height)
  if (!found) throw new Error('no QR code found in the image')
  return found.data
}

/** The scene an H5 code address carries, read as the H5 page reads its query. */
function sceneOf(h5Url: string): string | null {
  const hash = new URL(h5Url).hash
  expect(hash.startsWith('#/pages/index/index?')).toBe(true)
  return new URLSearchParams(hash.slice(hash.indexOf('?') + 1)).get('scene')
}

describe('the local code maker', () => {
  const BASE = 'http://192.168.1.23:8787'
  const maker = createQrCodeMaker({ baseUrl: () => BASE })

  it.each([
    ['p=p012&s=k3m9qa', { page: 'park', id: 'p012', source: 'k3m9qa' }, 430],
    ['a=a-007&s=k3m9qa', { page: 'article', id: 'a-007', source: 'k3m9qa' }, 280],
    ['s=k3m9qa', { page: 'home', source: 'k3m9qa' }, 860],
    ['home', { page: 'home' }, 430],
  ])(
    '%s: a PNG whose QR decodes to the H5 address, whose scene parses back',
    async (scene, target, width) => {
      const made = await maker.make({ scene, page: 'pages/index/index', width })
      expect(made.contentType).toBe('image/png')
      const expected = `${BASE}/#/pages/index/index?scene=${encodeURIComponent(scene)}`
      expect(made.h5Url).toBe(expected)
      expect(PNG.sync.read(made.bytes).width).toBe(width)
      const text = decode(made.bytes)
      expect(text).toBe(expected)
      expect(sceneOf(text)).toBe(scene)
      expect(parseScene(sceneOf(text))).toEqual(target)
    },
  )

  it('h5CodeUrl drops a trailing slash of the base and encodes the scene', () => {
    expect(h5CodeUrl('https://demo.example.com/app/', 'p=p1&s=ab')).toBe(
      'https://demo.example.com/app/#/pages/index/index?scene=p%3Dp1%26s%3Dab',
    )
  })
})

describe('where local codes point (PUBLIC_URL, the LAN address, loopback)', () => {
  const nets = (address: string | null): NodeJS.Dict<os.NetworkInterfaceInfo[]> => ({
    lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true } as os.NetworkInterfaceInfo],
    ...(address
      ? {
          eth0: [
            { address: 'fe80::1', family: 'IPv6', internal: false } as os.NetworkInterfaceInfo,
            { address, family: 'IPv4', internal: false } as os.NetworkInterfaceInfo,
          ],
        }
      : {}),
  })

  it('PUBLIC_URL wins; a server on every interface uses the LAN address; otherwise where it listens', () => {
    expect(codeBaseUrl({ publicUrl: 'https://x.example.com/park/', host: '0.0.0.0', port: 1 })).toBe(
      'https://x.example.com/park',
    )
    expect(codeBaseUrl({ host: '0.0.0.0', port: 8787, interfaces: nets('192.168.1.23') })).toBe(
      'http://192.168.1.23:8787',
    )
    expect(codeBaseUrl({ host: '::', port: 8787, interfaces: nets(null) })).toBe('http://127.0.0.1:8787')
    expect(codeBaseUrl({ host: '127.0.0.1', port: 9000, interfaces: nets('10.0.0.2') })).toBe(
      'http://127.0.0.1:9000',
    )
    expect(codeBaseUrl({ host: '10.0.0.2', port: 9000 })).toBe('http://10.0.0.2:9000')
    expect(() => codeBaseUrl({ publicUrl: 'ftp://x', host: '0.0.0.0', port: 1 })).toThrow('PUBLIC_URL')
    expect(lanIPv4(nets('172.16.0.9'))).toBe('172.16.0.9')
    expect(reachableFromPhone('http://127.0.0.1:8787')).toBe(false)
    expect(reachableFromPhone('http://192.168.1.23:8787')).toBe(true)
  })
})

describe('codes.get over HTTP, and /media/codes/', () => {
  const vid = randomBytes(16).toString('hex')
  let dir: string
  let codesDir: string
  let storage: SqliteStorage
  let api: Api
  let server: http.Server
  let port: number

  beforeAll(async () => {
    dir = tmpDir('codes-http')
    codesDir = path.join(dir, 'data', 'codes')
    fs.mkdirSync(path.join(dir, 'data'))
    storage = openSqliteStorage(path.join(dir, 'data', 'x.sqlite'), { codesDir })
    storage.seedFromMock({ articles: makeArticles(2), parks: leadParks, agency: null })
    const mediaDir = path.join(dir, 'media')
    fs.mkdirSync(mediaDir)
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'not for the web')
    api = createApi({
      storage,
      staff: storage.staff,
      audit: storage.audit,
      channels: storage.channels,
      codeFiles: storage.codeFiles,
      // The base is known once the server listens, as in server/main.ts.
      codeMaker: createQrCodeMaker({ baseUrl: () => `http://127.0.0.1:${port}` }),
      staffInviteCode: 'CODES-HTTP-OWNER-1',
    })
    data(
      await api(
        {
          action: 'staff.claim',
          payload: { name: '张负责', mobile: '13524678515', code: 'CODES-HTTP-OWNER-1' },
        },
        { openid: `h5:${vid}`, source: 'local' },
      ),
    )
    server = createServer({ api, storage, staticDir: dir, mediaDir, codesDir })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.address() as AddressInfo).port
  })

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()))
    storage.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  function request(
    method: string,
    urlPath: string,
    body?: unknown,
  ): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
    const text = body === undefined ? undefined : JSON.stringify(body)
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path: urlPath,
          method,
          headers: {
            cookie: `vid=${vid}`,
            ...(text
              ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }
              : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          )
          res.on('error', reject)
        },
      )
      req.on('error', reject)
      req.end(text)
    })
  }
  const call = async <T>(action: string, payload: unknown): Promise<T> => {
    const res = await request('POST', '/api', { action, payload })
    return data<T>(JSON.parse(res.body.toString()))
  }

  it('a staff member makes a channel and its park code; the served PNG decodes to the H5 address of its scene', async () => {
    const { channel } = await call<{ channel: Channel }>('channels.create', { name: '工博会展位' })
    const code = await call<MiniCode>('codes.get', {
      target: { page: 'park', id: 'p012' },
      channel: channel.code,
    })
    expect(code.imageUrl).toMatch(/^\/media\/codes\/[0-9a-f]{40}\.png$/)
    const image = await request('GET', code.imageUrl)
    expect(image.status).toBe(200)
    expect(image.headers['content-type']).toBe('image/png')
    expect(image.headers['x-content-type-options']).toBe('nosniff')
    const text = decode(image.body)
    expect(text).toBe(
      `http://127.0.0.1:${port}/#/pages/index/index?scene=${encodeURIComponent(`p=p012&s=${channel.code}`)}`,
    )
    expect(text).toBe(code.h5Url)
    expect(parseScene(sceneOf(text))).toEqual({ page: 'park', id: 'p012', source: channel.code })
  })

  it.each([
    ['/media/codes/../../secret.txt', 403],
    ['/media/codes/..%2F..%2Fsecret.txt', 403],
    ['/media/codes/%2e%2e/%2e%2e/secret.txt', 403],
    ['/media/codes/../x.sqlite', 403],
  ])('refuses the traversal %s (%d)', async (p, status) => {
    const res = await request('GET', p)
    expect(res.status).toBe(status)
    expect(res.body.toString()).not.toContain('not for the web')
  })

  it('serves only <sha1>.png names from the codes directory', async () => {
    fs.writeFileSync(path.join(codesDir, 'notes.png'), 'x')
    fs.writeFileSync(path.join(codesDir, `${'a'.repeat(40)}.png.1.tmp`), 'x')
    for (const p of [
      '/media/codes/notes.png',
      `/media/codes/${'a'.repeat(40)}.png.1.tmp`,
      `/media/codes/${'b'.repeat(40)}.png`,
      '/media/codes/',
    ])
      expect((await request('GET', p)).status).toBe(404)
  })
})
