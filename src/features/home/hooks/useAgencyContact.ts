import { useCallback, useEffect, useRef, useState } from 'react'
import type { AgencyContact } from '@/domain/agency'
import type { ApiError } from '@/domain/result'
import { getHome } from '../api'
import { readHomeCache, writeHomeCache } from '../cache'

/**
 * The agency's contact card outside the home page (我的, 关于): the cached home answer's
 * contact when there is one (no request at all), else one `home.get` call, whose answer
 * also fills the home cache.
 */
export function useAgencyContact() {
  const [contact, setContact] = useState<AgencyContact | null>(() => readHomeCache()?.data.contact ?? null)
  const [error, setError] = useState<ApiError | null>(null)
  const [loading, setLoading] = useState(contact === null)
  const hadCache = useRef(contact !== null)

  const load = useCallback(async () => {
    setLoading(true)
    setError(null)
    const result = await getHome()
    setLoading(false)
    if (result.ok) {
      writeHomeCache(result.data)
      setContact(result.data.contact)
    } else {
      setError(result.error)
    }
  }, [])

  useEffect(() => {
    if (!hadCache.current) void load()
  }, [load])

  return { contact, error, loading, reload: load }
}
