/**
 * @jest-environment node
 */
/**
 * The CloudBase staff store over the sdk double, through the cloud entry (identity from
 * getWXContext, STAFF_INVITE_CODE from the function's environment): the same rules as on SQLite.
 */
import type { StaffMember } from '@/domain/staff'
import type { StaffInvite, StaffMe } from '@/domain/staff-schemas'
import { createCloudbaseStaffStore } from '../../cloudfunctions/api/src/adapters/cloudbase-staff'
import type { CloudDatabase } from '../../cloudfunctions/api/src/adapters/cloudbase-storage'
import { inviteCodeHash } from '../../cloudfunctions/api/src/core/staff-codes'
import { createCloudMain, firstOwnerCode } from '../../cloudfunctions/api/src/index'
import { createLogger, silentLogger } from '../../cloudfunctions/api/src/logger'
import { data, errorOf } from './inquiry-fixtures'
import * as double from '../doubles/wx-server-sdk'

const CODE = 'CLOUD-FIRST-OWNER-2026'

beforeEach(() => {
  double.__reset()
  double.__setClientIp('192.0.2.10')
})

function entry() {
  const main = createCloudMain({ logger: silentLogger, env: { STAFF_INVITE_CODE: CODE } })
  return (action: string, payload: unknown, openid: string) => {
    double.__setOpenid(openid)
    return main({ action, payload }, {})
  }
}

describe('CloudBase staff store (through the cloud entry)', () => {
  it('first owner by STAFF_INVITE_CODE, once; invite, claim, list, deactivate; audit documents', async () => {
    const call = entry()
    const owner = data<{ member: StaffMember }>(
      await call(
        'staff.claim',
        { name: '张负责', mobile: '13524678515', code: CODE.toLowerCase() },
        'o-owner',
      ),
    ).member
    expect(owner).toMatchObject({ openid: 'o-owner', role: 'owner', active: true })
    expect(
      errorOf(await call('staff.claim', { name: '冒名', mobile: '13524678516', code: CODE }, 'o-x')).code,
    ).toBe('VALIDATION')

    const invite = data<StaffInvite>(await call('staff.invite', { role: 'agent' }, 'o-owner'))
    // Only the hash is stored.
    expect(JSON.stringify(double.__all('staff_invites'))).not.toContain(invite.code)
    const agent = data<{ member: StaffMember }>(
      await call('staff.claim', { name: '李顾问', mobile: '13800001111', code: invite.code }, 'o-agent'),
    ).member
    expect(agent.role).toBe('agent')
    expect(
      errorOf(await call('staff.claim', { name: '再用', mobile: '13800001112', code: invite.code }, 'o-y'))
        .code,
    ).toBe('VALIDATION')
    expect(data<StaffMe>(await call('staff.me', {}, 'o-agent')).member).toEqual(agent)
    expect(
      data<{ items: StaffMember[] }>(await call('staff.list', {}, 'o-owner')).items.map((m) => m.name),
    ).toEqual(['张负责', '李顾问'])
    expect(errorOf(await call('staff.list', {}, 'o-agent')).code).toBe('FORBIDDEN')
    await call('staff.deactivate', { id: agent.id }, 'o-owner')
    expect(data<StaffMe>(await call('staff.me', {}, 'o-agent')).member).toBeNull()
    expect(errorOf(await call('staff.deactivate', { id: owner.id }, 'o-owner')).message).toBe(
      '不能停用自己的账号',
    )

    const audit = double.__all('audit_log') as Array<Record<string, unknown>>
    expect(audit.map((a) => a.action)).toEqual([
      'staff.claim',
      'staff.invite',
      'staff.claim',
      'staff.deactivate',
    ])
    expect(JSON.stringify(audit)).not.toContain('13800001111')
  })

  it('racing claims with one invite seat exactly one person', async () => {
    const call = entry()
    await call('staff.claim', { name: '张负责', mobile: '13524678515', code: CODE }, 'o-owner')
    const { code } = data<StaffInvite>(await call('staff.invite', { role: 'agent' }, 'o-owner'))
    const store = createCloudbaseStaffStore(double.database() as unknown as CloudDatabase)
    const now = new Date().toISOString()
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        store.claimWithInvite(
          inviteCodeHash(code),
          {
            id: `s_${String(i).padStart(16, '0')}`,
            openid: `o-r${i}`,
            name: `r${i}`,
            mobile: '13800000000',
            createdAt: now,
          },
          now,
        ),
      ),
    )
    expect(results.filter((r) => r.kind === 'claimed')).toHaveLength(1)
  })

  it('failed claims are limited per visitor from getWXContext', async () => {
    const call = entry()
    for (let i = 0; i < 5; i++)
      expect(
        errorOf(await call('staff.claim', { name: '甲', mobile: '13524678515', code: `BAD${i}` }, 'o-g'))
          .code,
      ).toBe('VALIDATION')
    expect(
      errorOf(await call('staff.claim', { name: '甲', mobile: '13524678515', code: CODE }, 'o-g')).code,
    ).toBe('RATE_LIMITED')
  })

  it('a short STAFF_INVITE_CODE is ignored with an error in the log', () => {
    const lines: string[] = []
    const logger = createLogger({ write: (l) => lines.push(l) })
    expect(firstOwnerCode({ STAFF_INVITE_CODE: 'short' }, logger)).toBeUndefined()
    expect(lines.join()).toContain('STAFF_INVITE_CODE ignored')
    expect(firstOwnerCode({ STAFF_INVITE_CODE: ' abcd-efgh-jkmn ' }, logger)).toBe('ABCDEFGHJKMN')
    expect(firstOwnerCode({}, logger)).toBeUndefined()
  })
})
