import { defineCustomElement } from '@tarojs/components/dist/components/taro-view-core'
import { make } from './make'

export const View = /*#__PURE__*/ make('taro-view-core', defineCustomElement)
