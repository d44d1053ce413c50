import fs from 'node:fs'
import path from 'node:path'
import type { ApiResult } from '@/domain/result'
import type { StaffMember } from '@/domain/staff'
import { createCloudbaseCharts } from '../../cloudfunctions/api/src/adapters/cloudbase-charts'
import { createCloudbaseLeadDesk } from '../../cloudfunctions/api/src/adapters/cloudbase-desk'
import { createCloudbaseLeadStore } from '../../cloudfunctions/api/src/adapters/cloudbase-leads'
import { createCloudbaseVisitStore } from '../../cloudfunctions/api/src/adapters/cloudbase-visits'
import {
  createCloudbaseStorage,
  toCloudPark,
  type CloudDatabase,
} from '../../cloudfunctions/api/src/adapters/cloudbase-storage'
import { createKeywordContentCheck } from '../../cloudfunctions/api/src/adapters/keyword-content-check'
import { openSqliteStorage } from '../../cloudfunctions/api/src/adapters/sqlite-storage'
import type { AuditEntry, AuditLog } from '../../cloudfunctions/api/src/ports/audit-log'
import type { StaffStore } from '../../cloudfunctions/api/src/ports/staff-store'
import { createApi, type Api, type ApiDeps } from '../../cloudfunctions/api/src/router'
import * as double from '../doubles/wx-server-sdk'
import { agency, tmpDir } from './fixtures'
import { clock, inquiry, leadParks } from './inquiry-fixtures'

export const member = (id: string, patch: Partial<StaffMember> = {}): StaffMember => ({
  id,
  openid: `o-${id}`,
  name: id === 's-owner' ? '张经理' : id === 's-agent' ? '李顾问' : '王顾问',
  mobile: '13900001111',
  role: id === 's-owner' ? 'owner' : 'agent',
  active: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  ...patch,
})

export const STAFF = [
  member('s-owner'),
  member('s-agent'),
  member('s-agent2'),
  member('s-gone', { active: false }),
]

/** A StaffStore and an AuditLog that live in the test (the staff helper's real ones arrive later). */
export function inTestStaff(members: StaffMember[] = STAFF): StaffStore {
  const lookups: Pick<StaffStore, 'findStaffByOpenid' | 'listStaff'> = {
    findStaffByOpenid: async (openid) => members.find((m) => m.openid === openid) ?? null,
    listStaff: async () => members,
  }
  // The desk reads staff only through these two; claiming and inviting are the staff tests' own.
  return lookups as StaffStore
}
export function inTestAudit(): AuditLog & { entries: AuditEntry[] } {
  const entries: AuditEntry[] = []
  return {
    entries,
    async record(e) {
      entries.push(structuredClone(e))
    },
  }
}

export type Backend = 'sqlite' | 'cloudbase'

export interface DeskEnv {
  api: Api
  audit: ReturnType<typeof inTestAudit>
  clock: ReturnType<typeof clock>
  /** A staff action as a member of staff (default the agent). */
  staff(action: string, payload: unknown, who?: string): Promise<ApiResult<unknown>>
  /** A visitor's action (submitting, contact taps). */
  visitor(action: string, payload: unknown, openid: string): Promise<ApiResult<unknown>>
  /** Submits a lead as `openid` and answers its id. */
  submit(openid: string, patch?: Parameters<typeof inquiry>[0]): Promise<string>
  close(): void
}

/** The real router over a fresh SQLite file or over the CloudBase double, with in-test staff and audit. */
export function deskEnv(backend: Backend, overrides: Partial<ApiDeps> = {}): DeskEnv {
  const audit = inTestAudit()
  const c = clock()
  let deps: ApiDeps
  let close = () => {}
  if (backend === 'sqlite') {
    const dir = tmpDir('desk')
    const storage = openSqliteStorage(path.join(dir, 'desk.sqlite'))
    storage.seedFromMock({ articles: [], parks: leadParks, agency })
    deps = { storage, leads: storage, desk: storage.desk, charts: storage.charts, visits: storage.visits }
    close = () => {
      storage.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  } else {
    double.__reset()
    double.__seed('parks', leadParks.map(toCloudPark))
    const db = double.database() as unknown as CloudDatabase
    deps = {
      storage: createCloudbaseStorage(db),
      leads: createCloudbaseLeadStore(db),
      desk: createCloudbaseLeadDesk(db),
      charts: createCloudbaseCharts(db),
      visits: createCloudbaseVisitStore(db),
    }
  }
  const api = createApi({
    ...deps,
    staff: inTestStaff(),
    audit,
    // As server/main.ts wires it: 'review-demo' holds a lead for review.
    contentCheck: createKeywordContentCheck(),
    now: c.now,
    ...overrides,
  })
  const env: DeskEnv = {
    api,
    audit,
    clock: c,
    staff: (action, payload, who = 's-agent') =>
      api({ action, payload }, { openid: `o-${who}`, source: 'local' }),
    visitor: (action, payload, openid) => api({ action, payload }, { openid, source: 'local' }),
    async submit(openid, patch = {}) {
      const res = await env.visitor('inquiries.submit', inquiry(patch), openid)
      if (!res.ok) throw new Error(JSON.stringify(res.error))
      return (res.data as { inquiryId: string }).inquiryId
    },
    close,
  }
  return env
}
