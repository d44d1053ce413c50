// Kept apart from format.ts so the cloud function's logger does not pull in dayjs.

/** For logs: 13524678515 → "135****8515". Never log a phone any other way. */
export function maskPhone(phone: string): string {
  const digits = String(phone).replace(/\D/g, '')
  // A +86 prefix is not part of the number: mask the 11-digit mobile itself.
  const d = digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits
  if (d.length < 7) return '*'.repeat(d.length)
  return `${d.slice(0, 3)}${'*'.repeat(d.length - 7)}${d.slice(-4)}`
}
