import { defineCustomElement } from '@tarojs/components/dist/components/taro-scroll-view-core'
import { make } from './make'

export const ScrollView = /*#__PURE__*/ make('taro-scroll-view-core', defineCustomElement)
