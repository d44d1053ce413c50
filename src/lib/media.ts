/**
 * Data stores media as paths (`/media/covers/x.png`) or absolute URLs (`https://`,
 * `cloud://` file ids). Paths get the build's media base; the local server serves /media.
 */
export function mediaUrl(pathOrUrl: string): string {
  if (!pathOrUrl) return ''
  if (/^(https?:|cloud:|data:|wxfile:)/i.test(pathOrUrl)) return pathOrUrl
  return `${process.env.TARO_APP_MEDIA_BASE || ''}${pathOrUrl}`
}

/** Relative media paths inside article HTML load from the media base, like every other image. */
export function withMediaUrls(html: string): string {
  return html.replace(
    /(<img\b[^>]*\bsrc=")(\/[^"]*)"/g,
    (_, head: string, src: string) => `${head}${mediaUrl(src)}"`,
  )
}
