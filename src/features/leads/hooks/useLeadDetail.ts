import { useCallback, useState } from 'react'
import type { LeadDetail, LeadNote } from '@/domain/lead-desk'
import type { UpdateLeadPayload } from '@/domain/lead-desk-schemas'
import type { ApiError } from '@/domain/result'
import { useDetailResource } from '@/lib/useDetailResource'
import { addLeadNote, getLead, updateLead } from '../api'
import { LEAD_ID_RE } from '../routes'

const NOT_FOUND: ApiError = { code: 'NOT_FOUND', message: '线索不存在或已删除' }

export type SaveOutcome = { ok: true } | { ok: false; error: ApiError }

/**
 * One lead for the detail page, and its writes. Every save sends the version it read; a CONFLICT
 * answer (someone else saved first) keeps what is on screen, shows the server's message and
 * offers a reload — nothing is retried or overwritten behind the user's back.
 */
export function useLeadDetail(id: string | undefined) {
  const resource = useDetailResource<LeadDetail>(id, getLead, { notFound: NOT_FOUND, idPattern: LEAD_ID_RE })
  const [saving, setSaving] = useState(false)
  const [conflict, setConflict] = useState<string | null>(null)
  // Local changes on top of the loaded answer (an update's lead, new notes).
  const [patched, setPatched] = useState<{ base: LeadDetail; detail: LeadDetail } | null>(null)
  const loaded = resource.status === 'ready' ? resource.data : null
  const detail = patched && patched.base === loaded ? patched.detail : loaded

  const save = useCallback(
    async (changes: Omit<UpdateLeadPayload, 'id' | 'version'>): Promise<SaveOutcome> => {
      if (!detail || !loaded) return { ok: false, error: NOT_FOUND }
      setSaving(true)
      const res = await updateLead({ id: detail.lead.id, version: detail.lead.version, ...changes })
      setSaving(false)
      if (!res.ok) {
        if (res.error.code === 'CONFLICT') setConflict(res.error.message)
        return res
      }
      setPatched({ base: loaded, detail: { ...detail, lead: res.data } })
      return { ok: true }
    },
    [detail, loaded],
  )

  const addNote = useCallback(
    async (body: string): Promise<SaveOutcome> => {
      if (!detail || !loaded) return { ok: false, error: NOT_FOUND }
      setSaving(true)
      const res = await addLeadNote({ id: detail.lead.id, body })
      setSaving(false)
      if (!res.ok) return res
      const note: LeadNote = res.data
      setPatched({ base: loaded, detail: { ...detail, notes: [...detail.notes, note] } })
      return { ok: true }
    },
    [detail, loaded],
  )

  const reload = useCallback(async () => {
    setConflict(null)
    setPatched(null)
    await resource.reload()
  }, [resource])

  return { status: resource.status, error: resource.error, detail, saving, conflict, save, addNote, reload }
}
