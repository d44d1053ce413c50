import { defineCustomElement } from '@tarojs/components/dist/components/taro-input-core'
import { make } from './make'

export const Input = /*#__PURE__*/ make('taro-input-core', defineCustomElement)
