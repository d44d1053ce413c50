import { defineCustomElement } from '@tarojs/components/dist/components/taro-map-core'
import { make } from './make'

export const Map = /*#__PURE__*/ make('taro-map-core', defineCustomElement)
