/**
 * @jest-environment node
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { SubmitResult } from '@/domain/inquiry'
import {
  createLineNotifier,
  createWebhookNotifier,
  parseWebhookUrl,
  redactWebhookUrl,
} from '../../cloudfunctions/api/src/adapters/webhook-notifier'
import { formatNoticeLine, formatNoticeMarkdown } from '../../cloudfunctions/api/src/core/lead-notice'
import { combineNotifiers } from '../../cloudfunctions/api/src/core/notifiers'
import type { LeadNotice } from '../../cloudfunctions/api/src/ports/notifier'
import { data, inquiry, leadEnv, PHONE, type LeadEnv } from './inquiry-fixtures'

const notice: LeadNotice = {
  inquiryId: '0123456789abcdef0123456789abcdef',
  status: 'new',
  needType: 'rent-factory',
  district: 'songjiang',
  areaMin: 1000,
  areaMax: 3000,
  parkId: 'p012',
  parkName: '松江G60智造园',
  source: 'pst01',
  maskedPhone: '135****8515',
  createdAt: '2026-05-01T02:00:00.000Z',
}

type Behaviour = 'ok' | 'errcode' | 'http500' | 'hang'

/** A stand-in for the WeCom robot on 127.0.0.1: records each POST, answers as scripted. */
async function robot() {
  const received: Array<{ method?: string; url?: string; type?: string; body: any }> = []
  let behaviour: Behaviour = 'ok'
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      received.push({
        method: req.method,
        url: req.url,
        type: req.headers['content-type'],
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      })
      if (behaviour === 'hang') return
      if (behaviour === 'http500') {
        res.writeHead(500)
        res.end('oops')
        return
      }
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(
        behaviour === 'errcode'
          ? '{"errcode":93000,"errmsg":"invalid webhook url"}'
          : '{"errcode":0,"errmsg":"ok"}',
      )
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    received,
    url: `http://127.0.0.1:${port}/cgi-bin/webhook/send?key=robot-secret`,
    set(b: Behaviour) {
      behaviour = b
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

describe('notice formats', () => {
  it('one console line: masked phone, need, park, source', () => {
    expect(formatNoticeLine(notice)).toBe(
      '[新询盘] 2026-05-01 10:00 · 租厂房 · 135****8515 · 松江 · 1000–3000 ㎡ · 园区 松江G60智造园（p012） · 来源 pst01 · 编号 0123456789abcdef0123456789abcdef',
    )
    expect(
      formatNoticeLine({ ...notice, status: 'review', flagged: 'content-review', source: undefined }),
    ).toContain('来源 直接访问 · 待审核（content-review）')
  })

  it('WeCom markdown with the masked phone', () => {
    const md = formatNoticeMarkdown(notice)
    expect(md.split('\n')[0]).toBe('**新询盘** <font color="info">待联系</font>')
    expect(md).toContain('> 手机：135****8515')
    expect(md).toContain('> 园区：松江G60智造园（p012）')
    expect(md).toContain('> 时间：2026-05-01 10:00')
  })
})

describe('webhook notifier against a local listener', () => {
  let r: Awaited<ReturnType<typeof robot>>
  beforeEach(async () => {
    r = await robot()
  })
  afterEach(() => r.close())

  it('POSTs { msgtype: markdown, markdown: { content } } as JSON', async () => {
    await createWebhookNotifier({ url: r.url }).notify(notice)
    expect(r.received).toEqual([
      {
        method: 'POST',
        url: '/cgi-bin/webhook/send?key=robot-secret',
        type: 'application/json; charset=utf-8',
        body: { msgtype: 'markdown', markdown: { content: formatNoticeMarkdown(notice) } },
      },
    ])
  })

  it.each([
    ['errcode', /errcode 93000/],
    ['http500', /HTTP 500/],
    ['hang', /timed out after 100 ms/],
  ] as const)('rejects on %s, with the robot key kept out of the error', async (behaviour, message) => {
    r.set(behaviour)
    const started = Date.now()
    const err: Error = await createWebhookNotifier({ url: r.url, timeoutMs: 100 })
      .notify(notice)
      .then(
        () => new Error('resolved'),
        (e: Error) => e,
      )
    expect(err.message).toMatch(message)
    expect(err.message).not.toContain('robot-secret')
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('rejects when nobody listens (connection refused)', async () => {
    const url = r.url
    await r.close()
    await expect(createWebhookNotifier({ url, timeoutMs: 500 }).notify(notice)).rejects.toThrow(/webhook/)
    r = await robot()
  })

  it('refuses a URL that is not http(s), never echoing its key', () => {
    expect(() => parseWebhookUrl('ftp://x.example/send?key=abc')).toThrow(/must be http/)
    expect(() => parseWebhookUrl('not a url key=abc')).toThrow(/not a URL/)
    expect(redactWebhookUrl('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc')).toBe(
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send',
    )
  })

  describe('through inquiries.submit', () => {
    let env: LeadEnv
    afterEach(() => env.close())

    it('each new lead reaches the robot once, masked; a duplicate does not', async () => {
      const lines: string[] = []
      env = leadEnv({
        notifier: combineNotifiers([
          createLineNotifier((l) => lines.push(l)),
          createWebhookNotifier({ url: r.url }),
        ]),
      })
      const payload = inquiry()
      data(await env.call('inquiries.submit', payload))
      data(await env.call('inquiries.submit', payload))
      expect(r.received).toHaveLength(1)
      expect(r.received[0].body.markdown.content).toContain('135****8515')
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(
        /^\[新询盘\] 2026-05-01 10:00 · 租厂房 · 135\*\*\*\*8515 · .*园区 松江G60智造园（p012） · 来源 pst01/,
      )
      expect(JSON.stringify(r.received) + lines.join('')).not.toContain(PHONE)
    })

    it.each(['errcode', 'http500', 'hang'] as const)(
      'a robot that fails (%s) is logged; the lead is stored and acknowledged',
      async (behaviour) => {
        r.set(behaviour)
        env = leadEnv({ notifier: createWebhookNotifier({ url: r.url, timeoutMs: 100 }) })
        const res = data<SubmitResult>(await env.call('inquiries.submit', inquiry()))
        expect(res).toMatchObject({ status: 'new', duplicate: false })
        expect(await env.storage.listInquiries('o-visitor-1', 5)).toHaveLength(1)
        const warn = env.lines.map((l) => JSON.parse(l)).find((x) => x.msg === 'lead notification failed')
        expect(warn).toMatchObject({ level: 'warn', err: { message: expect.stringContaining('webhook') } })
        expect(env.lines.join('\n')).not.toContain('robot-secret')
      },
    )
  })
})
