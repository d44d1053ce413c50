import type { ChartsPayload } from '@/domain/charts-schemas'
import { callApi } from '@/lib/api'

/** The desk's charts (staff only: the server answers FORBIDDEN to anyone else). Never throws. */
export const fetchCharts = (payload: ChartsPayload = {}) => callApi('stats.charts', payload)
