/**
 * The channel funnel from the pages (issue 9 item 4): the home page opened by a code records one
 * 'scan' entry with the code's source; a park or article detail page records one 'view' once its
 * item has loaded (a refresh or a re-render is not another); the queue goes out in one
 * `visits.record` batch when the page is hidden, never awaited by the page.
 */
import { act, render, screen } from '@testing-library/react'
import Taro, { useDidHide } from '@tarojs/taro'
import { firePullDownRefresh, resetTaroDouble, router } from '../doubles/taro'
import HomePage from '@/pages/index/index'
import ParkDetailPage from '@/packages/park/detail/index'
import ArticleDetailPage from '@/packages/article/detail/index'
import { resetSessionSource } from '@/lib/attribution'
import { noteEntry, pendingVisits, resetVisits } from '@/features/visits/record'
import { contact, httpAnswer, makeArticle } from './fixtures'
import { makeHome } from './home-fixtures'
import { makeParkDetail } from './park-fixtures'

Object.assign(Taro, { getLaunchOptionsSync: jest.fn(() => ({ scene: 1001, path: '', query: {} })) })

const request = Taro.request as unknown as jest.Mock

/** Everything the pages registered with useDidHide, fired as the runtime does on page hide. */
async function hidePages() {
  await act(async () => {
    for (const [cb] of (useDidHide as unknown as jest.Mock).mock.calls) cb()
    await new Promise((r) => setTimeout(r, 0))
  })
}

const visitCalls = () =>
  request.mock.calls.map(([o]) => o.data).filter((d: { action: string }) => d.action === 'visits.record')

/** Answers every action the pages make; visits.record says how many it took. */
function serve(answers: Record<string, unknown>) {
  request.mockImplementation(async (opts: { data: { action: string; payload: { visits?: unknown[] } } }) => {
    const { action, payload } = opts.data
    if (action === 'visits.record')
      return httpAnswer({ ok: true, data: { accepted: payload.visits!.length } })
    if (!(action in answers)) throw new Error(`unexpected action ${action}`)
    return httpAnswer({ ok: true, data: answers[action] })
  })
}

beforeEach(() => {
  resetTaroDouble()
  resetSessionSource()
  resetVisits()
  request.mockReset()
})

describe('entries', () => {
  it('the home page opened by a code records one scan entry with its source, sent once on hide', async () => {
    serve({ 'home.get': makeHome(), 'parks.get': makeParkDetail() })
    // As WeChat launches the app for a scanned code: the app notes the entry first…
    noteEntry({ path: 'pages/index/index', scene: 1047, query: { scene: 'p%3Dp012%26s%3Dabc123' } })
    router.params = { scene: 'p%3Dp012%26s%3Dabc123' }
    render(<HomePage />)
    await screen.findByText('松江园区1号厂房')
    // …and the home page, reading the same scene, does not count it again.
    expect(pendingVisits()).toEqual([
      { kind: 'scan', source: 'abc123', page: '/pages/index/index', at: expect.any(String) },
    ])
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/park/detail/index?id=p012' })
    // Nothing is sent while the page shows: the queue waits for the hide.
    expect(visitCalls()).toEqual([])
    await hidePages()
    expect(visitCalls()).toEqual([
      {
        action: 'visits.record',
        payload: { visits: [expect.objectContaining({ kind: 'scan', source: 'abc123' })] },
      },
    ])
    await hidePages()
    expect(visitCalls()).toHaveLength(1)
  })

  it('on H5 (no launch scene) the home page itself records the scan entry, once', async () => {
    serve({ 'home.get': makeHome() })
    router.params = { scene: 's%3Dabc123' }
    const view = render(<HomePage />)
    await screen.findByText('松江园区1号厂房')
    firePullDownRefresh()
    view.rerender(<HomePage />)
    expect(pendingVisits()).toEqual([expect.objectContaining({ kind: 'scan', source: 'abc123' })])
  })

  it('the home page opened from the tab bar records no entry of its own', async () => {
    serve({ 'home.get': makeHome() })
    render(<HomePage />)
    await screen.findByText('松江园区1号厂房')
    expect(pendingVisits()).toEqual([])
  })
})

describe('detail views', () => {
  it('a park detail page records one view of its park with the session source', async () => {
    serve({ 'parks.get': makeParkDetail() })
    router.params = { id: 'p012', src: 'abc123' }
    const view = render(<ParkDetailPage />)
    await screen.findByText(makeParkDetail().park.name)
    view.rerender(<ParkDetailPage />)
    expect(pendingVisits()).toEqual([
      {
        kind: 'view',
        parkId: 'p012',
        source: 'abc123',
        page: '/packages/park/detail/index',
        at: expect.any(String),
      },
    ])
    await hidePages()
    expect(visitCalls()).toHaveLength(1)
    expect(visitCalls()[0].payload.visits).toEqual([
      expect.objectContaining({ kind: 'view', parkId: 'p012' }),
    ])
  })

  it('a park that fails to load records no view', async () => {
    request.mockResolvedValue(httpAnswer({ ok: false, error: { code: 'NOT_FOUND', message: '园区不存在' } }))
    router.params = { id: 'p404' }
    render(<ParkDetailPage />)
    await screen.findByText('内容不存在')
    expect(pendingVisits()).toEqual([])
  })

  it('an article detail page records one view of its article', async () => {
    const article = makeArticle({ id: 'a-1', title: '松江厂房选址要点' })
    serve({ 'articles.get': { article, contact, related: [] } })
    router.params = { id: 'a-1' }
    const view = render(<ArticleDetailPage />)
    await screen.findByText('松江厂房选址要点')
    view.rerender(<ArticleDetailPage />)
    expect(pendingVisits()).toEqual([
      { kind: 'view', articleId: 'a-1', page: '/packages/article/detail/index', at: expect.any(String) },
    ])
  })
})
