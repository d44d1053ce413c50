import { removeKey } from '@/lib/storage'

/**
 * Where the unsent form lives, and how to forget it. Apart from draft.ts (which needs the
 * form's schema) so 我的咨询's "delete my data" does not pull the validator into its package.
 */
export const DRAFT_KEY = 'inquiry.draft.v1'

export function clearDraft(): void {
  removeKey(DRAFT_KEY)
}
