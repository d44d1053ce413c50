import { Component, type ComponentType, type ErrorInfo, type ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { ApiError } from '@/domain/result'
import { HOME_PATH } from '@/lib/routes'
import { ErrorState } from './StateView'

const PAGE_ERROR: ApiError = {
  code: 'INTERNAL',
  message: '页面出了点问题，可以重新加载，或返回首页继续浏览。',
}

const goHome = () => void Promise.resolve(Taro.reLaunch({ url: HOME_PATH })).catch(() => undefined)

interface Props {
  children: ReactNode
  /** Shown in the console with the error, to tell pages apart. */
  name?: string
}

/**
 * The last line of defence of every page: an error thrown while rendering (a link no code
 * expected, a bad record) shows the error state with 重新加载 and 返回首页 instead of a white
 * screen that offers no way on. Pages still handle the errors they expect (not found,
 * network) themselves; this is for the ones they do not.
 */
export class PageErrorBoundary extends Component<Props, { failed: boolean }> {
  state = { failed: false }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }

  componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`[page] ${this.props.name ?? ''} render failed`, error, info.componentStack)
  }

  private retry = () => this.setState({ failed: false })

  render() {
    if (!this.state.failed) return this.props.children
    return (
      <View className='page-error'>
        <ErrorState title='页面出错了' error={PAGE_ERROR} onRetry={this.retry} onHome={goHome} />
      </View>
    )
  }
}

/** `export default withPageBoundary(SomePage)`: the page inside its error boundary. */
export function withPageBoundary<P extends object>(Page: ComponentType<P>): ComponentType<P> {
  const name = Page.displayName || Page.name || 'Page'
  function BoundedPage(props: P) {
    return (
      <PageErrorBoundary name={name}>
        <Page {...props} />
      </PageErrorBoundary>
    )
  }
  BoundedPage.displayName = `withPageBoundary(${name})`
  return BoundedPage
}
