import type * as v from 'valibot'
import type { AlertsStatus, SubscribedSchema } from '@/domain/alerts'
import type { ActionContext } from '../context'
import type { AuditLog } from '../ports/audit-log'
import type { SubscriptionStore } from '../ports/alerts'

type SubscribedInput = v.InferOutput<typeof SubscribedSchema>

/** What the alerts actions need; absent (no store wired) every count reads 0 and nothing is configured. */
export interface AlertsDeps {
  subscriptions?: SubscriptionStore
  audit?: AuditLog
  robotConfigured: boolean
  /** LEAD_TEMPLATE_ID when subscribe messages can be sent (cloud); absent locally. */
  templateId?: string
}

export function createAlertsHandlers(deps: AlertsDeps) {
  async function status(staffId: string): Promise<AlertsStatus> {
    const left = deps.subscriptions ? await deps.subscriptions.subscriptionsLeft(staffId) : 0
    const configured = Boolean(deps.templateId && deps.subscriptions)
    return {
      robot: { configured: deps.robotConfigured },
      subscribe: configured ? { configured, templateId: deps.templateId, left } : { configured, left },
    }
  }

  return {
    async status(_input: Record<string, never>, ctx: ActionContext): Promise<AlertsStatus> {
      return status(ctx.staff!.id)
    },

    /**
     * The member granted `accepted` one-time subscriptions in a tap (the client cannot prove it;
     * an overstated count costs only a 43101 later, which resets it to 0).
     */
    async subscribed(input: SubscribedInput, ctx: ActionContext): Promise<AlertsStatus> {
      const member = ctx.staff!
      if (!deps.subscriptions || !deps.templateId || input.accepted === 0) return status(member.id)
      if (!deps.audit) throw new Error('no audit log configured (ApiDeps.audit)')
      const at = ctx.now().toISOString()
      const before = await deps.subscriptions.subscriptionsLeft(member.id)
      const after = await deps.subscriptions.addSubscriptions(member.id, input.accepted, at)
      await deps.audit.record({
        actorId: member.id,
        action: 'alerts.subscribed',
        targetType: 'channel',
        targetId: `subscribe:${member.id}`,
        before: { subscribeLeft: before },
        after: { subscribeLeft: after },
        at,
      })
      ctx.logger.info('alerts subscribed', { staffId: member.id, accepted: input.accepted, left: after })
      return status(member.id)
    },
  }
}
