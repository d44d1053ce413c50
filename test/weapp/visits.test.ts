/**
 * The channel funnel in the BUILT mini program (issue 9 item 4): WeChat launches the app for a
 * scanned code (scene 1047, the code's scene in the query) on the home page; the visit's entry
 * goes out as ONE `visits.record` batch when the app is hidden — with the code's source, once,
 * though launch, show and the home page all see the same code — and a new code scanned while
 * the app runs is a new visit. Build first: `npm run build:weapp`.
 */
import { makeHome } from '../component/home-fixtures'
import { makeParkDetail } from '../component/park-fixtures'
import { weappSuite } from './harness'

const SCENE = encodeURIComponent('p=p012&s=abc123')
const h = weappSuite({ path: 'pages/index/index', query: { scene: SCENE }, scene: 1047, referrerInfo: {} })

const visitCalls = () => h.cloudCalls().filter((c) => c.data?.action === 'visits.record')

function serve() {
  h.respond({
    'home.get': () => ({ ok: true, data: makeHome() }),
    'parks.get': () => ({ ok: true, data: makeParkDetail() }),
    'visits.record': (p: { visits: unknown[] }) => ({ ok: true, data: { accepted: p.visits.length } }),
  })
}

describe('visits from a scanned code (weapp)', () => {
  it('a scan-entry launch sends one visits.record batch with the code’s source when the app hides', async () => {
    serve()
    const page = await h.loadPage('pages/index/index', { scene: SCENE })
    expect(page.text()).toContain('中国产业园区招商网')
    // The home page routes the code to its park; nothing about the visit is sent yet.
    expect(h.wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/packages/park/detail/index?id=p012' }),
    )
    expect(visitCalls()).toEqual([])

    await h.hideApp()
    expect(visitCalls()).toEqual([
      {
        name: 'api',
        data: {
          action: 'visits.record',
          payload: {
            visits: [{ kind: 'scan', source: 'abc123', page: '/pages/index/index', at: expect.any(String) }],
          },
        },
      },
    ])
    // Hidden again with nothing new: no second batch.
    await h.hideApp()
    expect(visitCalls()).toHaveLength(1)
  })

  it('back from the background by another code: a new visit, its own entry', async () => {
    serve()
    await h.showApp({
      path: 'pages/index/index',
      query: { scene: encodeURIComponent('s=zzz999') },
      scene: 1047,
    })
    await h.hideApp()
    expect(visitCalls()).toHaveLength(1)
    expect(visitCalls()[0].data.payload.visits).toEqual([
      expect.objectContaining({ kind: 'scan', source: 'zzz999' }),
    ])
  })
})
