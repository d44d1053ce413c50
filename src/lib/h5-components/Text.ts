import { defineCustomElement } from '@tarojs/components/dist/components/taro-text-core'
import { make } from './make'

export const Text = /*#__PURE__*/ make('taro-text-core', defineCustomElement)
