import { defineCustomElement } from '@tarojs/components/dist/components/taro-checkbox-core'
import { make } from './make'

export const Checkbox = /*#__PURE__*/ make('taro-checkbox-core', defineCustomElement)
