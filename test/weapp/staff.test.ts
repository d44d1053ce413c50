/**
 * The staff side as WeChat runs it (the BUILT dist/ in miniprogram-simulate): 员工认领 renders
 * with the code from its link and submits; 我的 hides 员工工作台 from a visitor and shows it, with
 * the new-lead badge, once the caller is staff. In that order: the claim clears the 我的 entry's
 * short cache, as it does in the app. Build first: `npm run build:weapp`.
 */
import type { StaffMember } from '@/domain/staff'
import { makeHome } from '../component/home-fixtures'
import { weappSuite } from './harness'

const h = weappSuite()
jest.setTimeout(30_000)

const CLAIM = 'packages/staff/claim/index'
const MINE = 'pages/mine/index'

const member: StaffMember = {
  id: 's_00000000000000b2',
  openid: 'o-agent',
  name: '李顾问',
  mobile: '13800001111',
  role: 'agent',
  active: true,
  createdAt: '2026-11-30T02:00:00.000Z',
}

let isStaff = false
beforeAll(() => h.wx.clearStorageSync())
beforeEach(() => {
  h.respond({
    'home.get': () => ({ ok: true, data: makeHome() }),
    'staff.me': () => ({
      ok: true,
      data: isStaff ? { member, unreadLeads: 7 } : { member: null, unreadLeads: 0 },
    }),
    'staff.claim': () => {
      isStaff = true
      return { ok: true, data: { member } }
    },
  })
})

const staffCalls = (action: string) => h.cloudCalls().filter((c) => c.data?.action === action)

describe('staff pages in the built mini program', () => {
  it('我的 has no 员工工作台 for a visitor', async () => {
    const page = await h.loadPage(MINE)
    await h.flush()
    expect(staffCalls('staff.me')).toHaveLength(1)
    expect(page.text()).toContain('我的咨询')
    expect(page.text()).not.toContain('员工工作台')
    expect(page.queryAll('.staff-entry')).toHaveLength(0)
    await page.unload()
  })

  it('员工认领 renders with the code from the link, submits name, mobile and code, then opens the desk', async () => {
    const page = await h.loadPage(CLAIM, { code: 'K7M2P9QR3T' })
    await h.flush()
    expect(page.text()).toContain('加入招商团队')
    expect(page.dataJson()).toContain('K7M2P9QR3T')
    const inputs = page.queryAll('.desk__input')
    expect(inputs).toHaveLength(3)
    await page.trigger('.desk__input', 'input', { value: '李顾问', cursor: 3, keyCode: 0 }, 0)
    await page.trigger('.desk__input', 'input', { value: '13800001111', cursor: 11, keyCode: 0 }, 1)
    await page.tap('.desk__button')
    await h.flush()
    expect(staffCalls('staff.claim').map((c) => c.data.payload)).toEqual([
      { name: '李顾问', mobile: '13800001111', code: 'K7M2P9QR3T' },
    ])
    expect(h.wx.redirectTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/packages/staff/desk/index' }),
    )
    await page.unload()
  })

  it('员工认领 shows a field error in Chinese and sends nothing when the mobile is wrong', async () => {
    const before = staffCalls('staff.claim').length
    const page = await h.loadPage(CLAIM, { code: 'K7M2P9QR3T' })
    await h.flush()
    await page.trigger('.desk__input', 'input', { value: '王五', cursor: 2, keyCode: 0 }, 0)
    await page.trigger('.desk__input', 'input', { value: '123', cursor: 3, keyCode: 0 }, 1)
    await page.tap('.desk__button')
    await h.flush()
    expect(page.text()).toContain('请填写正确的 11 位手机号')
    expect(staffCalls('staff.claim')).toHaveLength(before)
    await page.unload()
  })

  it('我的 shows 员工工作台 with the new-lead badge to staff, and it opens the desk', async () => {
    const page = await h.loadPage(MINE)
    await h.flush()
    expect(page.text()).toContain('员工工作台')
    expect(page.queryAll('.staff-entry__badge').map((n: any) => n.dom.textContent.trim())).toEqual(['7'])
    await page.tap('.staff-entry')
    await h.flush()
    expect(h.wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/packages/staff/desk/index' }),
    )
    h.assertNoUnexpected()
  })
})
