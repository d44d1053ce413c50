import * as v from 'valibot'

/** Lead alerts (issue 8 item 9): the channels a new lead is announced through. Shared by app and cloud. */

export const ALERT_CHANNELS = ['robot', 'subscribe'] as const
export type AlertChannel = (typeof ALERT_CHANNELS)[number]

/** One `requestSubscribeMessage` asks for at most this many templates, so one tap grants at most this many. */
export const MAX_SUBSCRIPTIONS_PER_TAP = 5
/** A member's stored count never grows past this (a runaway client cannot inflate it). */
export const MAX_SUBSCRIPTIONS_KEPT = 100

/** What the desk shows about the caller's alerts. */
export interface AlertsStatus {
  /** The WeCom group robot: configured (LEADS_WEBHOOK_URL) or not. No per-person quota. */
  robot: { configured: boolean }
  /**
   * WeChat subscribe messages: configured when the function has a template id (LEAD_TEMPLATE_ID)
   * and can send; `left` = one-time subscriptions the caller granted and no lead has used yet.
   */
  subscribe: { configured: boolean; templateId?: string; left: number }
}

export const SubscribedSchema = v.object(
  {
    accepted: v.pipe(
      v.number('订阅数量必须是数字'),
      v.integer('订阅数量必须是整数'),
      v.minValue(0, '订阅数量不能为负'),
      v.maxValue(MAX_SUBSCRIPTIONS_PER_TAP, `一次最多订阅 ${MAX_SUBSCRIPTIONS_PER_TAP} 条`),
    ),
  },
  '请求参数格式不正确',
)
export type SubscribedPayload = v.InferInput<typeof SubscribedSchema>
