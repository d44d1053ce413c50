import { useCallback, useEffect, useState } from 'react'
import type { ApiError } from '@/domain/result'
import type { StaffMe } from '@/domain/staff-schemas'
import { fetchStaffMe } from '../api'

export type DeskState =
  { kind: 'loading' } | { kind: 'error'; error: ApiError } | { kind: 'ready'; me: StaffMe }

/** The desk home's data: `staff.me` fresh from the server (never the 我的 entry's cache). */
export function useStaffDesk() {
  const [state, setState] = useState<DeskState>({ kind: 'loading' })
  const load = useCallback(async () => {
    const res = await fetchStaffMe()
    setState(res.ok ? { kind: 'ready', me: res.data } : { kind: 'error', error: res.error })
  }, [])
  useEffect(() => {
    void load()
  }, [load])
  const retry = useCallback(() => {
    setState({ kind: 'loading' })
    void load()
  }, [load])
  return { state, reload: load, retry }
}
