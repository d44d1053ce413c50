/**
 * The lead desk in Chromium at 375 px (H5 build + the same router over SQLite), as a member of
 * staff: the inbox shows seeded leads with counts and the due block; a row opens the lead with
 * the full phone; 拨打电话 goes to tel:; a status change and a note are stored.
 *
 * The server runs in this process from build/bench-api.cjs with an in-test StaffStore, so the
 * test can seed an overdue follow-up and an assignee directly; everything else is the real router,
 * SQLite adapter and H5 build. The claim flow on `npm start` itself: desk-claimed.test.ts.
 */
import type { AuditEntry } from '../../cloudfunctions/api/src/ports/audit-log'
import type { StaffMember } from '@/domain/staff'
import { startBenchDesk, joinStaff, type BenchDesk, type BenchStorage } from './staff-session'
import { openPhone, settled, shot, until, type PhoneBrowser } from './browser'

let desk: BenchDesk
let storage: BenchStorage
let phone: PhoneBrowser
const audit: AuditEntry[] = []

const MEMBER: Omit<StaffMember, 'openid'> = {
  id: 's-desk',
  name: '李顾问',
  mobile: '13900002222',
  role: 'agent',
  active: true,
  createdAt: '2026-01-01T00:00:00.000Z',
}

beforeAll(async () => {
  desk = await startBenchDesk('desk', MEMBER, () => ({ audit: { record: async (e) => void audit.push(e) } }))
  storage = desk.storage
  const { api } = desk

  // Leads from six visitors, as the form sends them.
  const people = [
    ['陈先生', '上海恒锐精密机械有限公司', '13524678515', 'p003', 'expo26'],
    ['林女士', '苏州新材科技', '13611112222', 'p008', undefined],
    ['周总', '', '13733334444', undefined, 'wxshare'],
    ['吴经理', '嘉定汽车零部件厂', '13855556666', 'p003', undefined],
    ['郑先生', '浦东生物医药研发中心', '13977778888', undefined, 'expo26'],
    ['王女士', '宣城包装材料', '15099990000', 'p008', undefined],
  ] as const
  for (const [i, [contactName, company, phoneNo, parkId, source]] of people.entries()) {
    const res = await api(
      {
        action: 'inquiries.submit',
        payload: {
          needType: i % 2 ? 'office' : 'rent-factory',
          areaMin: 800 + i * 200,
          areaMax: 2000 + i * 500,
          industry: '精密制造',
          company,
          contactName,
          phone: phoneNo,
          remark: i === 0 ? '需要行车，层高 8 米以上，年底前入驻' : '',
          consent: true,
          idempotencyKey: `desk-e2e-key-${String(i).padStart(4, '0')}`,
          context: { ...(parkId ? { parkId } : {}), ...(source ? { source } : {}) },
        },
      },
      { openid: `o-visitor-${i}`, source: 'local' },
    )
    expect(res.ok).toBe(true)
  }
  phone = await openPhone()
}, 60_000)

afterAll(async () => {
  await phone?.close()
  await desk?.close()
})

it('inbox → lead: rows with counts, full phone, tel:, a status change and a note', async () => {
  const { page } = phone
  // This browser's visitor id becomes a member of staff (the claim flow's job once merged).
  await joinStaff(phone, desk, '/packages/staff/inbox/index')
  // A follow-up due today for the oldest lead, set through the api as staff would.
  const first = (await storage.desk.listLeads({ limit: 10 })).find((l) => l.contactName === '陈先生')!
  await storage.desk.updateLead(
    first.id,
    1,
    { nextFollowUp: '2026-01-05', assigneeId: 's-desk' },
    first.createdAt,
  )

  await page.reload()
  await page.getByText('陈先生').first().waitFor()
  await settled(page)
  const text = await page.locator('body').innerText()
  expect(text).toContain('全部 6')
  expect(text).toContain('新线索 6')
  expect(text).toContain('今日待跟进 / 已逾期 1')
  expect(text).toContain('135 2467 8515')
  expect(await page.locator('.lead-row--unread').count()).toBe(7) // 6 rows + the due one
  await shot(page, 'desk-inbox')

  await page.locator('.inbox__list .lead-row', { hasText: '陈先生' }).click()
  await page.getByText('跟进状态').waitFor()
  await settled(page)
  expect(await page.locator('.lead-view__phone').innerText()).toBe('135 2467 8515')
  await shot(page, 'desk-lead')

  await page.locator('.lead-view__contact .lead-view__btn--primary').click()
  expect(await until(phone.externalNavigations, (n) => n.length > 0)).toEqual(['tel:13524678515'])

  await page.getByText('改为已联系').click()
  await page.getByText('改为已约看').waitFor()
  await page.locator('textarea').fill('已电话沟通，周五看厂')
  await page.getByText('添加记录').click()
  await page.getByText('已电话沟通，周五看厂').waitFor()
  const stored = await storage.desk.getLead(first.id)
  expect(stored).toMatchObject({ stage: 'contacted', status: 'contacted', firstContactedBy: 's-desk' })
  expect((await storage.desk.listNotes(first.id)).map((n) => n.body)).toEqual(['已电话沟通，周五看厂'])
  expect(audit.map((e) => e.action)).toEqual(['leads.update', 'leads.addNote'])
  // The toast (已改为已联系 …) fades after 1.5 s; the page scrolls inside Taro's page element.
  await page.waitForTimeout(1800)
  await settled(page)
  await page.locator('.lead-view__head').scrollIntoViewIfNeeded()
  await shot(page, 'desk-lead-contacted')
  await page.locator('.lead-view__note').first().scrollIntoViewIfNeeded()
  await shot(page, 'desk-lead-notes')
  expect(phone.pageErrors).toEqual([])
}, 60_000)
