import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import './ui.scss'
import { tapTarget } from './a11y'

/**
 * WeChat's privacy authorisation (enforced since 2023-10-17). When the app calls a privacy
 * interface (setClipboardData, addPhoneContact …) the user has not agreed to yet, WeChat holds
 * the call and fires onNeedPrivacyAuthorization; this sheet explains the use and resolves it
 * with the user's answer: agree (after the agreePrivacyAuthorization button's own event, with
 * that button's id, which the base library checks) or disagree (the held call then fails).
 *
 * Mount one per page that can trigger a privacy interface: `<PrivacyAuthorization />`.
 * The listener is app-wide and registered once (on the first mount); each event goes to the
 * sheet of the page on top. weapp only: on H5 this renders nothing and registers nothing.
 */
type Resolution = Taro.onNeedPrivacyAuthorization.ResolveOption
type Resolve = (option: Resolution) => void

interface Sheet {
  page: unknown
  open: () => void
}

const sheets: Sheet[] = []
const pending = new Set<Resolve>()
let registered = false

function topPage(): unknown {
  try {
    const pages = Taro.getCurrentPages()
    return pages[pages.length - 1]
  } catch {
    return undefined
  }
}

/** The sheet of the page on top; else the last mounted (page identity not available). */
function sheetOnTop(): Sheet | undefined {
  const top = topPage()
  const onTop = top === undefined ? undefined : [...sheets].reverse().find((s) => s.page === top)
  return onTop ?? sheets[sheets.length - 1]
}

function settle(option: Resolution): void {
  const waiting = [...pending]
  pending.clear()
  for (const resolve of waiting) {
    try {
      resolve(option)
    } catch {
      // A resolve that is no longer wanted (the call timed out) must not stop the others.
    }
  }
}

function register(): void {
  if (registered || typeof Taro.onNeedPrivacyAuthorization !== 'function') return
  registered = true
  Taro.onNeedPrivacyAuthorization((resolve) => {
    const sheet = sheetOnTop()
    if (!sheet) {
      // No sheet to ask with: fail the call now rather than leave it hanging.
      resolve({ event: 'disagree' })
      return
    }
    pending.add(resolve)
    sheet.open()
    try {
      resolve({ event: 'exposureAuthorization' })
    } catch {
      // Reporting the exposure is optional.
    }
  })
}

let nextId = 0

function PrivacySheet() {
  const [visible, setVisible] = useState(false)
  const [buttonId] = useState(() => `privacy-agree-${++nextId}`)
  const [contractName, setContractName] = useState('')
  // Read while the page mounts (inside its onLoad), when Taro's current page is this one.
  const [page] = useState(() => Taro.getCurrentInstance?.()?.page)
  const open = useRef(false)

  useEffect(() => {
    const mine: Sheet = {
      page,
      open: () => {
        open.current = true
        setVisible(true)
        try {
          // Taro may promisify it: a failure must not surface as an unhandled rejection.
          const asked: unknown = Taro.getPrivacySetting?.({
            success: (res) => setContractName(res.privacyContractName || ''),
          })
          void Promise.resolve(asked).catch(() => undefined)
        } catch {
          // The default name below is fine.
        }
      },
    }
    sheets.push(mine)
    register()
    return () => {
      sheets.splice(sheets.indexOf(mine), 1)
      // The page is going away with the question open: the held call fails instead of hanging.
      if (open.current) settle({ event: 'disagree' })
    }
  }, [page])

  if (!visible) return null

  const agree = () => {
    open.current = false
    setVisible(false)
    settle({ buttonId, event: 'agree' })
  }
  const disagree = () => {
    open.current = false
    setVisible(false)
    settle({ event: 'disagree' })
  }
  const openContract = () => {
    try {
      const opened: unknown = Taro.openPrivacyContract?.({ fail: () => undefined })
      void Promise.resolve(opened).catch(() => undefined)
    } catch {
      // Older base library: the summary above still says what is used and why.
    }
  }

  return (
    <View className='ui-layer privacy-sheet' role='dialog' aria-modal='true' catchMove>
      <View className='ui-layer__mask privacy-sheet__mask' />
      <View className='ui-layer__sheet privacy-sheet__panel'>
        <Text className='privacy-sheet__title'>用户隐私保护提示</Text>
        <Text className='privacy-sheet__body'>
          为方便您联系招商顾问：点击「复制微信号」时，我们会把顾问的微信号写入剪贴板；点击「存入通讯录」时，会把顾问的电话添加到您的手机通讯录。我们不会读取您剪贴板或通讯录中的任何内容。
        </Text>
        <Text className='privacy-sheet__body'>
          使用前请阅读
          <Text className='privacy-sheet__link' {...tapTarget()} onClick={openContract}>
            {contractName || '《用户隐私保护指引》'}
          </Text>
          。拒绝不影响浏览园区和资讯，您也可以拨打热线联系我们。
        </Text>
        <View className='privacy-sheet__actions'>
          <Button
            className='ui-btn privacy-sheet__btn privacy-sheet__btn--ghost'
            {...tapTarget()}
            onClick={disagree}
          >
            拒绝
          </Button>
          <Button
            id={buttonId}
            className='ui-btn ui-btn--primary privacy-sheet__btn'
            openType='agreePrivacyAuthorization'
            onAgreePrivacyAuthorization={agree}
          >
            同意
          </Button>
        </View>
      </View>
    </View>
  )
}

/** Mount on any page that uses a privacy interface. Renders nothing until WeChat asks; nothing on H5. */
export function PrivacyAuthorization() {
  return process.env.TARO_ENV === 'weapp' ? <PrivacySheet /> : null
}

/** For tests: forget the app-wide registration, as a fresh app would. */
export function resetPrivacyAuthorizationForTests(): void {
  registered = false
  sheets.length = 0
  pending.clear()
}
