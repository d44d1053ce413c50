import { defineCustomElement } from '@tarojs/components/dist/components/taro-image-core'
import { make } from './make'

export const Image = /*#__PURE__*/ make('taro-image-core', defineCustomElement)
