import { splitForCheck, worstVerdict } from '../core/content-check'
import type { ContentCheckPort, ContentVerdict } from '../ports/content-check'
import { silentLogger, type Logger } from '../logger'

/** The slice of `cloud.openapi` this adapter calls (wx-server-sdk exists only in the cloud). */
export interface MsgSecCheckParams {
  version: 2
  openid: string
  /** 1 资料, 2 评论, 3 论坛, 4 社交日志. A lead form is 资料. */
  scene: 1 | 2 | 3 | 4
  content: string
}

export interface MsgSecCheckResponse {
  errCode?: number
  /** The HTTPS API spells it in lower case; accept both. */
  errcode?: number
  errMsg?: string
  result?: { suggest?: unknown; label?: unknown }
  detail?: unknown
  traceId?: string
  trace_id?: string
}

export interface WxOpenApi {
  security: { msgSecCheck(params: MsgSecCheckParams): Promise<MsgSecCheckResponse> }
}

/** Content security v1's "risky" code; v2 answers errCode 0 with result.suggest instead. */
const ERR_RISKY_V1 = 87014
/** More pieces than this are not worth the quota (4,000 calls/min per app): flag for review. */
const MAX_PIECES = 8

function codeOf(value: unknown): number | undefined {
  if (!value || typeof value !== 'object') return undefined
  const { errCode, errcode } = value as { errCode?: unknown; errcode?: unknown }
  const code = errCode ?? errcode
  return typeof code === 'number' ? code : undefined
}

/**
 * WeChat content security, `security.msgSecCheck` v2 (scene 1, the caller's openid). The verdict
 * is `result.suggest`: errCode 0 alone only means the call worked. Text over 2,500 characters is
 * checked in overlapping pieces, in parallel, and the worst verdict wins. An API error, an
 * unexpected answer or a throw is 'error' (the lead is kept and flagged), except v1's 87014.
 */
export function createWxContentCheck(openapi: WxOpenApi, logger: Logger = silentLogger): ContentCheckPort {
  async function checkPiece(content: string, openid: string): Promise<ContentVerdict> {
    let res: MsgSecCheckResponse
    try {
      res = await openapi.security.msgSecCheck({ version: 2, openid, scene: 1, content })
    } catch (err) {
      if (codeOf(err) === ERR_RISKY_V1) return 'risky'
      logger.warn('msgSecCheck failed', { code: codeOf(err), err })
      return 'error'
    }
    const code = codeOf(res)
    const suggest = res?.result?.suggest
    if (
      (code !== undefined && code !== 0) ||
      (suggest !== 'pass' && suggest !== 'review' && suggest !== 'risky')
    ) {
      logger.warn('msgSecCheck answered without a verdict', {
        code,
        errMsg: res?.errMsg,
        traceId: res?.traceId ?? res?.trace_id,
      })
      return code === ERR_RISKY_V1 ? 'risky' : 'error'
    }
    if (suggest !== 'pass') {
      logger.info('msgSecCheck verdict', {
        suggest,
        label: res.result?.label,
        traceId: res.traceId ?? res.trace_id,
      })
    }
    return suggest
  }

  return {
    async check(text, openid) {
      if (!openid) return 'error'
      const pieces = splitForCheck(text)
      if (pieces.length > MAX_PIECES) return 'error'
      return worstVerdict(await Promise.all(pieces.map((p) => checkPiece(p, openid))))
    },
  }
}
