/**
 * Staff sessions for the e2e files: claiming the desk of a fresh `npm start` as its owner, and
 * the desk served in this process (build/bench-api.cjs) with an in-test StaffStore, for the
 * files that seed leads or the clock directly.
 */
import fs from 'node:fs'
import type http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import type { StaffStore } from '../../cloudfunctions/api/src/ports/staff-store'
import type { ApiDeps } from '../../cloudfunctions/api/src/router'
import type { StaffMember } from '@/domain/staff'
import { ROOT, settled, until, type LocalServer, type PhoneBrowser } from './browser'

/** The one-time 员工认领 link `npm start` prints while the desk has no owner. */
export const CLAIM_LINK_RE = /(http:\/\/127\.0\.0\.1:\d+\/#\/packages\/staff\/claim\/index\?code=([A-Z0-9]+))/

/** Opens the server's claim link on `page` and claims the desk as its owner, 张负责. */
export async function claimDeskAsOwner(page: Page, server: LocalServer): Promise<void> {
  const url = CLAIM_LINK_RE.exec(
    await until(
      async () => server.output(),
      (o) => CLAIM_LINK_RE.test(o),
    ),
  )![1]
  await page.goto(url)
  await settled(page)
  await page.locator('.desk input[placeholder="请输入您的姓名"]').fill('张负责')
  await page.locator('.desk input[placeholder="请输入 11 位手机号"]').fill('13900001111')
  await page.locator('.desk .desk__button').filter({ hasText: '认领' }).click()
  await page.locator('.desk__title').filter({ hasText: '张负责' }).waitFor()
}

type Bench = typeof import('../../server/bench')
export type BenchStorage = ReturnType<Bench['openSqliteStorage']>

export interface BenchDesk {
  /** The SQLite file, in a temp dir of its own. */
  file: string
  storage: BenchStorage
  api: ReturnType<Bench['createApi']>
  url: string
  /** The openids the in-test StaffStore answers as the member (joinStaff adds a browser's). */
  staffOpenids: Set<string>
  close(): Promise<void>
}

/**
 * The desk in this process: SQLite seeded from mock/, the real router, SQLite adapter and H5
 * build, and a StaffStore with only the two lookups the desk uses (the cast stands in for the
 * claim flow), answering `member` for each openid in staffOpenids. `deps` adds to the api's
 * dependencies (charts, visits, audit, clock …).
 */
export async function startBenchDesk(
  name: string,
  member: Omit<StaffMember, 'openid'>,
  deps: (storage: BenchStorage) => Partial<ApiDeps> = () => ({}),
): Promise<BenchDesk> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bench: Bench = require(path.join(ROOT, 'build/bench-api.cjs'))
  const read = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, 'mock', file), 'utf8'))
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-e2e-`))
  const file = path.join(dir, `${name}.sqlite`)
  const storage = bench.openSqliteStorage(file)
  storage.seedFromMock({
    articles: read('articles.json'),
    parks: read('parks.json'),
    agency: read('agency.json'),
  })
  const staffOpenids = new Set<string>()
  const me = (openid: string): StaffMember => ({ ...member, openid })
  const api = bench.createApi({
    storage,
    leads: storage,
    desk: storage.desk,
    staff: {
      findStaffByOpenid: async (o: string) => (staffOpenids.has(o) ? me(o) : null),
      listStaff: async () => [...staffOpenids].map(me).slice(0, 1),
    } as Pick<StaffStore, 'findStaffByOpenid' | 'listStaff'> as StaffStore,
    audit: { record: async () => undefined },
    ...deps(storage),
  })
  const server: http.Server = bench.createServer({
    api,
    storage,
    leads: storage,
    staticDir: path.join(ROOT, 'dist-h5'),
    mediaDir: path.join(ROOT, 'mock/media'),
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    file,
    storage,
    api,
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    staffOpenids,
    close: async () => {
      await new Promise((resolve) => server.close(resolve))
      storage.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Opens `hash` on the phone, then makes its visitor (the `vid` cookie) a member of the desk's staff. */
export async function joinStaff(phone: PhoneBrowser, desk: BenchDesk, hash: string): Promise<void> {
  await phone.page.goto(`${desk.url}/#${hash}`)
  const vid = (await phone.context.cookies()).find((c) => c.name === 'vid')?.value
  expect(vid).toBeTruthy()
  desk.staffOpenids.add(`h5:${vid}`)
}
