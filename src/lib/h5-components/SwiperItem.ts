import { defineCustomElement } from '@tarojs/components/dist/components/taro-swiper-item-core'
import { make } from './make'

export const SwiperItem = /*#__PURE__*/ make('taro-swiper-item-core', defineCustomElement)
