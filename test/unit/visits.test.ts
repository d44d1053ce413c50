/**
 * The channel funnel's visits (issue 9 item 4): the `visits.record` schema (strict kinds, a view
 * names exactly one park or article, ISO times, a bounded batch) and the client's entry rules
 * (how a visit came in, once per visit: a session in memory, a short storage guard for H5 reloads).
 */
import { RecordVisitsSchema, VISIT_BATCH_MAX } from '@/domain/visits'
import { validate } from '@/domain/schemas'
import { resetSessionSource, getSessionSource } from '@/lib/attribution'
import {
  classifyEntry,
  flushVisits,
  GUARD_MS,
  noteEntry,
  noteHidden,
  pendingVisits,
  recordView,
  resetVisits,
  SESSION_GAP_MS,
} from '@/features/visits/record'

jest.mock('@tarojs/taro', () => jest.requireActual('../doubles/taro'))
// eslint-disable-next-line import/first
import Taro from '@tarojs/taro'
// eslint-disable-next-line import/first
import { resetTaroDouble } from '../doubles/taro'

const AT = '2026-05-31T01:00:00.000Z'

describe('RecordVisitsSchema', () => {
  const check = (visits: unknown[]) => validate(RecordVisitsSchema, { visits })

  it('takes entries and views with their sources, pages and ids', () => {
    const res = check([
      { kind: 'scan', source: 'abc123', page: '/pages/index/index', at: AT },
      { kind: 'share', source: 'share', at: AT },
      { kind: 'direct', at: AT },
      { kind: 'view', parkId: 'p012', source: 'abc123', at: AT },
      { kind: 'view', articleId: 'policy-2026-01', at: AT },
    ])
    expect(res.ok).toBe(true)
  })

  it.each([
    ['an unknown kind', { kind: 'click', at: AT }],
    ['a view of nothing', { kind: 'view', at: AT }],
    ['a view of a park and an article', { kind: 'view', parkId: 'p012', articleId: 'a-1', at: AT }],
    ['a source outside the token alphabet', { kind: 'scan', source: 'a b', at: AT }],
    ['a source too long', { kind: 'scan', source: 'x'.repeat(17), at: AT }],
    ['a time that is not ISO', { kind: 'scan', at: '31/05/2026' }],
    ['no time', { kind: 'scan' }],
    ['a bad park id', { kind: 'view', parkId: '../x', at: AT }],
    ['a page with a query', { kind: 'scan', page: '/pages/index/index?x=1', at: AT }],
  ])('refuses %s', (_name, visit) => {
    expect(check([visit]).ok).toBe(false)
  })

  it('is bounded: 1 to VISIT_BATCH_MAX a call', () => {
    const one = { kind: 'direct', at: AT }
    expect(check([]).ok).toBe(false)
    expect(check(Array(VISIT_BATCH_MAX).fill(one)).ok).toBe(true)
    expect(check(Array(VISIT_BATCH_MAX + 1).fill(one)).ok).toBe(false)
  })
})

describe('how a visit came in', () => {
  it.each([
    [
      'a code scanned (scene in the query)',
      { scene: 1047, query: { scene: 'p%3Dp012%26s%3Dabc123' } },
      'scan',
      'abc123',
    ],
    ['the home page opened by a code on H5', { query: { scene: 'p=p012&s=abc123' } }, 'scan', 'abc123'],
    ['a code without a channel', { scene: 1048, query: { scene: 'p%3Dp012' } }, 'scan', undefined],
    ['a code launch scene alone', { scene: 1049, query: {} }, 'scan', undefined],
    ['a shared card with src', { scene: 1007, query: { id: 'p012', src: 'abc123' } }, 'share', 'abc123'],
    ['a group chat card without src', { scene: 1008, query: {} }, 'share', undefined],
    ['Moments', { scene: 1154, query: { src: 'share' } }, 'share', 'share'],
    ['a link with src on H5', { scene: 0, query: { src: 'abc123' } }, 'share', 'abc123'],
    ['the recent list', { scene: 1089, query: {} }, 'direct', undefined],
    ['a bad src is no source', { scene: 1001, query: { src: '<x>' } }, 'direct', undefined],
  ])('%s', (_name, options, kind, source) => {
    expect(classifyEntry(options)).toEqual(source ? { kind, source } : { kind })
  })
})

describe('an entry once per visit', () => {
  const T0 = Date.parse('2026-05-31T01:00:00.000Z')
  const scan = { path: 'pages/index/index', scene: 1047, query: { scene: 'p%3Dp012%26s%3Dabc123' } }
  const recent = { path: 'pages/parks/index', scene: 1089, query: {} }

  beforeEach(() => {
    resetTaroDouble()
    resetVisits()
    resetSessionSource()
  })

  it('launch, show and the home page noting the same code record one scan with its source', () => {
    noteEntry(scan, T0)
    noteEntry(scan, T0 + 5)
    noteEntry({ path: '/pages/index/index', query: { scene: 'p=p012&s=abc123' } }, T0 + 50)
    expect(pendingVisits()).toEqual([
      { kind: 'scan', source: 'abc123', page: '/pages/index/index', at: new Date(T0).toISOString() },
    ])
    // The lead of this visit is attributed to the same source.
    expect(getSessionSource()).toBe('abc123')
  })

  it('a show within the visit is not an entry; after SESSION_GAP_MS in the background it is', () => {
    noteEntry(recent, T0)
    noteHidden(T0 + 1000)
    noteEntry(recent, T0 + 1000 + SESSION_GAP_MS - 1)
    expect(pendingVisits().map((v) => v.kind)).toEqual(['direct'])
    noteHidden(T0 + 2 * SESSION_GAP_MS)
    noteEntry(recent, T0 + 3 * SESSION_GAP_MS)
    expect(pendingVisits().map((v) => v.kind)).toEqual(['direct', 'direct'])
  })

  it('another code scanned while the app runs starts a new visit', () => {
    noteEntry(recent, T0)
    noteEntry(scan, T0 + 60_000)
    noteEntry({ scene: 1047, query: { scene: 's%3Dzzz999' } }, T0 + 120_000)
    expect(pendingVisits().map((v) => [v.kind, v.source])).toEqual([
      ['direct', undefined],
      ['scan', 'abc123'],
      ['scan', 'zzz999'],
    ])
  })

  it('an H5 reload (memory gone) within GUARD_MS does not count the entry again; later it does', () => {
    noteEntry(scan, T0)
    resetVisits() // the page reloaded: a new app run, local storage kept
    noteEntry(scan, T0 + GUARD_MS - 1)
    expect(pendingVisits()).toEqual([])
    resetVisits()
    noteEntry(scan, T0 + 2 * GUARD_MS)
    expect(pendingVisits()).toHaveLength(1)
  })

  it('sends the queue in one visits.record batch when the app hides, never twice', async () => {
    const request = Taro.request as unknown as jest.Mock
    request.mockResolvedValue({ statusCode: 200, data: { ok: true, data: { accepted: 2 } } })
    noteEntry(scan, T0)
    recordView({ parkId: 'p012' }, '/packages/park/detail/index')
    noteHidden(T0 + 10)
    await flushVisits()
    expect(request).toHaveBeenCalledTimes(1)
    const { action, payload } = request.mock.calls[0][0].data
    expect(action).toBe('visits.record')
    expect(payload.visits).toEqual([
      expect.objectContaining({ kind: 'scan', source: 'abc123' }),
      expect.objectContaining({ kind: 'view', parkId: 'p012', source: 'abc123' }),
    ])
    await flushVisits()
    expect(request).toHaveBeenCalledTimes(1)
    expect(pendingVisits()).toEqual([])
  })

  it('keeps a batch the network lost for the next flush, drops one the server refused as malformed', async () => {
    const request = Taro.request as unknown as jest.Mock
    request.mockRejectedValueOnce(new Error('offline'))
    noteEntry(scan, T0)
    await flushVisits()
    expect(pendingVisits()).toHaveLength(1)
    request.mockResolvedValueOnce({
      statusCode: 200,
      data: { ok: false, error: { code: 'VALIDATION', message: 'x' } },
    })
    await flushVisits()
    expect(pendingVisits()).toEqual([])
  })
})

describe('a direct lead reads as 直接访问 wherever staff see its source', () => {
  it('sourceLabel, the inbox row, the lead notice', async () => {
    const { sourceLabel } = await import('@/domain/source-label')
    const { originOf } = await import('@/features/leads/format')
    const { formatNoticeLine } = await import('../../cloudfunctions/api/src/core/lead-notice')
    expect(sourceLabel('direct')).toBe('直接访问')
    expect(sourceLabel(undefined)).toBe('直接访问')
    expect(sourceLabel('abc123')).toBe('abc123')
    expect(originOf({ source: 'direct' })).toBe('直接访问')
    expect(originOf({ source: 'abc123' })).toBe('来源 abc123')
    const notice = {
      inquiryId: 'i1',
      status: 'new' as const,
      needType: 'other' as const,
      maskedPhone: '135****8515',
      createdAt: '2026-05-01T02:00:00.000Z',
    }
    expect(formatNoticeLine({ ...notice, source: 'direct' })).toContain('来源 直接访问')
    expect(formatNoticeLine({ ...notice, source: 'abc123' })).toContain('来源 abc123')
  })
})

describe('channelFunnel', () => {
  it('labels by own keys only: a code named like an Object property shows as itself', async () => {
    const { channelFunnel } = await import('@/domain/charts')
    const out = channelFunnel(
      [
        { date: '2026-05-31', source: 'constructor', metric: 'scan', count: 2 },
        { date: '2026-05-31', source: 'direct', metric: 'lead', count: 1 },
      ],
      '2026-05-31',
      '2026-05-31',
      { direct: '直接访问' },
    )
    expect(out.channels.map((c) => [c.label, c.entries, c.leads, c.conversion])).toEqual([
      ['constructor', 2, 0, 0],
      ['直接访问', 0, 1, null],
    ])
  })
})
