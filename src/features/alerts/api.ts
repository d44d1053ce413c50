import { callApi } from '@/lib/api'

/** The caller's alerts left per channel (staff only). */
export const getAlertsStatus = () => callApi('alerts.status', {})

/** Tells the server how many one-time subscriptions the member just granted. */
export const reportSubscribed = (accepted: number) => callApi('alerts.subscribed', { accepted })
