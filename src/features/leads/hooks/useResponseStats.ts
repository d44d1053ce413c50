import { useCallback, useEffect, useRef, useState } from 'react'
import type { ResponseStats } from '@/domain/lead-desk'
import { leadStats } from '../api'

/**
 * Response time (arrival → first 已联系) for the inbox's header: median per week and per agent.
 * A failure just hides the card: the inbox itself is what matters.
 */
export function useResponseStats() {
  const [stats, setStats] = useState<ResponseStats | null>(null)
  const seq = useRef(0)
  const load = useCallback(async () => {
    const mine = ++seq.current
    const res = await leadStats(4)
    if (mine === seq.current && res.ok) setStats(res.data)
  }, [])
  useEffect(() => {
    void load()
  }, [load])
  return { stats, reload: load }
}
