import Taro from '@tarojs/taro'
import { API_TIMEOUT_MS } from './apiTimeout'

/**
 * POST /api of the local server (same origin unless TARO_APP_API_BASE says otherwise): the
 * parsed JSON answer, or throws when none arrived. The H5 build uses http.h5.ts instead (the
 * browser's fetch, and the first screen's answer asked for by index.html); this one serves the
 * jest doubles, where Taro.request is the seam.
 */
export async function postApi(envelope: { action: string; payload: unknown }): Promise<unknown> {
  const res = await Taro.request({
    url: `${process.env.TARO_APP_API_BASE || ''}/api`,
    method: 'POST',
    data: envelope,
    header: { 'content-type': 'application/json' },
    timeout: API_TIMEOUT_MS,
    dataType: 'json',
  })
  return res.data
}
