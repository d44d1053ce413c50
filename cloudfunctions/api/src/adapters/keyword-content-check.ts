import type { ContentCheckPort, ContentVerdict } from '../ports/content-check'

/**
 * The local runtime's content check (and the default in tests): everything passes except text
 * containing one of a few built-in words. It is a stand-in for msgSecCheck, which exists only
 * in the cloud, so the form's three outcomes can be tried by hand and in tests:
 *
 *   risky   "risky-demo", "违禁测试", "代开发票", "赌博"   → the submission is refused
 *   review  "review-demo", "审核测试"                      → kept with status 'review'
 *   error   "error-demo"                                  → as if the API failed: kept, flagged
 *
 * Matching is a case-insensitive substring test. This is NOT moderation: production relies on
 * WeChat's msgSecCheck (adapters/wx-content-check.ts).
 */
export const DEMO_KEYWORDS: Record<Exclude<ContentVerdict, 'pass'>, readonly string[]> = {
  risky: ['risky-demo', '违禁测试', '代开发票', '赌博'],
  review: ['review-demo', '审核测试'],
  error: ['error-demo'],
}

export function createKeywordContentCheck(
  keywords: Record<Exclude<ContentVerdict, 'pass'>, readonly string[]> = DEMO_KEYWORDS,
): ContentCheckPort {
  const order: Array<Exclude<ContentVerdict, 'pass'>> = ['risky', 'review', 'error']
  return {
    async check(text) {
      const haystack = text.toLowerCase()
      for (const verdict of order) {
        if (keywords[verdict].some((word) => haystack.includes(word.toLowerCase()))) return verdict
      }
      return 'pass'
    },
  }
}
