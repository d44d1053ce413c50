/**
 * Content security of visitor free text. Production: WeChat `security.msgSecCheck` v2
 * (adapters/wx-content-check.ts); local runtime and tests: a tiny keyword list
 * (adapters/keyword-content-check.ts).
 *
 *   pass    nothing found
 *   review  suspicious: keep the lead, flag it for a human
 *   risky   refuse the submission; the visitor is asked to rephrase
 *   error   the check could not decide (API error, bad answer): keep and flag, never drop a lead
 *
 * Adapters should not throw; callers treat a throw or a timeout as 'error' anyway. Splitting long
 * text and ranking verdicts live in core/content-check.ts.
 */
export type ContentVerdict = 'pass' | 'review' | 'risky' | 'error'

export interface ContentCheckPort {
  check(text: string, openid: string): Promise<ContentVerdict>
}
