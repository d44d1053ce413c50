/**
 * H5: the outbox (inquiries saved while offline) starts syncing a few seconds after the page
 * has loaded, from a chunk of its own, so neither its code nor a flush competes with the first
 * screen. Nothing is lost by the wait: saved inquiries stay in storage until sent.
 */
const AFTER_LOAD_MS = 3000

export function startOutboxSync(): void {
  const start = () => void import('./outbox').then((m) => m.startOutboxSync())
  if (document.readyState === 'complete') setTimeout(start, AFTER_LOAD_MS)
  else window.addEventListener('load', () => setTimeout(start, AFTER_LOAD_MS), { once: true })
}
