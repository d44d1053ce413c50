import { DeliveryError } from '../core/delivery-error'
import { leadPage, leadTemplateData, type LeadTemplateKeys } from '../core/subscribe-fields'
import type { SubscribeMessagePort } from '../ports/alerts'

/** subscribeMessage.send through cloud.openapi (declared in config.json permissions.openapi). */
export interface SubscribeSendParams {
  touser: string
  templateId: string
  page: string
  data: Record<string, { value: string }>
  miniprogramState?: 'developer' | 'trial' | 'formal'
  lang?: 'zh_CN'
}

export interface WxSubscribeOpenApi {
  subscribeMessage: {
    send(params: SubscribeSendParams): Promise<{ errCode?: number; errcode?: number; errMsg?: string }>
  }
}

/**
 * Errcodes no retry can fix. 43101: the member holds no subscription (refused, or used up);
 * 47003: a data value the template refuses; 41030: the page does not exist in the released
 * version; 40003: bad openid; 40037: bad template id. Others (-1 system busy, timeouts) are retried.
 */
const PERMANENT = new Set([43101, 47003, 41030, 40003, 40037])

function codeOf(value: unknown): number | undefined {
  if (!value || typeof value !== 'object') return undefined
  const { errCode, errcode } = value as { errCode?: unknown; errcode?: unknown }
  const code = errCode ?? errcode
  return typeof code === 'number' ? code : undefined
}

export interface WxSubscribeOptions {
  templateId: string
  keys?: LeadTemplateKeys
  /** Which build a tap opens (LEAD_TEMPLATE_STATE); default the released one. */
  miniprogramState?: SubscribeSendParams['miniprogramState']
}

/** A lead's subscribe message: fields fitted to their limits, a tap opens the lead on the desk. */
export function createWxSubscribeMessage(
  openapi: WxSubscribeOpenApi,
  options: WxSubscribeOptions,
): SubscribeMessagePort {
  return {
    templateId: options.templateId,
    async sendLeadAlert(touser, notice) {
      let reply: unknown
      try {
        reply = await openapi.subscribeMessage.send({
          touser,
          templateId: options.templateId,
          page: leadPage(notice.inquiryId),
          data: leadTemplateData(notice, options.keys),
          miniprogramState: options.miniprogramState ?? 'formal',
          lang: 'zh_CN',
        })
      } catch (err) {
        // The sdk rejects with { errCode, errMsg } for an API error.
        const code = codeOf(err)
        const text = err instanceof Error ? err.message : String((err as { errMsg?: unknown })?.errMsg ?? err)
        throw new DeliveryError(
          `subscribeMessage.send: ${code ?? ''} ${text}`.trim(),
          code === undefined || !PERMANENT.has(code),
          code,
        )
      }
      const code = codeOf(reply)
      if (code !== undefined && code !== 0)
        throw new DeliveryError(`subscribeMessage.send: errCode ${code}`, !PERMANENT.has(code), code)
    },
  }
}
