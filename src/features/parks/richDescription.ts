import { withMediaUrls } from '@/lib/media'

/**
 * weapp build: the native rich-text drops untrusted tags and attributes itself, so no
 * sanitiser ships in the subpackage. It does not see page styles either: images, paragraphs
 * and lists get inline styles here. The H5 build uses richDescription.h5.ts instead
 * (Taro picks `*.h5.ts` for H5 builds).
 */
export function prepareDescription(html: string): string {
  return withMediaUrls(html)
    .replace(/<img\b/g, '<img style="max-width:100%;height:auto;border-radius:6px"')
    .replace(/<p\b/g, '<p style="margin:0 0 12px"')
    .replace(/<(ul|ol)\b/g, '<$1 style="margin:0 0 12px;padding-left:20px"')
    .replace(/<h3\b/g, '<h3 style="font-size:16px;margin:16px 0 8px"')
}
