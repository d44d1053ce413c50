import type { ExportLeadsPayload } from '@/domain/export'
import { callApi } from '@/lib/api'

/** export.leads: the leads of a range of Beijing dates as an .xlsx (owner only). */
export const exportLeads = (range: ExportLeadsPayload) => callApi('export.leads', range)
