import type { PropsWithChildren } from 'react'
import Taro, { useDidHide, useDidShow, useLaunch } from '@tarojs/taro'
import { startOutboxSync } from '@/features/inquiry/startOutbox'
import { noteEntry, noteHidden, type EntryOptions } from '@/features/visits/record'

import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch((options?: EntryOptions) => {
    if (process.env.TARO_ENV === 'weapp') {
      // One init for the whole app. Without an env id the default CloudBase environment
      // of the appid is used; TARO_APP_CLOUD_ENV pins one at build time.
      const env = process.env.TARO_APP_CLOUD_ENV
      Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true })
    }
    // Inquiries saved while offline: sent now, and again whenever the network comes back.
    startOutboxSync()
    // The channel funnel: how this visit came in (a code, a shared card, or neither).
    noteEntry(options ?? {})
  })
  // A show after a long pause, or by another code or card, is a new visit; a hide sends the queue.
  useDidShow((options?: EntryOptions) => noteEntry(options ?? {}))
  useDidHide(() => noteHidden())

  return children
}

export default App
