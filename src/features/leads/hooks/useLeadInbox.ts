import { useCallback, useMemo, useRef, useState } from 'react'
import type { LeadListItem, LeadPage, StageCounts } from '@/domain/lead-desk'
import type { LeadStage } from '@/domain/lead-pipeline'
import type { ListLeadsPayload } from '@/domain/lead-desk-schemas'
import { usePagedList } from '@/lib/usePagedList'
import { listLeads } from '../api'

export type StageTab = LeadStage | 'all'

export interface InboxFilters {
  source?: string
  parkId?: string
  /** A staff id, or 'none'. */
  assigneeId?: string
  from?: string
  to?: string
}

/** What only page one carries: tab counts, the due block, the staff list and the server's today. */
export interface InboxMeta {
  counts: StageCounts | null
  due: LeadListItem[]
  today: string
  staff: Array<{ id: string; name: string }>
}

const EMPTY_META: InboxMeta = { counts: null, due: [], today: '', staff: [] }

/** Parks and sources seen in the inbox so far: the filter sheet offers them as chips. */
export interface SeenOptions {
  parks: Array<{ id: string; name: string }>
  sources: string[]
}

/**
 * The inbox's query (status tab, filters, search) and its keyset-paged list. A new query is a
 * new `fetchPage`, so usePagedList starts over and drops answers to the old one; page one's
 * extras (counts, due, staff) land only for the query that is current.
 */
export function useLeadInbox() {
  const [stage, setStage] = useState<StageTab>('all')
  const [filters, setFilters] = useState<InboxFilters>({})
  const [keyword, setKeyword] = useState('')
  const [meta, setMeta] = useState<InboxMeta>(EMPTY_META)
  const seen = useRef<SeenOptions>({ parks: [], sources: [] })
  const queryKey = useRef('')

  const fetchPage = useMemo(() => {
    const payload: ListLeadsPayload = { ...filters }
    if (stage !== 'all') payload.stage = stage
    if (keyword) payload.q = keyword
    const key = JSON.stringify(payload)
    queryKey.current = key
    return async (cursor: string | null) => {
      const res = await listLeads({ ...payload, cursor })
      if (res.ok && queryKey.current === key) remember(res.data, cursor === null)
      return res
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stage, filters, keyword])

  function remember(page: LeadPage, first: boolean) {
    if (first)
      setMeta({ counts: page.counts ?? null, due: page.due ?? [], today: page.today, staff: page.staff })
    const s = seen.current
    for (const item of [...page.items, ...(page.due ?? [])]) {
      if (item.parkId && item.parkName && !s.parks.some((p) => p.id === item.parkId))
        s.parks.push({ id: item.parkId, name: item.parkName })
      if (item.source && !s.sources.includes(item.source)) s.sources.push(item.source)
    }
  }

  const list = usePagedList<LeadListItem>(fetchPage)
  const activeFilters = Object.values(filters).filter(Boolean).length

  return {
    list,
    meta,
    stage,
    setStage: useCallback((s: StageTab) => setStage(s), []),
    filters,
    setFilters,
    activeFilters,
    keyword,
    setKeyword,
    seen: seen.current,
  }
}
