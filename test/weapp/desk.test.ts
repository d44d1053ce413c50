/**
 * The staff desk pages as WeChat runs them (BUILT dist/ in miniprogram-simulate, `wx` stubbed):
 * the inbox renders its rows from leads.list and a tap navigates to the lead; the lead's call
 * button reaches wx.makePhoneCall with the full number. Build first: `npm run build:weapp`.
 */
import { weappSuite } from './harness'

const h = weappSuite()

const INBOX = 'packages/staff/inbox/index'
const LEAD = 'packages/staff/lead/index'

const row = (i: number, over: Record<string, unknown> = {}) => ({
  id: `lead${i}`,
  contactName: `客户${i}`,
  company: `公司${i}`,
  phone: `1352467851${i}`,
  needType: 'rent-factory',
  parkId: 'p012',
  parkName: '松江G60智造园',
  stage: 'new',
  status: 'new',
  unread: i === 1,
  createdAt: '2026-05-01T02:00:00.000Z',
  ...over,
})

describe('lead desk (packages/staff)', () => {
  it('the inbox renders rows with counts; a tap on a row navigates to the lead', async () => {
    h.respond({
      'leads.list': () => ({
        ok: true,
        data: {
          items: [row(1), row(2, { stage: 'contacted' })],
          nextCursor: null,
          counts: { new: 1, contacted: 1, visiting: 0, signed: 0, invalid: 0 },
          due: [],
          today: '2026-05-01',
          staff: [{ id: 's-agent', name: '李顾问' }],
        },
      }),
      'leads.stats': () => ({
        ok: true,
        data: { weeks: [{ week: '2026-04-27', leads: 2, contacted: 1, medianMinutes: 25 }], agents: [] },
      }),
    })
    const page = await h.loadPage(INBOX)
    const text = page.text()
    expect(text).toContain('客户1')
    expect(text).toContain('客户2')
    expect(text).toContain('新线索 1')
    expect(text).toContain('本周中位 25 分钟')
    expect(page.queryAll('.lead-row')).toHaveLength(2)
    expect(page.queryAll('.lead-row__dot')).toHaveLength(1)

    await page.tap('.lead-row', 1)
    expect(h.wx.navigateTo).toHaveBeenCalledTimes(1)
    expect(h.wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({
        url: expect.stringMatching(/^\/packages\/staff\/lead\/index\?id=lead2(&|$)/),
      }),
    )
    expect(h.stats().maxBytes).toBeLessThan(256 * 1024)
  })

  it('the lead page shows the full phone and 拨打电话 reaches wx.makePhoneCall', async () => {
    h.respond({
      'leads.get': () => ({
        ok: true,
        data: {
          lead: {
            ...row(1),
            openid: 'o-v1',
            industry: '精密机械',
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
      // The page's 推荐园区 card (test/weapp/park-matches.test.ts covers it).
      'parks.match': () => ({ ok: true, data: { items: [] } }),
    })
    const page = await h.loadPage(LEAD, { id: 'lead1' })
    expect(page.text()).toContain('135 2467 8511')
    await page.tap('.lead-view__contact .lead-view__btn--primary')
    expect(h.wx.makePhoneCall).toHaveBeenCalledTimes(1)
    expect(h.wx.makePhoneCall).toHaveBeenCalledWith(expect.objectContaining({ phoneNumber: '13524678511' }))
  })
})
