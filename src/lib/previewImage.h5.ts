import type { PreviewImageOptions } from './previewImage'

export type { PreviewImageOptions } from './previewImage'

/**
 * H5: Taro's previewImage draws with its Swiper component, which brings the swiper library
 * (≈ 45 KB gzipped). Loaded on the first tap, it stays off every page's first screen.
 */
export const previewImage = (options: PreviewImageOptions): Promise<unknown> =>
  import(/* webpackChunkName: "preview-image" */ './previewImageNow').then((m) => m.previewImage(options))
