import type { InquiryInput } from '@/domain/inquiry'
import { callApi } from '@/lib/api'

/** The inquiry feature's requests. Like every callApi, they never throw. */
export const submitInquiry = (payload: InquiryInput) => callApi('inquiries.submit', payload)

/** The caller's own inquiries (identity from the platform: OPENID or the H5 visitor cookie). */
export const listMyInquiries = () => callApi('inquiries.mine', {})

/** PIPL Art. 47: deletes the caller's inquiries and contact events on the server. */
export const deleteMyData = () => callApi('inquiries.deleteMine', {})
