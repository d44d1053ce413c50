import { useCallback, useEffect, useRef, useState } from 'react'
import type { MatchNeed, ParkMatch } from '@/domain/match-need'
import { matchParksForNeed } from '../api'

export type LeadMatchesState = { kind: 'loading' } | { kind: 'ready'; items: ParkMatch[] } | { kind: 'error' }

/** parks.match for a lead's need; asked again when the need changes, or on retry. */
export function useLeadMatches(need: MatchNeed) {
  const [state, setState] = useState<LeadMatchesState>({ kind: 'loading' })
  const key = JSON.stringify(need)
  const seq = useRef(0)
  const load = useCallback(async () => {
    const mine = ++seq.current
    setState({ kind: 'loading' })
    const res = await matchParksForNeed(JSON.parse(key) as MatchNeed)
    if (mine !== seq.current) return
    setState(res.ok ? { kind: 'ready', items: res.data.items } : { kind: 'error' })
  }, [key])
  useEffect(() => {
    void load()
    const counter = seq
    return () => void counter.current++
  }, [load])
  return { state, retry: () => void load() }
}
