import { useCallback, useRef, useState } from 'react'
import type { CodeTarget, MiniCode } from '@/domain/channels'
import type { ApiError } from '@/domain/result'
import { getCode } from '../api'

export type CodeState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; code: MiniCode }
  | { kind: 'error'; error: ApiError }

/** What the chosen target is called on screen (a park's or an article's name). */
export interface ChosenTarget {
  target: CodeTarget
  label: string
}

export const HOME_TARGET: ChosenTarget = { target: { page: 'home' }, label: '小程序首页' }

/**
 * The code page's state: what the code opens, for which channel, and the code once made.
 * Changing either choice drops the code on screen (it would be the wrong one); one request at a
 * time, and an answer for an earlier choice never lands.
 */
export function useCodeMaker(initialChannel?: string) {
  const [chosen, setChosen] = useState<ChosenTarget | null>(HOME_TARGET)
  const [channel, setChannelValue] = useState<string | undefined>(initialChannel)
  const [state, setState] = useState<CodeState>({ kind: 'idle' })
  const seq = useRef(0)
  const busy = useRef(false)

  /** null: a kind (园区 / 文章) is picked but not yet which one. */
  const choose = useCallback((next: ChosenTarget | null) => {
    seq.current++
    busy.current = false
    setChosen(next)
    setState({ kind: 'idle' })
  }, [])

  const setChannel = useCallback((code: string | undefined) => {
    seq.current++
    busy.current = false
    setChannelValue(code)
    setState({ kind: 'idle' })
  }, [])

  const make = useCallback(async () => {
    if (busy.current || !chosen) return
    busy.current = true
    const mine = ++seq.current
    setState({ kind: 'loading' })
    const res = await getCode({ target: chosen.target, ...(channel ? { channel } : {}) })
    if (mine !== seq.current) return
    busy.current = false
    setState(res.ok ? { kind: 'ready', code: res.data } : { kind: 'error', error: res.error })
  }, [chosen, channel])

  return { chosen, choose, channel, setChannel, state, make }
}
