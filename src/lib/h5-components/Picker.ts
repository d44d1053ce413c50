import { defineCustomElement } from '@tarojs/components/dist/components/taro-picker-core'
import { make } from './make'

export const Picker = /*#__PURE__*/ make('taro-picker-core', defineCustomElement)
