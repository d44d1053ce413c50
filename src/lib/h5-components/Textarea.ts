import { defineCustomElement } from '@tarojs/components/dist/components/taro-textarea-core'
import { make } from './make'

export const Textarea = /*#__PURE__*/ make('taro-textarea-core', defineCustomElement)
