import { useCallback, useMemo, useState } from 'react'
import type { Channel } from '@/domain/channels'
import { useResource } from '@/lib/useResource'
import { listChannels } from '../api'

/**
 * The channel list (newest first) and the channels made on this screen since it loaded: a new
 * channel shows at the top at once, before (and whether or not) a refresh brings it back.
 */
export function useChannels() {
  const { state, reload, retry } = useResource(listChannels)
  const [added, setAdded] = useState<Channel[]>([])

  const items = useMemo(() => {
    if (state.kind !== 'ready') return []
    const loaded = state.data.items
    const known = new Set(loaded.map((c) => c.code))
    return [...added.filter((c) => !known.has(c.code)), ...loaded]
  }, [state, added])

  const add = useCallback((channel: Channel) => setAdded((list) => [channel, ...list]), [])

  return { state, items, reload, retry, add }
}
