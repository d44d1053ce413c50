import type { MatchNeed } from '@/domain/match-need'
import type { AddNotePayload, ListLeadsPayload, UpdateLeadPayload } from '@/domain/lead-desk-schemas'
import { callApi } from '@/lib/api'

/** The lead desk's requests (staff only: the server answers FORBIDDEN to anyone else). Never throw. */
export const listLeads = (payload: ListLeadsPayload) => callApi('leads.list', payload)
export const getLead = (id: string) => callApi('leads.get', { id })
export const updateLead = (payload: UpdateLeadPayload) => callApi('leads.update', payload)
export const addLeadNote = (payload: AddNotePayload) => callApi('leads.addNote', payload)
export const leadStats = (weeks = 4) => callApi('leads.stats', { weeks })
/** Parks to recommend for a lead's need (the need fields only; the same public action the visitor's page uses). */
export const matchParksForNeed = (need: MatchNeed) => callApi('parks.match', need)
