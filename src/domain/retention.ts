/**
 * How long personal data is kept (issue 8 item 14). One place for the defaults: the retention
 * job (cloudfunctions/api/src/jobs/retention.ts) falls back to them, and the privacy page states
 * them, so the notice and the purge cannot drift apart. An operator who overrides the periods
 * (LEAD_RETENTION_MONTHS, INVALID_LEAD_RETENTION_MONTHS) must update the notice too (README).
 */

/** Leads and contact-tap events, counted from when they were stored. */
export const LEAD_RETENTION_MONTHS = 24
/** Leads staff marked 无效 (status 'invalid'): nothing left to follow up, kept much shorter. */
export const INVALID_LEAD_RETENTION_MONTHS = 6

/** "24 个月" */
export const monthsText = (months: number) => `${months} 个月`

/** "24 个月（2 年）", "6 个月": how the privacy notice states a period. */
export function periodText(months: number): string {
  return months % 12 === 0 ? `${months} 个月（${months / 12} 年）` : monthsText(months)
}
