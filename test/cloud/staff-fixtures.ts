import fs from 'node:fs'
import path from 'node:path'
import type { ApiResult } from '@/domain/result'
import type { StaffMember } from '@/domain/staff'
import { createKeywordContentCheck } from '../../cloudfunctions/api/src/adapters/keyword-content-check'
import { openSqliteStorage, type SqliteStorage } from '../../cloudfunctions/api/src/adapters/sqlite-storage'
import { createApi, type Api, type ApiDeps } from '../../cloudfunctions/api/src/router'
import { agency, tmpDir } from './fixtures'
import { clock, data, leadParks } from './inquiry-fixtures'

export const FIRST_OWNER_CODE = 'FIRST-OWNER-CODE-2026'

export interface StaffEnv {
  dir: string
  storage: SqliteStorage
  api: Api
  clock: ReturnType<typeof clock>
  call(action: string, payload: unknown, openid: string, clientAddress?: string): Promise<ApiResult<unknown>>
  /** Seats `openid` through the api: the first owner with the configured code, others by an invite of `by`. */
  seat(openid: string, role: 'owner' | 'agent', by?: string): Promise<StaffMember>
  close(): void
}

let phoneSeq = 0
export const nextMobile = () => `139${String(10_000_000 + ++phoneSeq).slice(-8)}`

/** A real router over a fresh SQLite file with the staff store, the audit log and a first-owner code. */
export function staffEnv(overrides: Partial<ApiDeps> = {}): StaffEnv {
  const dir = tmpDir('staff')
  const storage = openSqliteStorage(path.join(dir, 'staff.sqlite'))
  storage.seedFromMock({ articles: [], parks: leadParks, agency })
  const c = clock()
  const api = createApi({
    storage,
    leads: storage,
    staff: storage.staff,
    audit: storage.audit,
    contentCheck: createKeywordContentCheck(),
    staffInviteCode: FIRST_OWNER_CODE,
    now: c.now,
    ...overrides,
  })
  const call: StaffEnv['call'] = (action, payload, openid, clientAddress = '198.51.100.7') =>
    api({ action, payload }, { openid, source: 'local', clientAddress })
  return {
    dir,
    storage,
    api,
    clock: c,
    call,
    async seat(openid, role, by) {
      let code = FIRST_OWNER_CODE
      if (by) code = data<{ code: string }>(await call('staff.invite', { role }, by)).code
      return data<{ member: StaffMember }>(
        await call('staff.claim', { name: `员工${openid.slice(-3)}`, mobile: nextMobile(), code }, openid),
      ).member
    },
    close() {
      storage.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
