import { useCallback, useRef, useState } from 'react'
import { CreateChannelSchema, type Channel } from '@/domain/channels'
import { validate } from '@/domain/schemas'
import { createChannel } from '../api'

/**
 * 新建渠道: the name, its error (the domain's schema on the device first, then the server's
 * answer, both on the field), and one submission at a time. The guard is a ref, not state: two
 * taps in the same frame both see the state of before, and would create the channel twice.
 */
export function useCreateChannel(onCreated: (channel: Channel) => void) {
  const [name, setNameValue] = useState('')
  const [error, setError] = useState('')
  const [submitting, setSubmitting] = useState(false)
  const busy = useRef(false)

  const setName = useCallback((value: string) => {
    setNameValue(value)
    setError('')
  }, [])

  const submit = useCallback(async (): Promise<boolean> => {
    if (busy.current) return false
    const checked = validate(CreateChannelSchema, { name })
    if (!checked.ok) {
      setError(checked.fields.name ?? Object.values(checked.fields)[0] ?? '请填写渠道名称')
      return false
    }
    busy.current = true
    setSubmitting(true)
    try {
      const res = await createChannel(checked.value.name)
      if (!res.ok) {
        // Every refusal belongs to the one field there is (a duplicate name, the limit, no rights).
        setError(res.error.fields?.name ?? res.error.message)
        return false
      }
      setNameValue('')
      setError('')
      onCreated(res.data.channel)
      return true
    } finally {
      busy.current = false
      setSubmitting(false)
    }
  }, [name, onCreated])

  return { name, setName, error, submitting, submit }
}
