import { useCallback, useEffect, useState } from 'react'
import type { AgencyContact } from '@/domain/agency'
import type { ApiError } from '@/domain/result'
import { callApi } from '@/lib/api'

type State =
  | { status: 'loading'; contact: null; error: null }
  | { status: 'ready'; contact: AgencyContact; error: null }
  | { status: 'error'; contact: null; error: ApiError }

/**
 * The agency's contact card for this interim page. The numbers come from the api (the
 * `home.get` answer carries the card), never from constants in a page.
 */
export function useAgencyContact() {
  const [state, setState] = useState<State>({ status: 'loading', contact: null, error: null })

  const load = useCallback(async () => {
    setState({ status: 'loading', contact: null, error: null })
    const result = await callApi('home.get', {})
    setState(
      result.ok
        ? { status: 'ready', contact: result.data.contact, error: null }
        : { status: 'error', contact: null, error: result.error },
    )
  }, [])

  useEffect(() => {
    void load()
  }, [load])

  return { ...state, reload: load }
}
