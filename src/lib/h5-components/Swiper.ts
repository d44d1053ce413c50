import { defineCustomElement } from '@tarojs/components/dist/components/taro-swiper-core'
import { make } from './make'

export const Swiper = /*#__PURE__*/ make('taro-swiper-core', defineCustomElement)
