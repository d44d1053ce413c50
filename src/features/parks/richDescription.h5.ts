import { useEffect, useState } from 'react'

/**
 * H5 build: the description is the park page's last card, below the first screen, and its
 * allow-list sanitiser (xss + cssfilter, ≈ 7 KB gzipped, and its parse of the HTML) need not
 * hold up the first paint: it loads after the page has drawn, then the card appears. Until then
 * (or if it cannot load) the description is '' and ParkView leaves the card out; nothing
 * unsanitised ever reaches RichText.
 */
export function useDescription(html: string): string {
  const [ready, setReady] = useState<{ html: string; out: string } | null>(null)
  useEffect(() => {
    if (!html) return
    let live = true
    import(/* webpackChunkName: "park-description" */ './sanitizedDescription').then(
      ({ prepareDescription }) => {
        if (live) setReady({ html, out: prepareDescription(html) })
      },
      () => {},
    )
    return () => {
      live = false
    }
  }, [html])
  return ready && ready.html === html ? ready.out : ''
}
