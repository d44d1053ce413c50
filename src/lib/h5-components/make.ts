import { createReactComponent } from '@tarojs/components/lib/react/react-component-lib/createComponent'
import { manipulatePropsFunction } from '@tarojs/components/lib/react/helper'

/** What @tarojs/components/lib/react/components.js does for each component, one at a time. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const make = (tag: string, define: () => void): any =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  createReactComponent<any, any>(tag, undefined, manipulatePropsFunction, define)
