/**
 * 这些园区可能适合您 as WeChat runs it: the BUILT success page (packages/inquiry/success) opened
 * with the need in its query, as the form's redirect leaves it (values still URI-encoded, as
 * WeChat hands them over), asks parks.match through wx.cloud.callFunction and renders the cards
 * with their reasons; a tap opens the park. The staff lead page's 推荐园区 card: reasons, and
 * 复制推荐 reaching wx.setClipboardData with the parks' mini-program paths. Build first:
 * `npm run build:weapp`.
 */
import { makeHome } from '../component/home-fixtures'
import { SONGJIANG_MATCHES } from '../component/park-fixtures'
import { weappSuite } from './harness'

const h = weappSuite()
jest.setTimeout(30_000)

const SUCCESS = 'packages/inquiry/success/index'
const QUERY = {
  status: 'new',
  need: 'rent-factory',
  district: 'songjiang',
  areaMin: '2000',
  industry: encodeURIComponent('新能源汽车零部件'),
}

const MATCHES = SONGJIANG_MATCHES

const matchCalls = () => h.cloudCalls().filter((c) => c.data?.action === 'parks.match')
const textOf = (node: any): string => (node?.dom?.textContent ?? '').replace(/\s+/g, ' ').trim()

beforeEach(() => {
  h.wx.clearStorageSync()
})

describe('success page recommendations (built weapp)', () => {
  it('renders 3 parks with their reasons under the message; a card opens its park', async () => {
    h.respond({
      'home.get': () => ({ ok: true, data: makeHome() }),
      'parks.match': () => ({ ok: true, data: { items: MATCHES } }),
    })
    const page = await h.loadPage(SUCCESS, QUERY)
    await h.flush()

    expect(matchCalls()).toHaveLength(1)
    expect(matchCalls()[0].data.payload).toEqual({
      needType: 'rent-factory',
      district: 'songjiang',
      areaMin: 2000,
      industry: '新能源汽车零部件',
    })
    const text = page.text()
    expect(text).toContain('提交成功')
    expect(text).toContain('这些园区可能适合您')
    expect(text.indexOf('提交成功')).toBeLessThan(text.indexOf('这些园区可能适合您'))
    const cards = page.queryAll('.park-matches__item')
    expect(cards).toHaveLength(3)
    expect(page.queryAll('.park-card__name').map(textOf)).toEqual([
      '新桥名企产业园',
      'G60科创走廊·松江智造园',
      '泗泾镇双层厂房',
    ])
    expect(page.queryAll('.park-matches__reason').map(textOf)).toEqual(
      MATCHES.flatMap((m) => m.reasons).map((r) => r.replace(/\s+/g, ' ')),
    )

    await page.tap('.park-card', 1)
    expect(h.wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/packages/park/detail/index?id=p001' }),
    )
    h.assertNoUnexpected()
  })

  it('hides the section when the match fails; the message stays', async () => {
    h.respond({
      'home.get': () => ({ ok: true, data: makeHome() }),
      'parks.match': () => ({ ok: false, error: { code: 'INTERNAL', message: '服务繁忙' } }),
    })
    const page = await h.loadPage(SUCCESS, QUERY)
    await h.flush()
    expect(matchCalls()).toHaveLength(1)
    expect(page.text()).toContain('提交成功')
    expect(page.text()).not.toContain('这些园区可能适合您')
    expect(page.queryAll('.park-matches')).toHaveLength(0)
  })
})

describe('推荐园区 on the staff lead page (built weapp)', () => {
  it('matches the lead’s need and 复制推荐 copies names, facts and mini-program paths', async () => {
    h.respond({
      'leads.get': () => ({
        ok: true,
        data: {
          lead: {
            id: 'lead1',
            contactName: '客户1',
            company: '公司1',
            phone: '13524678511',
            needType: 'rent-factory',
            district: 'songjiang',
            areaMin: 2000,
            industry: '新能源汽车零部件',
            stage: 'new',
            status: 'new',
            unread: false,
            createdAt: '2026-05-01T02:00:00.000Z',
            openid: 'o-v1',
            remark: '',
            version: 1,
            updatedAt: '2026-05-01T02:00:00.000Z',
          },
          notes: [],
          otherInquiries: [],
          contactTaps: [],
          repeats: [],
          staff: [{ id: 's-agent', name: '李顾问' }],
        },
      }),
      'parks.match': () => ({ ok: true, data: { items: MATCHES } }),
    })
    const page = await h.loadPage('packages/staff/lead/index', { id: 'lead1' })
    await h.flush()
    expect(matchCalls()[0].data.payload).toEqual({
      needType: 'rent-factory',
      district: 'songjiang',
      areaMin: 2000,
      industry: '新能源汽车零部件',
    })
    expect(page.text()).toContain('推荐园区')
    expect(page.queryAll('.lead-matches__name').map(textOf)).toEqual([
      '新桥名企产业园',
      'G60科创走廊·松江智造园',
      '泗泾镇双层厂房',
    ])
    expect(page.queryAll('.lead-matches__reason').map(textOf)).toContain('准入 新能源')

    await page.tap('.lead-matches__copy')
    await h.flush()
    expect(h.wx.setClipboardData).toHaveBeenCalledTimes(1)
    const text = String(h.wx.setClipboardData.mock.calls[0][0].data)
    expect(text).toContain('1. 新桥名企产业园')
    expect(text).toContain('查看：packages/park/detail/index?id=p005')
    expect(text).toContain('查看：packages/park/detail/index?id=p010')
    expect(text).not.toContain('13524678511')
    expect(h.wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '推荐已复制，可发给客户' }))
    h.assertNoUnexpected()
  })
})
