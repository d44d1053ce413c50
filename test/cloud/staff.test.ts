/**
 * Staff identity and rights (issue 8 items 1 and 3) through the real router over SQLite: the first
 * owner claims with the configured code, owners invite (one-time, 24 h) and deactivate, every
 * write lands in the audit log, failed claims are limited per visitor and per address.
 */
import type { StaffInvite, StaffMe } from '@/domain/staff-schemas'
import type { StaffMember } from '@/domain/staff'
import { data, errorOf, HOUR, inquiry } from './inquiry-fixtures'
import { FIRST_OWNER_CODE, nextMobile, staffEnv, type StaffEnv } from './staff-fixtures'

let env: StaffEnv
beforeEach(() => {
  env = staffEnv()
})
afterEach(() => env.close())

const claim = (openid: string, code: string, extra: Record<string, unknown> = {}, address?: string) =>
  env.call('staff.claim', { name: '王小明', mobile: '135 2467 8515', code, ...extra }, openid, address)

describe('staff.claim', () => {
  it('the first owner claims with STAFF_INVITE_CODE (forgiving case and dashes); the code then seats nobody else', async () => {
    const member = data<{ member: StaffMember }>(await claim('o-owner', 'first-owner-code 2026')).member
    expect(member).toEqual({
      id: expect.stringMatching(/^s_[0-9a-f]{16}$/),
      openid: 'o-owner',
      name: '王小明',
      mobile: '13524678515',
      role: 'owner',
      active: true,
      createdAt: env.clock.now().toISOString(),
    })
    const again = errorOf(await claim('o-second', FIRST_OWNER_CODE))
    expect(again.code).toBe('VALIDATION')
    expect(again.fields).toEqual({ code: '邀请码无效、已使用或已过期，请向负责人索取新的邀请码' })
  })

  it('a wrong code is refused with a field message and nothing is stored', async () => {
    const res = errorOf(await claim('o-guess', 'ABCDEFGH23'))
    expect(res.fields?.code).toMatch(/邀请码无效/)
    expect(await env.storage.staff.listStaff()).toEqual([])
  })

  it('validates name and mobile in Chinese', async () => {
    const res = errorOf(await claim('o-x', FIRST_OWNER_CODE, { name: ' \u200b ', mobile: '12345' }))
    expect(res.code).toBe('VALIDATION')
    expect(res.fields).toEqual({ name: '请填写姓名', mobile: '请填写正确的 11 位手机号' })
  })

  it('an invite seats its role once, within 24 hours; a second use or a late one is refused', async () => {
    await env.seat('o-owner', 'owner')
    const invite = data<StaffInvite>(await env.call('staff.invite', { role: 'agent' }, 'o-owner'))
    expect(invite.code).toMatch(/^[A-HJ-NP-Z2-9]{10}$/)
    expect(invite.expiresAt).toBe(new Date(env.clock.now().getTime() + 24 * HOUR).toISOString())
    const agent = data<{ member: StaffMember }>(await claim('o-agent', invite.code.toLowerCase())).member
    expect(agent.role).toBe('agent')
    expect(errorOf(await claim('o-other', invite.code)).code).toBe('VALIDATION')

    const late = data<StaffInvite>(await env.call('staff.invite', { role: 'owner' }, 'o-owner'))
    env.clock.advance(24 * HOUR + 1000)
    expect(errorOf(await claim('o-late', late.code)).code).toBe('VALIDATION')
  })

  it('of many racing claims with one code exactly one is seated', async () => {
    await env.seat('o-owner', 'owner')
    const { code } = data<StaffInvite>(await env.call('staff.invite', { role: 'agent' }, 'o-owner'))
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => claim(`o-race-${i}`, code, {}, `203.0.113.${i + 1}`)),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect((await env.storage.staff.listStaff()).filter((m) => m.role === 'agent')).toHaveLength(1)
  })

  it('an active member claiming again keeps their seat and leaves the code unused', async () => {
    const owner = await env.seat('o-owner', 'owner')
    const { code } = data<StaffInvite>(await env.call('staff.invite', { role: 'agent' }, 'o-owner'))
    expect(data<{ member: StaffMember }>(await claim('o-owner', code)).member).toEqual(owner)
    expect(data<{ member: StaffMember }>(await claim('o-new', code)).member.role).toBe('agent')
  })

  it('failed claims are limited: 5 an hour per visitor, 20 per address, then RATE_LIMITED even with a good code', async () => {
    for (let i = 0; i < 5; i++) expect(errorOf(await claim('o-bad', `WRONG${i}`)).code).toBe('VALIDATION')
    const limited = errorOf(await claim('o-bad', FIRST_OWNER_CODE))
    expect(limited).toEqual({ code: 'RATE_LIMITED', message: '尝试次数过多，请一小时后再试' })
    // A fresh visitor id behind the same address: counted by the address (20 an hour).
    for (let i = 0; i < 15; i++) await claim(`o-rot-${i}`, 'WRONG', {}, '198.51.100.7')
    expect(errorOf(await claim('o-fresh', FIRST_OWNER_CODE, {}, '198.51.100.7')).code).toBe('RATE_LIMITED')
    // Another address and visitor is not affected; after the hour the first visitor may try again.
    expect((await claim('o-elsewhere', FIRST_OWNER_CODE, {}, '192.0.2.9')).ok).toBe(true)
    env.clock.advance(HOUR + 1000)
    expect(errorOf(await claim('o-bad', 'WRONG')).code).toBe('VALIDATION')
  })
})

describe('staff.me', () => {
  it('null for a visitor and a deactivated member; the member and the count of new leads for staff', async () => {
    expect(data<StaffMe>(await env.call('staff.me', {}, 'o-visitor'))).toEqual({
      member: null,
      unreadLeads: 0,
    })
    const owner = await env.seat('o-owner', 'owner')
    await env.seat('o-agent', 'agent', 'o-owner')
    await env.call('inquiries.submit', inquiry(), 'o-lead-1')
    await env.call('inquiries.submit', inquiry(), 'o-lead-2')
    await env.call('inquiries.submit', inquiry({ remark: 'review-demo' }), 'o-lead-3')
    expect(data<StaffMe>(await env.call('staff.me', {}, 'o-owner'))).toEqual({
      member: owner,
      unreadLeads: 2,
    })
    const agentId = (await env.storage.staff.findStaffByOpenid('o-agent'))!.id
    await env.call('staff.deactivate', { id: agentId }, 'o-owner')
    expect(data<StaffMe>(await env.call('staff.me', {}, 'o-agent'))).toEqual({ member: null, unreadLeads: 0 })
  })
})

describe('staff.list and staff.deactivate', () => {
  it('lists active first; an owner deactivates an agent, never themselves; a deactivated agent can be re-invited', async () => {
    const owner = await env.seat('o-owner', 'owner')
    const agent = await env.seat('o-agent', 'agent', 'o-owner')
    const res = data<{ member: StaffMember }>(await env.call('staff.deactivate', { id: agent.id }, 'o-owner'))
    expect(res.member).toEqual({ ...agent, active: false })
    expect(data<{ items: StaffMember[] }>(await env.call('staff.list', {}, 'o-owner')).items).toEqual([
      owner,
      { ...agent, active: false },
    ])
    expect(errorOf(await env.call('staff.deactivate', { id: owner.id }, 'o-owner'))).toEqual({
      code: 'BAD_REQUEST',
      message: '不能停用自己的账号',
    })
    expect(errorOf(await env.call('staff.deactivate', { id: 's_0000000000000000' }, 'o-owner')).code).toBe(
      'NOT_FOUND',
    )
    const again = await env.seat('o-agent', 'agent', 'o-owner')
    expect(again).toEqual({ ...agent, name: again.name, mobile: again.mobile, active: true })
  })

  it('the last active owner cannot be deactivated by a second owner racing the other way', async () => {
    const a = await env.seat('o-a', 'owner')
    const b = await env.seat('o-b', 'owner', 'o-a')
    const [x, y] = await Promise.all([
      env.call('staff.deactivate', { id: b.id }, 'o-a'),
      env.call('staff.deactivate', { id: a.id }, 'o-b'),
    ])
    // The router checks each caller before the store runs, so at most one succeeds; one owner stays.
    expect([x, y].filter((r) => r.ok).length).toBeLessThanOrEqual(1)
    expect((await env.storage.staff.listStaff()).filter((m) => m.role === 'owner' && m.active).length).toBe(1)
    expect(await env.storage.staff.countActiveOwners()).toBe(1)
  })

  it('the store itself refuses to deactivate the only active owner', async () => {
    const a = await env.seat('o-a', 'owner')
    expect(await env.storage.staff.deactivateStaff(a.id)).toEqual({ kind: 'last-owner' })
  })
})

describe('audit log', () => {
  it('records every staff write: who, what, when, before → after, phones masked, no openid, no code', async () => {
    const owner = await env.seat('o-owner', 'owner')
    env.clock.advance(60_000)
    const invite = data<StaffInvite>(await env.call('staff.invite', { role: 'agent' }, 'o-owner'))
    const agent = data<{ member: StaffMember }>(
      await env.call('staff.claim', { name: '李四', mobile: '13800001111', code: invite.code }, 'o-agent'),
    ).member
    await env.call('staff.deactivate', { id: agent.id }, 'o-owner')
    const log = env.storage.audit.recent(10).reverse()
    expect(log).toEqual([
      {
        actorId: owner.id,
        action: 'staff.claim',
        targetType: 'staff',
        targetId: owner.id,
        after: {
          name: owner.name,
          mobile: expect.stringMatching(/^139\*{4}\d{4}$/),
          role: 'owner',
          active: true,
        },
        at: '2026-05-01T02:00:00.000Z',
      },
      {
        actorId: owner.id,
        action: 'staff.invite',
        targetType: 'invite',
        targetId: expect.stringMatching(/^[0-9a-f]{16}$/),
        after: { role: 'agent', expiresAt: invite.expiresAt },
        at: '2026-05-01T02:01:00.000Z',
      },
      {
        actorId: agent.id,
        action: 'staff.claim',
        targetType: 'staff',
        targetId: agent.id,
        after: { name: '李四', mobile: '138****1111', role: 'agent', active: true },
        at: '2026-05-01T02:01:00.000Z',
      },
      {
        actorId: owner.id,
        action: 'staff.deactivate',
        targetType: 'staff',
        targetId: agent.id,
        before: { active: true },
        after: { active: false },
        at: '2026-05-01T02:01:00.000Z',
      },
    ])
    const text = JSON.stringify(log)
    expect(text).not.toContain('13800001111')
    expect(text).not.toContain('o-agent')
    expect(text).not.toContain(invite.code)
  })

  it('a write without an audit log configured fails (INTERNAL) instead of going unrecorded', async () => {
    const bare = staffEnv({ audit: undefined })
    try {
      expect(
        errorOf(
          await bare.call('staff.claim', { name: '甲', mobile: nextMobile(), code: FIRST_OWNER_CODE }, 'o-1'),
        ).code,
      ).toBe('INTERNAL')
    } finally {
      bare.close()
    }
  })
})

describe('the local runtime’s printed first-owner link (issueFirstOwnerCode)', () => {
  it('one fresh owner code per start while there is no owner; only the latest works, and only once', async () => {
    const first = env.storage.staff.issueFirstOwnerCode(env.clock.now())!
    const second = env.storage.staff.issueFirstOwnerCode(env.clock.now())!
    expect(second).toMatch(/^[A-HJ-NP-Z2-9]{10}$/)
    expect(second).not.toBe(first)
    expect(errorOf(await claim('o-a', first)).code).toBe('VALIDATION')
    const owner = data<{ member: StaffMember }>(await claim('o-b', second)).member
    expect(owner.role).toBe('owner')
    expect(errorOf(await claim('o-c', second)).code).toBe('VALIDATION')
    expect(env.storage.staff.issueFirstOwnerCode(env.clock.now())).toBeNull()
  })
})
