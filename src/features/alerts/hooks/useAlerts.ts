import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { AlertsStatus } from '@/domain/alerts'
import type { ApiError } from '@/domain/result'
import { getAlertsStatus, reportSubscribed } from '../api'

export type AlertsState =
  { kind: 'loading' } | { kind: 'error'; error: ApiError } | { kind: 'ready'; status: AlertsStatus }

/** What the user sees after a top-up; null when they granted one. */
function refusalMessage(result: Record<string, string>, templateId: string): string | null {
  const answer = result[templateId]
  if (answer === 'accept') return null
  if (answer === 'ban') return '该提醒已被后台封禁，请联系管理员'
  return '未开启提醒：可在右上角「…」→「设置」→「订阅消息」中重新允许'
}

/**
 * The desk's alerts: how many subscribe messages are left, and `topUp` for a tap. topUp calls
 * `Taro.requestSubscribeMessage` synchronously, as its first step: WeChat shows the prompt only
 * from inside a tap handler (a call after an await is refused), so nothing is awaited before it.
 */
export function useAlerts() {
  const [state, setState] = useState<AlertsState>({ kind: 'loading' })
  const [busy, setBusy] = useState(false)
  const alive = useRef(true)
  useEffect(
    () => () => {
      alive.current = false
    },
    [],
  )

  const load = useCallback(async () => {
    setState({ kind: 'loading' })
    const res = await getAlertsStatus()
    if (!alive.current) return
    setState(res.ok ? { kind: 'ready', status: res.data } : { kind: 'error', error: res.error })
  }, [])

  useEffect(() => {
    void load()
  }, [load])

  const templateId = state.kind === 'ready' ? state.status.subscribe.templateId : undefined

  /** The tap handler: the prompt first, then the report. */
  const topUp = useCallback(() => {
    if (!templateId || busy) return
    setBusy(true)
    Taro.requestSubscribeMessage({ tmplIds: [templateId] } as Taro.requestSubscribeMessage.Option)
      .then(async (result) => {
        const refused = refusalMessage(result as unknown as Record<string, string>, templateId)
        if (refused) {
          void Taro.showToast({ title: refused, icon: 'none', duration: 3000 })
          return
        }
        const res = await reportSubscribed(1)
        if (!alive.current) return
        if (res.ok) {
          setState({ kind: 'ready', status: res.data })
          void Taro.showToast({ title: `已补充，剩余 ${res.data.subscribe.left} 次`, icon: 'none' })
        } else {
          void Taro.showToast({ title: res.error.message, icon: 'none' })
        }
      })
      .catch((err: { errCode?: number }) => {
        // 20004: the member turned off every subscribe message in the app's settings.
        const title =
          err?.errCode === 20004 ? '订阅消息总开关已关闭，请在小程序设置中开启' : '未能开启提醒，请稍后再试'
        void Taro.showToast({ title, icon: 'none', duration: 3000 })
      })
      .finally(() => {
        if (alive.current) setBusy(false)
      })
  }, [templateId, busy])

  return { state, busy, reload: load, topUp }
}
