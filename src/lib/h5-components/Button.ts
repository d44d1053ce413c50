import { defineCustomElement } from '@tarojs/components/dist/components/taro-button-core'
import { make } from './make'

export const Button = /*#__PURE__*/ make('taro-button-core', defineCustomElement)
