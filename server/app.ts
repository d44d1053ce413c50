import { randomBytes } from 'node:crypto'
import { existsSync, promises as fs } from 'node:fs'
import http, { type IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import path from 'node:path'
import { getRequestListener } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { compress } from 'hono/compress'
import { getCookie, setCookie } from 'hono/cookie'
import { etag } from 'hono/etag'
import { secureHeaders } from 'hono/secure-headers'
import type { ContentfulStatusCode as Status } from 'hono/utils/http-status'
import { fail, MAX_REQUEST_BYTES, type ErrorCode } from '@/domain/result'
import { MESSAGES } from '../cloudfunctions/api/src/errors'
import { silentLogger, type Logger } from '../cloudfunctions/api/src/logger'
import type { ContentCheckPort } from '../cloudfunctions/api/src/ports/content-check'
import type { ExportFile } from '../cloudfunctions/api/src/ports/lead-export'
import type { LeadStore } from '../cloudfunctions/api/src/ports/lead-store'
import type { NotifierPort } from '../cloudfunctions/api/src/ports/notifier'
import type { StoragePort } from '../cloudfunctions/api/src/ports/storage'
import { createApi, type Api } from '../cloudfunctions/api/src/router'
import { clientAddress, crossSiteReason, indexScriptHashes, TAB_BAR_URL_SOURCES } from './security'

export interface ServerOptions {
  storage: StoragePort
  /** The H5 build (dist-h5/). */
  staticDir: string
  /** Files behind /media/* (mock/media/ locally). */
  mediaDir: string
  /** Media of `npm run content -- import` (DATA_DIR/media): looked up before mediaDir. */
  importedMediaDir?: string
  logger?: Logger
  /** Leads and contact events (the SQLite storage implements both ports). */
  leads?: LeadStore
  /** Passed to the router when `api` is not given; server/main.ts wires the demo keyword list. */
  contentCheck?: ContentCheckPort
  notifier?: NotifierPort
  /** Defaults to the cloud function's router over the ports above. */
  api?: Api
  /** Reverse proxies whose X-Forwarded-For entries are trusted (TRUST_PROXY); default 0: none. */
  trustProxy?: number
  /** Lead exports waiting for their one download (adapters/one-time-files.ts), `GET /exports/<token>`. */
  exportFiles?: { take(token: string): ExportFile | null }
  /** Generated QR code images (DATA_DIR/codes), served at `/media/codes/<sha1>.png`. */
  codesDir?: string
}

/** Same ApiResult bodies as the cloud; the status only mirrors the error code for HTTP tools. */
export const STATUS_BY_CODE: Record<ErrorCode, Status> = {
  BAD_REQUEST: 400,
  VALIDATION: 400,
  UNKNOWN_ACTION: 400,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  FORBIDDEN: 403,
  CONFLICT: 409,
  INTERNAL: 500,
  NETWORK: 502,
}

const IMMUTABLE = 'public, max-age=31536000, immutable'
const MEDIA_CACHE = 'public, max-age=86400'
const SHORT_CACHE = 'public, max-age=3600'
/** Only these are content under /media; READMEs, sources and anything else stay private. */
const MEDIA_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.webp', '.gif', '.avif', '.mp4'])

const VID_RE = /^[0-9a-f]{32}$/
/** A generated code image's name (adapters/sqlite/channels.ts localCodeFile). */
const CODE_FILE_RE = /^[0-9a-f]{40}\.png$/
const VID_MAX_AGE = 365 * 24 * 60 * 60
/** Past this much declared body the 413 closes the connection instead of draining the upload. */
const DRAIN_LIMIT = 1024 * 1024

// A 16×16 blue dot, so a missing favicon never costs a 404 in the console.
const BUILTIN_FAVICON = Buffer.from(
  'AAABAAEAEBAAAAEAIABtAAAAFgAAAIlQTkcNChoKAAAADUlIRFIAAAAQAAAAEAgGAAAAH/P/YQAAADRJREFUeNpjkM9/zUAJxib4nwDGa8B/IjFWA/6TiFEM+E8mHjVgeBlAcUKiSlKmSmYiGQMA/1okc/Tu37YAAAAASUVORK5CYII=',
  'base64',
)

/** Headers of the few answers written before Hono's middleware can run. */
const BARE_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
}

/** Every answer that is not a file is JSON with no caching, errors included. */
function json(c: Context, status: Status, value: unknown, headers: Record<string, string> = {}) {
  return c.body(JSON.stringify(value), status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  })
}

const error = (
  c: Context,
  status: Status,
  code: ErrorCode,
  message: string,
  headers?: Record<string, string>,
) => json(c, status, fail(code, message), headers)

/**
 * Maps a URL path to a file strictly inside `root`; 'forbidden' when the path is malformed or
 * tries to climb out (`..`, encoded or not), 'hidden' for dotfiles.
 */
export function resolveInside(root: string, urlPath: string): string | 'forbidden' | 'hidden' {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return 'forbidden'
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return 'forbidden'
  const segments = decoded.split('/').filter((s) => s !== '')
  if (segments.includes('..')) return 'forbidden'
  if (segments.some((s) => s.startsWith('.'))) return 'hidden'
  const base = path.resolve(root)
  const full = path.resolve(base, ...segments)
  return full === base || full.startsWith(base + path.sep) ? full : 'forbidden'
}

/**
 * The anonymous visitor id from the HttpOnly `vid` cookie (the local stand-in for the OPENID).
 * A new one is issued only when `mayIssue`: a request the browser made for another site must
 * never replace the visitor's id, or they lose access to their own inquiries.
 */
function visitorId(c: Context, mayIssue: boolean): string | undefined {
  const current = getCookie(c, 'vid')
  if (current && VID_RE.test(current)) return current
  if (!mayIssue) return undefined
  const id = randomBytes(16).toString('hex')
  setCookie(c, 'vid', id, { httpOnly: true, sameSite: 'Lax', path: '/', maxAge: VID_MAX_AGE })
  return id
}

export function createServer(options: ServerOptions): http.Server {
  const logger = options.logger ?? silentLogger
  const trustProxy = options.trustProxy ?? 0
  const api =
    options.api ??
    createApi({
      storage: options.storage,
      leads: options.leads,
      contentCheck: options.contentCheck,
      notifier: options.notifier,
      logger,
    })
  const staticRoot = path.resolve(options.staticDir)
  const mediaRoot = path.resolve(options.mediaDir)
  const importedMediaRoot = options.importedMediaDir ? path.resolve(options.importedMediaDir) : null
  const inlineHashes = indexScriptHashes(path.join(staticRoot, 'index.html'))

  const app = new Hono<{ Bindings: { incoming: IncomingMessage } }>()

  app.use(async (c, next) => {
    const started = performance.now()
    await next()
    logger.info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    })
  })
  app.use(
    secureHeaders({
      // The H5 build runs only its own bundles plus Taro's inline rem snippet (allowed by hash).
      // Inline styles stay allowed: Taro's H5 components inject <style> elements at run time
      // (test/e2e/csp.test.ts sees them blocked otherwise), and a style cannot run code.
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", () => inlineHashes(), ...TAB_BAR_URL_SOURCES],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // Article images may live on any https host (TARO_APP_MEDIA_BASE, cloud storage).
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      xFrameOptions: 'DENY',
      referrerPolicy: 'strict-origin-when-cross-origin',
      // Plain HTTP on 127.0.0.1: HSTS belongs to whatever terminates TLS in front of it.
      strictTransportSecurity: false,
    }),
  )
  app.use(compress({ threshold: 512 }))
  app.use(etag())

  // Checked on the raw request line: the URL parser would quietly resolve `/media/../x` to `/x`.
  app.use(async (c, next) => {
    const raw = (c.env.incoming.url ?? '/').split('?')[0]
    if (resolveInside(staticRoot, raw) === 'forbidden') return error(c, 403, 'BAD_REQUEST', '禁止访问')
    await next()
  })

  app.onError((err, c) => {
    logger.error('request failed', { method: c.req.method, path: c.req.path, err })
    return error(c, 500, 'INTERNAL', MESSAGES.internal)
  })
  app.notFound((c) => error(c, 404, 'NOT_FOUND', '未找到'))

  app.get('/healthz', (c) => json(c, 200, { ok: true }))
  app.all('/healthz', (c) => error(c, 405, 'BAD_REQUEST', '仅支持 GET', { Allow: 'GET, HEAD' }))

  const tooLarge = (c: Context) => {
    // A huge upload is not worth reading to the end: answer, then drop the connection.
    const declared = Number(c.req.header('content-length'))
    const close: Record<string, string> = declared > DRAIN_LIMIT ? { Connection: 'close' } : {}
    return error(c, 413, 'PAYLOAD_TOO_LARGE', MESSAGES.tooLarge, close)
  }
  const limitBody = bodyLimit({ maxSize: MAX_REQUEST_BYTES, onError: tooLarge })

  app.post(
    '/api',
    async (c, next) => {
      const refused = crossSiteReason({
        origin: c.req.header('origin'),
        secFetchSite: c.req.header('sec-fetch-site'),
        host: (trustProxy && c.req.header('x-forwarded-host')?.split(',')[0].trim()) || c.req.header('host'),
      })
      if (refused) {
        logger.info('cross-site api call refused', { reason: refused })
        return error(c, 403, 'BAD_REQUEST', '不接受来自其他网站的请求')
      }
      // A form or no-cors fetch from another site cannot send application/json without a preflight.
      const type = c.req.header('content-type')?.split(';')[0].trim().toLowerCase()
      if (type !== 'application/json') return error(c, 415, 'BAD_REQUEST', '请以 application/json 发送')
      await next()
    },
    (c, next) => {
      // A declared length is checked as bodyLimit would, without its copy of the request through
      // web streams (it doubles the cost of a local call); a chunked body goes through bodyLimit.
      const declared = c.req.header('content-length')
      if (declared === undefined || c.req.header('transfer-encoding')) return limitBody(c, next)
      return Number(declared) > MAX_REQUEST_BYTES ? tooLarge(c) : next()
    },
    async (c) => {
      let envelope: unknown
      try {
        envelope = JSON.parse(await c.req.text())
      } catch {
        return error(c, 400, 'BAD_REQUEST', '请求体不是有效的 JSON')
      }
      const openid = `h5:${visitorId(c, true)}`
      const address = clientAddress(
        c.env.incoming.socket.remoteAddress,
        c.req.header('x-forwarded-for'),
        trustProxy,
      )
      const result = await api(envelope, { openid, source: 'local', clientAddress: address })
      return json(c, result.ok ? 200 : STATUS_BY_CODE[result.error.code], result)
    },
  )
  app.all('/api', (c) => error(c, 405, 'BAD_REQUEST', '请使用 POST 调用接口', { Allow: 'POST' }))

  /**
   * Streams `file` (already confined to its root) with validators; JSON 404 when absent.
   * `precompressed`: the build's `.br` / `.gz` copy beside it when the browser accepts one (the
   * compress middleware leaves an encoded answer alone).
   */
  async function sendFile(
    c: Context,
    file: string,
    cacheControl: string,
    notFound = '未找到',
    precompressed = false,
  ) {
    const stats = await fs.stat(file).catch(() => null)
    if (!stats?.isFile()) return error(c, 404, 'NOT_FOUND', notFound)
    c.header('Cache-Control', cacheControl)
    c.header('ETag', `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`)
    const served = await serveStatic({ path: file, precompressed })(c, async () => {})
    return served ?? error(c, 404, 'NOT_FOUND', notFound)
  }

  app.get('/favicon.ico', async (c) => {
    const file = path.join(staticRoot, 'favicon.ico')
    if (await fs.stat(file).catch(() => null)) return sendFile(c, file, SHORT_CACHE)
    return c.body(BUILTIN_FAVICON, 200, { 'Content-Type': 'image/x-icon', 'Cache-Control': SHORT_CACHE })
  })

  // A lead export (export.leads answered its path): handed out once, then gone. A plain GET the
  // page navigates to, so the browser downloads it under the connect-src/default-src policy.
  app.get('/exports/:token', (c) => {
    const file = options.exportFiles?.take(c.req.param('token'))
    if (!file) return error(c, 404, 'NOT_FOUND', '下载链接已失效，请重新导出')
    return c.body(new Uint8Array(file.bytes), 200, {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="leads.xlsx"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'Cache-Control': 'no-store',
    })
  })

  // Code images made by codes.get (issue 9): only `<40 hex>.png` names, from their own directory
  // (DATA_DIR/codes), never from mediaDir. Traversal is refused above on the raw request line.
  const codesRoot = options.codesDir ? path.resolve(options.codesDir) : undefined
  app.get('/media/codes/:file', (c) => {
    const name = c.req.param('file')
    if (!codesRoot || !CODE_FILE_RE.test(name)) return c.notFound()
    return sendFile(c, path.join(codesRoot, name), MEDIA_CACHE)
  })

  app.get('/media/*', (c) => {
    const rel = c.req.path.slice('/media/'.length)
    const imported = importedMediaRoot ? resolveInside(importedMediaRoot, rel) : null
    const file =
      imported && imported !== 'forbidden' && imported !== 'hidden' && existsSync(imported)
        ? imported
        : resolveInside(mediaRoot, rel)
    if (file === 'forbidden') return error(c, 403, 'BAD_REQUEST', '禁止访问')
    if (file === 'hidden' || !MEDIA_EXTENSIONS.has(path.extname(file).toLowerCase())) return c.notFound()
    return sendFile(c, file, MEDIA_CACHE)
  })

  app.get('*', (c) => {
    const urlPath = c.req.path.endsWith('/') ? `${c.req.path}index.html` : c.req.path
    const file = resolveInside(staticRoot, urlPath)
    if (file === 'forbidden') return error(c, 403, 'BAD_REQUEST', '禁止访问')
    if (file === 'hidden') return c.notFound()
    if (file.endsWith('.html')) {
      // The page issues the visitor id before the app's parallel first calls race for one. A
      // top-level navigation carries the SameSite=Lax cookie, so a missing one is really missing.
      const site = c.req.header('sec-fetch-site')
      visitorId(
        c,
        !site || site === 'same-origin' || site === 'none' || c.req.header('sec-fetch-mode') === 'navigate',
      )
      const missing =
        c.req.path === '/' ? '未找到 H5 构建（dist-h5/index.html），请先运行 npm run build:h5' : undefined
      // The HTML names the hashed bundles, so it must be revalidated; the bundles never change.
      return sendFile(c, file, 'no-cache', missing)
    }
    const bundle = /^\/(js|css)\//.test(urlPath)
    return sendFile(
      c,
      file,
      bundle || urlPath.startsWith('/static/') ? IMMUTABLE : SHORT_CACHE,
      undefined,
      bundle,
    )
  })
  app.all('*', (c) => error(c, 405, 'BAD_REQUEST', '仅支持 GET', { Allow: 'GET, HEAD' }))

  const server = http.createServer(
    getRequestListener(app.fetch, {
      // A request target node accepts but no URL can be made of (`GET *`, a backslash).
      errorHandler: () =>
        new Response(JSON.stringify(fail('BAD_REQUEST', '请求格式错误')), {
          status: 400,
          headers: BARE_HEADERS,
        }),
    }),
  )
  // Requests node's parser refuses never reach Hono: answer them in the same JSON shape.
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || err.code === 'ECONNRESET') {
      socket.destroy()
      return
    }
    const [status, message] =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, '请求头过大']
        : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, '请求超时']
          : [400, '请求格式错误']
    const body = JSON.stringify(fail('BAD_REQUEST', message))
    socket.end(
      [
        `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}`,
        `Content-Length: ${Buffer.byteLength(body)}`,
        ...Object.entries(BARE_HEADERS).map(([name, value]) => `${name}: ${value}`),
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    )
  })
  // Slow or stuck clients must not pin connections forever.
  server.requestTimeout = 30_000
  server.headersTimeout = 15_000
  return server
}
