import { randomBytes } from 'node:crypto'
import { createReadStream, promises as fs, type Stats } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import { fail, MAX_REQUEST_BYTES, type ApiResult, type ErrorCode } from '@/domain/result'
import { MESSAGES } from '../cloudfunctions/api/src/errors'
import { silentLogger, type Logger } from '../cloudfunctions/api/src/logger'
import type { ContentCheckPort } from '../cloudfunctions/api/src/ports/content-check'
import type { LeadStore } from '../cloudfunctions/api/src/ports/lead-store'
import type { NotifierPort } from '../cloudfunctions/api/src/ports/notifier'
import type { StoragePort } from '../cloudfunctions/api/src/ports/storage'
import { createApi, type Api } from '../cloudfunctions/api/src/router'

const gzip = promisify(zlib.gzip)

export interface ServerOptions {
  storage: StoragePort
  /** The H5 build (dist-h5/). */
  staticDir: string
  /** Files behind /media/* (mock/media/ locally). */
  mediaDir: string
  logger?: Logger
  /** Leads and contact events (the SQLite storage implements both ports). */
  leads?: LeadStore
  /** Default: the router's (the demo keyword list, adapters/keyword-content-check.ts). */
  contentCheck?: ContentCheckPort
  notifier?: NotifierPort
  /** Defaults to the cloud function's router over the ports above. */
  api?: Api
}

/** Same ApiResult bodies as the cloud; the status only mirrors the error code for HTTP tools. */
export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  VALIDATION: 400,
  UNKNOWN_ACTION: 400,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  NETWORK: 502,
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.mp4': 'video/mp4',
}
const COMPRESSIBLE = /^(text\/|application\/json|image\/svg\+xml)/
const MIN_GZIP_BYTES = 512

const IMMUTABLE = 'public, max-age=31536000, immutable'
const MEDIA_CACHE = 'public, max-age=86400'
const SHORT_CACHE = 'public, max-age=3600'

const VID_RE = /^[0-9a-f]{32}$/
const VID_MAX_AGE = 365 * 24 * 60 * 60

/*
 * Past MAX_REQUEST_BYTES the body is read and dropped so the client still gets its 413
 * (a socket closed mid-upload often surfaces as ECONNRESET instead). Past this much more,
 * the server answers at once and closes the connection.
 */
const DRAIN_LIMIT = 1024 * 1024

// A 16×16 blue dot, so a missing favicon never costs a 404 in the console.
const BUILTIN_FAVICON = Buffer.from(
  'AAABAAEAEBAAAAEAIABtAAAAFgAAAIlQTkcNChoKAAAADUlIRFIAAAAQAAAAEAgGAAAAH/P/YQAAADRJREFUeNpjkM9/zUAJxib4nwDGa8B/IjFWA/6TiFEM+E8mHjVgeBlAcUKiSlKmSmYiGQMA/1okc/Tu37YAAAAASUVORK5CYII=',
  'base64',
)

type BodyOutcome =
  { kind: 'ok'; body: Buffer } | { kind: 'too-large'; closeConnection: boolean } | { kind: 'aborted' }

function readBody(req: http.IncomingMessage, max: number): Promise<BodyOutcome> {
  return new Promise((resolve) => {
    let settled = false
    const done = (outcome: BodyOutcome) => {
      if (!settled) {
        settled = true
        resolve(outcome)
      }
    }
    const declared = Number(req.headers['content-length'])
    if (Number.isFinite(declared) && declared > DRAIN_LIMIT) {
      done({ kind: 'too-large', closeConnection: true })
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    let over = false
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > max && !over) {
        over = true
        chunks.length = 0
      }
      if (!over) chunks.push(chunk)
      if (size > DRAIN_LIMIT) done({ kind: 'too-large', closeConnection: true })
    })
    req.on('end', () =>
      done(
        over ? { kind: 'too-large', closeConnection: false } : { kind: 'ok', body: Buffer.concat(chunks) },
      ),
    )
    req.on('error', () => done({ kind: 'aborted' }))
    req.on('close', () => done({ kind: 'aborted' }))
  })
}

function acceptsGzip(req: http.IncomingMessage): boolean {
  const header = req.headers['accept-encoding']
  if (typeof header !== 'string') return false
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().split(';')
    if (name.trim().toLowerCase() !== 'gzip' && name.trim() !== '*') return false
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    return !q || Number(q.slice(2)) > 0
  })
}

function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  if (!header) return out
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    const name = part.slice(0, eq).trim()
    if (name && !(name in out)) out[name] = part.slice(eq + 1).trim()
  }
  return out
}

/** The anonymous visitor id from the `vid` cookie; issues a fresh one when absent or malformed. */
function visitorId(req: http.IncomingMessage, res: http.ServerResponse): string {
  const current = parseCookies(req.headers.cookie).vid
  if (current && VID_RE.test(current)) return current
  const id = randomBytes(16).toString('hex')
  res.setHeader('Set-Cookie', `vid=${id}; HttpOnly; SameSite=Lax; Path=/; Max-Age=${VID_MAX_AGE}`)
  return id
}

async function send(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  status: number,
  body: Buffer,
  headers: Record<string, string>,
): Promise<void> {
  const type = headers['Content-Type'] ?? ''
  let payload = body
  if (COMPRESSIBLE.test(type)) {
    res.setHeader('Vary', 'Accept-Encoding')
    if (body.length >= MIN_GZIP_BYTES && acceptsGzip(req)) {
      payload = await gzip(body)
      res.setHeader('Content-Encoding', 'gzip')
    }
  }
  res.writeHead(status, { ...headers, 'Content-Length': String(payload.length) })
  res.end(req.method === 'HEAD' ? undefined : payload)
}

function sendJson(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): Promise<void> {
  return send(req, res, status, Buffer.from(JSON.stringify(value), 'utf8'), {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  })
}

function sendText(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): Promise<void> {
  return send(req, res, status, Buffer.from(text, 'utf8'), {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  })
}

/**
 * Maps a URL path to a file strictly inside `root`; null when the path is malformed, tries
 * to climb out (`..`, encoded or not) or names a hidden file.
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const segments = decoded.split('/').filter((s) => s !== '')
  if (segments.some((s) => s === '..' || s.startsWith('.'))) return null
  const base = path.resolve(root)
  const full = path.resolve(base, ...segments)
  if (full !== base && !full.startsWith(base + path.sep)) return null
  return full
}

async function statFile(file: string): Promise<Stats | null> {
  try {
    const stats = await fs.stat(file)
    return stats.isFile() ? stats : null
  } catch {
    return null
  }
}

interface GzipEntry {
  mtimeMs: number
  size: number
  data: Buffer
}

export function createServer(options: ServerOptions): http.Server {
  const logger = options.logger ?? silentLogger
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
  // Built assets never change under the same name: compress each once.
  const gzipCache = new Map<string, GzipEntry>()

  async function serveFile(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    file: string,
    stats: Stats,
    cacheControl: string,
  ): Promise<void> {
    const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
    const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`
    const headers: Record<string, string> = {
      'Content-Type': type,
      'Cache-Control': cacheControl,
      ETag: etag,
      'Last-Modified': stats.mtime.toUTCString(),
    }
    const compressible = COMPRESSIBLE.test(type)
    if (compressible) headers.Vary = 'Accept-Encoding'
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers)
      res.end()
      return
    }
    if (compressible && stats.size >= MIN_GZIP_BYTES && acceptsGzip(req)) {
      let entry = gzipCache.get(file)
      if (!entry || entry.mtimeMs !== stats.mtimeMs || entry.size !== stats.size) {
        entry = {
          mtimeMs: stats.mtimeMs,
          size: stats.size,
          data: await gzip(await fs.readFile(file), { level: 9 }),
        }
        if (gzipCache.size > 500) gzipCache.clear()
        gzipCache.set(file, entry)
      }
      res.writeHead(200, {
        ...headers,
        'Content-Encoding': 'gzip',
        'Content-Length': String(entry.data.length),
      })
      res.end(req.method === 'HEAD' ? undefined : entry.data)
      return
    }
    res.writeHead(200, { ...headers, 'Content-Length': String(stats.size) })
    if (req.method === 'HEAD') {
      res.end()
      return
    }
    await new Promise<void>((resolve) => {
      const stream = createReadStream(file)
      stream.on('error', (err) => {
        logger.error('read failed', { file, err })
        res.destroy()
        resolve()
      })
      stream.on('end', resolve)
      stream.pipe(res)
    })
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      await sendJson(req, res, 405, fail('BAD_REQUEST', '请使用 POST 调用接口'), { Allow: 'POST' })
      return
    }
    const outcome = await readBody(req, MAX_REQUEST_BYTES)
    if (outcome.kind === 'aborted') return
    const openid = `h5:${visitorId(req, res)}`
    if (outcome.kind === 'too-large') {
      const extra: Record<string, string> = outcome.closeConnection ? { Connection: 'close' } : {}
      await sendJson(req, res, 413, fail('PAYLOAD_TOO_LARGE', MESSAGES.tooLarge), extra)
      // Keep swallowing the rest so the client can read the answer before the socket closes.
      if (outcome.closeConnection) req.resume()
      return
    }
    let envelope: unknown
    try {
      envelope = JSON.parse(outcome.body.toString('utf8'))
    } catch {
      await sendJson(req, res, 400, fail('BAD_REQUEST', '请求体不是有效的 JSON'))
      return
    }
    const result: ApiResult<unknown> = await api(envelope, { openid, source: 'local' })
    await sendJson(req, res, result.ok ? 200 : STATUS_BY_CODE[result.error.code], result)
  }

  async function handleStatic(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    urlPath: string,
  ): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      await sendText(req, res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' })
      return
    }
    if (urlPath.startsWith('/media/')) {
      const file = resolveInside(mediaRoot, urlPath.slice('/media/'.length))
      if (!file) return sendText(req, res, 403, 'Forbidden')
      const stats = await statFile(file)
      if (!stats) return sendText(req, res, 404, 'Not Found')
      return serveFile(req, res, file, stats, MEDIA_CACHE)
    }
    if (urlPath === '/favicon.ico') {
      const file = path.join(staticRoot, 'favicon.ico')
      const stats = await statFile(file)
      if (stats) return serveFile(req, res, file, stats, SHORT_CACHE)
      return send(req, res, 200, BUILTIN_FAVICON, {
        'Content-Type': 'image/x-icon',
        'Cache-Control': SHORT_CACHE,
      })
    }
    const relative = urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath
    const file = resolveInside(staticRoot, relative)
    if (!file) return sendText(req, res, 403, 'Forbidden')
    const stats = await statFile(file)
    if (!stats) {
      if (urlPath === '/') {
        return sendText(
          req,
          res,
          404,
          '未找到 H5 构建（dist-h5/index.html），请先运行 npm run build:h5\nH5 build not found: run npm run build:h5\n',
        )
      }
      return sendText(req, res, 404, 'Not Found')
    }
    const isHtml = file.endsWith('.html')
    // Hashed bundles may be cached forever; the HTML that names them must be revalidated.
    const cacheControl = isHtml ? 'no-cache' : /^\/(js|css|static)\//.test(urlPath) ? IMMUTABLE : SHORT_CACHE
    if (isHtml) visitorId(req, res)
    return serveFile(req, res, file, stats, cacheControl)
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff')
    const rawUrl = req.url ?? '/'
    const urlPath = rawUrl.split('?')[0]
    if (!urlPath.startsWith('/')) return sendText(req, res, 400, 'Bad Request')
    if (urlPath === '/api') return handleApi(req, res)
    if (urlPath === '/healthz') {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return sendText(req, res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' })
      }
      return sendJson(req, res, 200, { ok: true })
    }
    return handleStatic(req, res, urlPath)
  }

  const server = http.createServer((req, res) => {
    const started = process.hrtime.bigint()
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      logger.info('request', {
        method: req.method,
        path: (req.url ?? '/').split('?')[0],
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
      })
    })
    handle(req, res).catch((err: unknown) => {
      logger.error('request failed', { method: req.method, path: (req.url ?? '/').split('?')[0], err })
      if (!res.headersSent) {
        void sendJson(req, res, 500, fail('INTERNAL', MESSAGES.internal)).catch(() => res.destroy())
      } else {
        res.destroy()
      }
    })
  })
  // Slow or stuck clients must not pin connections forever.
  server.requestTimeout = 30_000
  server.headersTimeout = 15_000
  return server
}
