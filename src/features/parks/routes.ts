import Taro from '@tarojs/taro'
import { INQUIRY_FORM_PATH, PARK_DETAIL_PATH, withQuery } from '@/lib/routes'

export const parkDetailUrl = (id: string) => withQuery(PARK_DETAIL_PATH, { id })

export const inquiryUrl = (park: { id: string; name: string }) =>
  withQuery(INQUIRY_FORM_PATH, { parkId: park.id, parkName: park.name })

/** WeChat keeps at most 10 pages on the stack: deep similar-park chains replace the top one. */
const MAX_STACK = 9

export function openParkDetail(id: string): void {
  const url = parkDetailUrl(id)
  const depth = Taro.getCurrentPages?.().length ?? 0
  const go = depth >= MAX_STACK ? Taro.redirectTo({ url }) : Taro.navigateTo({ url })
  void Promise.resolve(go).catch(() => undefined)
}
