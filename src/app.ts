import type { PropsWithChildren } from 'react'
import Taro, { useLaunch } from '@tarojs/taro'

import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      // One init for the whole app; the env id comes from the build (empty → current env).
      Taro.cloud.init({
        env: process.env.TARO_APP_CLOUD_ENV || Taro.cloud.DYNAMIC_CURRENT_ENV,
        traceUser: true,
      })
    }
  })

  return children
}

export default App
