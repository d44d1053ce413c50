import type { NotifierPort } from '../ports/notifier'

/** Tells nobody: the router's default when no notifier is wired. */
export const silentNotifier: NotifierPort = { notify: async () => {} }

/** Runs every notifier; resolves when all have settled, rejects with the first failure. */
export function combineNotifiers(notifiers: NotifierPort[]): NotifierPort {
  return {
    async notify(notice) {
      const results = await Promise.allSettled(notifiers.map((n) => n.notify(notice)))
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')
      if (failed) throw failed.reason
    },
  }
}
