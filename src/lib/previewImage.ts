import Taro from '@tarojs/taro'

export type PreviewImageOptions = Parameters<typeof Taro.previewImage>[0]

/**
 * Full-screen photos (Taro.previewImage). The mini program's is native; the H5 build loads
 * Taro's viewer on first use (previewImage.h5.ts), since it brings the swiper library along.
 */
export const previewImage = (options: PreviewImageOptions): Promise<unknown> => Taro.previewImage(options)
