import type { ChartsData } from '@/domain/charts'
import { useResource, type ResourceState } from '@/lib/useResource'
import { fetchCharts } from '../api'

export type ChartsState = ResourceState<ChartsData>

/**
 * The charts' data, last 30 Beijing days. A pull-to-refresh keeps the charts on screen until the
 * fresh answer arrives; a failed refresh keeps them too and says so in a toast through the caller.
 */
export function useCharts() {
  return useResource(fetchCharts)
}
