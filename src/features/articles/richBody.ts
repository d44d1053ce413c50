import { withMediaUrls } from '@/lib/media'

/**
 * weapp build: the native rich-text drops untrusted tags and attributes itself, so no
 * sanitiser ships in the package. It does not see page styles either: images and
 * paragraphs get inline styles here. The H5 build uses richBody.h5.ts instead
 * (Taro picks `*.h5.ts` for H5 builds).
 */
export function prepareRichBody(html: string): string {
  return withMediaUrls(html)
    .replace(/<img\b/g, '<img style="max-width:100%;height:auto;border-radius:6px"')
    .replace(/<p\b/g, '<p style="margin:0 0 14px"')
    .replace(/<h3\b/g, '<h3 style="font-size:17px;margin:20px 0 10px"')
}
