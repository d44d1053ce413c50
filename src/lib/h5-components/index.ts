/*
 * H5 only (config/index.ts aliases '@tarojs/components' here): Taro's React component library
 * is one module that defines every component the app uses anywhere, so each page's first screen
 * carried the picker, textarea, swiper… of every other page. One module per component lets
 * webpack put each where it is used. Anything not listed falls through to Taro's library.
 * View and Text are plain <div> / <span> (View.tsx says why); the others wrap Taro's own
 * custom elements. config/index.ts marks these modules side-effect free, so one a page does not
 * use is never bundled with it.
 */
export * from '@tarojs/components/lib/react'
export { Button } from './Button'
export { Checkbox } from './Checkbox'
export { Image } from './Image'
export { Input } from './Input'
export { Map } from './Map'
export { Picker } from './Picker'
export { RichText } from './RichText'
export { ScrollView } from './ScrollView'
export { Swiper } from './Swiper'
export { SwiperItem } from './SwiperItem'
export { Text } from './Text'
export { Textarea } from './Textarea'
export { View } from './View'
