import Taro from '@tarojs/taro'
import type { ActionName, DataOf, PayloadOf } from '@/domain/actions'
import { fail, type ApiResult } from '@/domain/result'
import { postApi } from './http'

/**
 * The app's one transport. weapp: the `api` cloud function. H5: the local server's
 * POST /api (./http.ts; same origin unless TARO_APP_API_BASE says otherwise). Never throws: every
 * failure comes back as `{ ok: false, error }` for the UI to show.
 */
export const CLOUD_FUNCTION_NAME = 'api'
const NETWORK_MESSAGE = '网络不给力，请检查网络后重试'

function isApiResult(value: unknown): value is ApiResult<unknown> {
  if (!value || typeof value !== 'object') return false
  const r = value as { ok?: unknown; error?: { code?: unknown } }
  return r.ok === true || (r.ok === false && typeof r.error?.code === 'string')
}

async function callCloud(envelope: { action: string; payload: unknown }): Promise<unknown> {
  const res = await Taro.cloud.callFunction({ name: CLOUD_FUNCTION_NAME, data: envelope })
  return res.result
}

export async function callApi<A extends ActionName>(
  action: A,
  payload: PayloadOf<A>,
): Promise<ApiResult<DataOf<A>>> {
  const envelope = { action, payload }
  let raw: unknown
  try {
    raw = process.env.TARO_ENV === 'weapp' ? await callCloud(envelope) : await postApi(envelope)
  } catch {
    return fail('NETWORK', NETWORK_MESSAGE)
  }
  if (!isApiResult(raw)) return fail('INTERNAL', '服务暂时不可用，请稍后再试')
  return raw as ApiResult<DataOf<A>>
}
