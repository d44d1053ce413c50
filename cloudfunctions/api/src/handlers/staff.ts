import type * as v from 'valibot'
import { maskPhone } from '@/domain/phone'
import type { StaffMember } from '@/domain/staff'
import {
  INVITE_TTL_HOURS,
  type ClaimStaffSchema,
  type InviteStaffSchema,
  type StaffIdSchema,
  type StaffInvite,
  type StaffMe,
} from '@/domain/staff-schemas'
import type { ActionContext } from '../context'
import type { ClientKeyer } from '../core/client-key'
import { generateInviteCode, inviteCodeHash, newStaffId, sameInviteCode } from '../core/staff-codes'
import { ActionError, MESSAGES } from '../errors'
import type { AuditEntry, AuditLog } from '../ports/audit-log'
import type { ClaimOutcome, StaffStore } from '../ports/staff-store'

type ClaimInput = v.InferOutput<typeof ClaimStaffSchema>
type InviteInput = v.InferOutput<typeof InviteStaffSchema>
type IdInput = v.InferOutput<typeof StaffIdSchema>

/**
 * Failed claims allowed per hour: per visitor, and per client address (an office shares one).
 * A code has ~50 bits, so these make guessing hopeless; they mostly stop a script from trying.
 */
export const CLAIM_LIMITS = { visitor: 5, address: 20 } as const
const HOUR_MS = 60 * 60 * 1000

export const STAFF_MESSAGES = {
  badCode: '邀请码无效、已使用或已过期，请向负责人索取新的邀请码',
  tooManyClaims: '尝试次数过多，请一小时后再试',
  notFound: '该员工不存在',
  notSelf: '不能停用自己的账号',
  lastOwner: '至少需要保留一位在职的负责人',
} as const

export interface StaffDeps {
  staff?: StaffStore
  audit?: AuditLog
  clientKeyOf: ClientKeyer
  /** STAFF_INVITE_CODE: the first owner's code (cloud: the function's environment). */
  firstOwnerCode?: string
}

/** A member as the audit log shows it: the mobile masked, the openid left out. */
function audited(m: StaffMember): Record<string, unknown> {
  return { name: m.name, mobile: maskPhone(m.mobile), role: m.role, active: m.active }
}

/** Only the fields that differ, both sides (AuditEntry: before → after). */
function changes(before: Record<string, unknown>, after: Record<string, unknown>) {
  const b: Record<string, unknown> = {}
  const a: Record<string, unknown> = {}
  for (const key of Object.keys(after)) {
    if (before[key] !== after[key]) {
      b[key] = before[key]
      a[key] = after[key]
    }
  }
  return { before: b, after: a }
}

export function createStaffHandlers(deps: StaffDeps) {
  function store(): StaffStore {
    // A deployment fault, not the caller's: the router answers INTERNAL.
    if (!deps.staff) throw new Error('no staff store configured (ApiDeps.staff)')
    return deps.staff
  }
  async function audit(entry: AuditEntry): Promise<void> {
    if (!deps.audit) throw new Error('no audit log configured (ApiDeps.audit)')
    await deps.audit.record(entry)
  }
  const firstOwnerCode = deps.firstOwnerCode?.trim() || undefined

  return {
    async me(_payload: Record<string, never>, ctx: ActionContext): Promise<StaffMe> {
      if (!ctx.openid || !deps.staff) return { member: null, unreadLeads: 0 }
      const member = await deps.staff.findStaffByOpenid(ctx.openid)
      // A deactivated member is told nothing more than a visitor.
      if (!member?.active) return { member: null, unreadLeads: 0 }
      return { member, unreadLeads: await deps.staff.countNewLeads() }
    },

    async claim(input: ClaimInput, ctx: ActionContext): Promise<{ member: StaffMember }> {
      if (!ctx.openid) throw new ActionError('BAD_REQUEST', MESSAGES.noIdentity)
      const staff = store()
      const existing = await staff.findStaffByOpenid(ctx.openid)
      // Already seated: the code stays unused for whoever it was meant for.
      if (existing?.active) return { member: existing }

      const nowDate = ctx.now()
      const now = nowDate.toISOString()
      const clientKey = deps.clientKeyOf(ctx.clientAddress)
      const since = new Date(nowDate.getTime() - HOUR_MS).toISOString()
      const failed = await staff.failedClaims({ openid: ctx.openid, clientKey }, since)
      if (failed.visitor >= CLAIM_LIMITS.visitor || (clientKey && failed.address >= CLAIM_LIMITS.address)) {
        ctx.logger.warn('staff claim rate-limited', { source: ctx.source })
        throw new ActionError('RATE_LIMITED', STAFF_MESSAGES.tooManyClaims)
      }

      const person = {
        id: existing?.id ?? newStaffId(),
        openid: ctx.openid,
        name: input.name,
        mobile: input.mobile,
        createdAt: now,
      }
      const hash = inviteCodeHash(input.code)
      const firstOwner = firstOwnerCode !== undefined && sameInviteCode(input.code, firstOwnerCode)
      const outcome: ClaimOutcome = firstOwner
        ? await staff.claimFirstOwner(hash, person, now)
        : await staff.claimWithInvite(hash, person, now)
      if (outcome.kind === 'invalid') {
        await staff.recordFailedClaim({ openid: ctx.openid, clientKey, at: now })
        ctx.logger.info('staff claim refused', { source: ctx.source })
        throw new ActionError('VALIDATION', MESSAGES.validation, { code: STAFF_MESSAGES.badCode })
      }
      const { member, before } = outcome
      const diff = before ? changes(audited(before), audited(member)) : undefined
      await audit({
        actorId: member.id,
        action: 'staff.claim',
        targetType: 'staff',
        targetId: member.id,
        ...(diff ? diff : { after: audited(member) }),
        at: now,
      })
      ctx.logger.info('staff seat claimed', {
        staffId: member.id,
        role: member.role,
        via: firstOwner ? 'first-owner' : 'invite',
      })
      return { member }
    },

    async invite(input: InviteInput, ctx: ActionContext): Promise<StaffInvite> {
      const owner = ctx.staff!
      const nowDate = ctx.now()
      const code = generateInviteCode()
      const codeHash = inviteCodeHash(code)
      const expiresAt = new Date(nowDate.getTime() + INVITE_TTL_HOURS * HOUR_MS).toISOString()
      await store().createInvite({
        codeHash,
        role: input.role,
        createdBy: owner.id,
        createdAt: nowDate.toISOString(),
        expiresAt,
      })
      await audit({
        actorId: owner.id,
        action: 'staff.invite',
        targetType: 'invite',
        // A prefix of the hash names the invite in the log without being a usable code.
        targetId: codeHash.slice(0, 16),
        after: { role: input.role, expiresAt },
        at: nowDate.toISOString(),
      })
      return { code, role: input.role, expiresAt }
    },

    async list(_payload: Record<string, never>): Promise<{ items: StaffMember[] }> {
      return { items: await store().listStaff() }
    },

    async deactivate(input: IdInput, ctx: ActionContext): Promise<{ member: StaffMember }> {
      const owner = ctx.staff!
      if (input.id === owner.id) throw new ActionError('BAD_REQUEST', STAFF_MESSAGES.notSelf)
      const outcome = await store().deactivateStaff(input.id)
      if (outcome.kind === 'not-found') throw new ActionError('NOT_FOUND', STAFF_MESSAGES.notFound)
      if (outcome.kind === 'last-owner') throw new ActionError('BAD_REQUEST', STAFF_MESSAGES.lastOwner)
      if (outcome.before.active) {
        await audit({
          actorId: owner.id,
          action: 'staff.deactivate',
          targetType: 'staff',
          targetId: input.id,
          ...changes(audited(outcome.before), audited(outcome.after)),
          at: ctx.now().toISOString(),
        })
      }
      return { member: outcome.after }
    },
  }
}
