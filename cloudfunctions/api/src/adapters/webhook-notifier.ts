import http from 'node:http'
import https from 'node:https'
import { formatNoticeLine, formatNoticeMarkdown } from '../core/lead-notice'
import { DeliveryError } from '../core/delivery-error'
import type { RobotPort } from '../ports/alerts'
import type { NotifierPort } from '../ports/notifier'

export interface WebhookNotifierOptions {
  /** A WeCom group-robot webhook (https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…) or any URL taking the same JSON. */
  url: string
  /** Whole request, connect to last byte; default 1,500 ms. */
  timeoutMs?: number
}

/** The URL without its query: the robot's `key` is a secret and never goes into a log or an error. */
export function redactWebhookUrl(raw: string): string {
  try {
    const u = new URL(raw)
    return `${u.protocol}//${u.host}${u.pathname}`
  } catch {
    return '(invalid url)'
  }
}

/** Throws when the URL is not http(s); used at start-up so a typo is seen at once. */
export function parseWebhookUrl(raw: string): URL {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new Error(`LEADS_WEBHOOK_URL is not a URL: ${redactWebhookUrl(raw)}`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`LEADS_WEBHOOK_URL must be http(s): ${redactWebhookUrl(raw)}`)
  }
  return url
}

function post(url: URL, body: string, timeoutMs: number): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http
    const req = client.request(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        let size = 0
        res.on('data', (c: Buffer) => {
          // The robot answers a few dozen bytes; never buffer a runaway reply.
          size += c.length
          if (size <= 64 * 1024) chunks.push(c)
        })
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        )
        res.on('error', reject)
      },
    )
    const timer = setTimeout(
      () => req.destroy(new Error(`webhook timed out after ${timeoutMs} ms`)),
      timeoutMs,
    )
    timer.unref?.()
    req.on('error', reject)
    req.on('close', () => clearTimeout(timer))
    req.end(body)
  })
}

/** Robot errcodes that no retry can fix: 93000 invalid webhook URL / key, 40008 bad message type. */
const PERMANENT_ERRCODES = new Set([93000, 40008, 40058])

/**
 * A WeCom group robot: POSTs `{ msgtype: 'markdown', markdown: { content } }`. Rejects with a
 * DeliveryError on a network error, a timeout, a non-2xx status or a robot errcode ≠ 0 (e.g.
 * 45009: more than 20 messages a minute, worth a retry; 93000: a bad key, not). The URL's key
 * never appears in an error.
 */
export function createWebhookRobot(options: WebhookNotifierOptions): RobotPort {
  const url = parseWebhookUrl(options.url)
  const timeoutMs = options.timeoutMs ?? 1500
  const where = redactWebhookUrl(options.url)
  return {
    async sendMarkdown(content) {
      const body = JSON.stringify({ msgtype: 'markdown', markdown: { content } })
      let reply: { status: number; text: string }
      try {
        reply = await post(url, body, timeoutMs)
      } catch (err) {
        throw new DeliveryError(`webhook ${where}: ${err instanceof Error ? err.message : String(err)}`, true)
      }
      if (reply.status < 200 || reply.status >= 300) {
        // 4xx but 408 / 429: the request itself is wrong; 5xx: the robot's side, try again.
        const retryable = reply.status >= 500 || reply.status === 408 || reply.status === 429
        throw new DeliveryError(`webhook ${where}: HTTP ${reply.status}`, retryable)
      }
      let errcode: unknown
      try {
        errcode = (JSON.parse(reply.text) as { errcode?: unknown })?.errcode
      } catch {
        errcode = undefined
      }
      if (typeof errcode === 'number' && errcode !== 0)
        throw new DeliveryError(
          `webhook ${where}: errcode ${errcode}`,
          !PERMANENT_ERRCODES.has(errcode),
          errcode,
        )
    },
  }
}

/** Posts each new lead to a WeCom group robot (markdown, masked phone); rejects as createWebhookRobot. */
export function createWebhookNotifier(options: WebhookNotifierOptions): NotifierPort {
  const robot = createWebhookRobot(options)
  return { notify: (notice) => robot.sendMarkdown(formatNoticeMarkdown(notice)) }
}

/** Writes one human-readable line per lead (the local server's console, the cloud's log). */
export function createLineNotifier(write: (line: string) => void): NotifierPort {
  return {
    async notify(notice) {
      write(formatNoticeLine(notice))
    },
  }
}
