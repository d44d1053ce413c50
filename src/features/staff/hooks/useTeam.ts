import { useCallback, useEffect, useState } from 'react'
import type { ApiError } from '@/domain/result'
import type { StaffMember, StaffRole } from '@/domain/staff'
import type { StaffInvite } from '@/domain/staff-schemas'
import { deactivateStaff, inviteStaff, listStaff } from '../api'
import { loadStaffMe } from '../me'

export type TeamState =
  { kind: 'loading' } | { kind: 'error'; error: ApiError } | { kind: 'ready'; members: StaffMember[] }

/** 团队管理 (owners): the members, a fresh invite, deactivation. Every call answers a result, never throws. */
export function useTeam() {
  const [state, setState] = useState<TeamState>({ kind: 'loading' })
  const [invite, setInvite] = useState<StaffInvite | null>(null)
  const [busy, setBusy] = useState(false)
  const [selfId, setSelfId] = useState<string | undefined>()

  const load = useCallback(async () => {
    const res = await listStaff()
    setState(res.ok ? { kind: 'ready', members: res.data.items } : { kind: 'error', error: res.error })
  }, [])
  useEffect(() => {
    void load()
    void loadStaffMe().then((me) => setSelfId(me.member?.id))
  }, [load])

  const retry = useCallback(() => {
    setState({ kind: 'loading' })
    void load()
  }, [load])

  async function createInvite(role: StaffRole): Promise<ApiError | null> {
    if (busy) return null
    setBusy(true)
    const res = await inviteStaff({ role })
    setBusy(false)
    if (!res.ok) return res.error
    setInvite(res.data)
    return null
  }

  async function deactivate(id: string): Promise<ApiError | null> {
    if (busy) return null
    setBusy(true)
    const res = await deactivateStaff(id)
    setBusy(false)
    if (!res.ok) return res.error
    await load()
    return null
  }

  return { state, invite, busy, selfId, reload: load, retry, createInvite, deactivate }
}
