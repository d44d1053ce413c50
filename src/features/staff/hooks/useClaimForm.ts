import { useState } from 'react'
import { ClaimStaffSchema, type ClaimStaffInput } from '@/domain/staff-schemas'
import type { StaffMember } from '@/domain/staff'
import { validate } from '@/domain/schemas'
import { claimStaff } from '../api'
import { setStaffMe } from '../me'

export type ClaimField = keyof ClaimStaffInput

/**
 * 员工认领: the fields, their errors (the domain's schema on the device, the server's answer
 * after), and one submission at a time. On success the 我的 entry's cache knows the new member.
 */
export function useClaimForm(initialCode: string, onClaimed: (member: StaffMember) => void) {
  const [values, setValues] = useState<ClaimStaffInput>({ name: '', mobile: '', code: initialCode })
  const [errors, setErrors] = useState<Partial<Record<ClaimField, string>>>({})
  const [formError, setFormError] = useState('')
  const [submitting, setSubmitting] = useState(false)

  const setField = (field: ClaimField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }))
    setErrors((e) => ({ ...e, [field]: undefined }))
  }

  async function submit() {
    if (submitting) return
    setFormError('')
    const checked = validate(ClaimStaffSchema, values)
    if (!checked.ok) {
      setErrors(checked.fields as Partial<Record<ClaimField, string>>)
      return
    }
    setSubmitting(true)
    const res = await claimStaff(values)
    setSubmitting(false)
    if (res.ok) {
      // 我的 asks again on its next show: the entry and its badge appear at once.
      setStaffMe(null)
      onClaimed(res.data.member)
      return
    }
    if (res.error.fields && Object.keys(res.error.fields).length > 0) {
      setErrors(res.error.fields as Partial<Record<ClaimField, string>>)
    } else {
      setFormError(res.error.message)
    }
  }

  return { values, errors, formError, submitting, setField, submit }
}
