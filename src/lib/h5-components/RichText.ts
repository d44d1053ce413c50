import { defineCustomElement } from '@tarojs/components/dist/components/taro-rich-text-core'
import { make } from './make'

export const RichText = /*#__PURE__*/ make('taro-rich-text-core', defineCustomElement)
