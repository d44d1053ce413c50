import Taro from '@tarojs/taro'
import type { PreviewImageOptions } from './previewImage'

/** Taro's previewImage itself; the H5 build reaches it only through a lazy import. */
export const previewImage = (options: PreviewImageOptions): Promise<unknown> => Taro.previewImage(options)
