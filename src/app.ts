import type { PropsWithChildren } from 'react'
import Taro, { useLaunch } from '@tarojs/taro'
import { startOutboxSync } from '@/features/inquiry/startOutbox'

import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      // One init for the whole app. Without an env id the default CloudBase environment
      // of the appid is used; TARO_APP_CLOUD_ENV pins one at build time.
      const env = process.env.TARO_APP_CLOUD_ENV
      Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true })
    }
    // Inquiries saved while offline: sent now, and again whenever the network comes back.
    startOutboxSync()
  })

  return children
}

export default App
