import { useEffect } from 'react'
import { useDidHide } from '@tarojs/taro'
import { flushContactEvents, resumeContactEvents } from '../events'

/**
 * For every page that shows a contact action: taps queued on this page are sent when it is
 * hidden (another page opened, the app sent to the background), and events left over from an
 * earlier visit are sent once the page has settled.
 */
export function useContactEventsFlush(): void {
  useDidHide(() => void flushContactEvents())
  useEffect(() => resumeContactEvents(), [])
}
