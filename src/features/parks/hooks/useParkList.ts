import { useCallback, useEffect, useState } from 'react'
import type { ParkSummary } from '@/domain/park'
import { usePagedList, type PagedList } from '@/lib/usePagedList'
import { listParks } from '../api'
import { saveLastFilters } from '../filterStore'
import { PARK_PAGE_SIZE, sameFilters, toListPayload, type ParkFilters } from '../query'

type FiltersUpdate = ParkFilters | ((current: ParkFilters) => ParkFilters)

/**
 * The park search: the query the visitor set and its results, paged by the shared list hook.
 * Changing the filters starts page one of the new query and stores the query on the device;
 * an identical query does not reload.
 */
export function useParkList(initialFilters: () => ParkFilters, options: { pageSize?: number } = {}) {
  const { pageSize = PARK_PAGE_SIZE } = options
  const [filters, setFiltersState] = useState<ParkFilters>(initialFilters)

  const setFilters = useCallback((update: FiltersUpdate) => {
    setFiltersState((current) => {
      const next = typeof update === 'function' ? update(current) : update
      return sameFilters(current, next) ? current : next
    })
  }, [])

  const fetchPage = useCallback(
    (cursor: string | null) => listParks(toListPayload(filters, cursor, pageSize)),
    [filters, pageSize],
  )
  const list: PagedList<ParkSummary> = usePagedList(fetchPage)

  useEffect(() => saveLastFilters(filters), [filters])

  return { ...list, filters, setFilters }
}
