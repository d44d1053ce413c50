import { useEffect, useState } from 'react'
import type { MatchNeed, ParkMatch } from '@/domain/match-need'
import { matchParks } from '../api'

export type ParkMatchesState = { kind: 'loading' } | { kind: 'ready'; items: ParkMatch[] } | { kind: 'none' }

/**
 * Recommendations for a need, asked once. A failure or an empty answer is `none`: the section
 * is a bonus under a message that must never wait for it or show an error for it.
 */
export function useParkMatches(need: MatchNeed | null): ParkMatchesState {
  const [state, setState] = useState<ParkMatchesState>(need ? { kind: 'loading' } : { kind: 'none' })
  // The need comes from the page's parameters: one request per page, keyed by its content.
  const key = need ? JSON.stringify(need) : ''
  useEffect(() => {
    if (!key) return
    let live = true
    setState({ kind: 'loading' })
    void matchParks(JSON.parse(key) as MatchNeed).then((res) => {
      if (!live) return
      setState(res.ok && res.data.items.length ? { kind: 'ready', items: res.data.items } : { kind: 'none' })
    })
    return () => {
      live = false
    }
  }, [key])
  return state
}
