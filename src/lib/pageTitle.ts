import Taro from '@tarojs/taro'

/**
 * The one way to set a page's navigation-bar title from data or a URL (article title, park
 * name, a tag from a link). ESLint forbids calling Taro.setNavigationBarTitle anywhere else.
 *
 * Why: on H5, Taro 4's router (`@tarojs/router`, NavigationBarHandler.setTitle) writes the
 * title with `titleElement.innerHTML = title` and keeps that string in a per-page cache that it
 * writes again with innerHTML whenever the page is shown. A tag such as
 * `<img src=x onerror=…>` or `<base href=//elsewhere/>` in a link would run script or make the
 * app load its chunks from another host. So on H5 the title is HTML-escaped before it reaches
 * Taro: innerHTML then renders exactly the text, and the cached copy is escaped too. The
 * document's title (a text property, never parsed as HTML) is then set to the plain text.
 * The router falls back to document.title (through innerHTML) only for a page without
 * `navigationBarTitleText`: every page config has one (test/component/page-params.test.tsx).
 * weapp renders the title natively as text: it gets the plain string.
 *
 * The other Taro H5 APIs that show text were audited in @tarojs/taro-h5 4.2.1: showToast,
 * showLoading, showModal and showActionSheet write their title/content/items with textContent,
 * so dynamic text (server messages) is already plain there; re-check on a Taro upgrade.
 * showToast's `image` goes into a CSS url() unescaped: ESLint forbids toast images.
 */
export function escapeHtmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** One line: control characters (a newline from data) never help a title. */
function plainTitle(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim()
}

export async function setPageTitle(text: string): Promise<void> {
  const title = plainTitle(text)
  if (!title) return
  try {
    if (process.env.TARO_ENV === 'h5') {
      await Taro.setNavigationBarTitle({ title: escapeHtmlText(title) })
      if (typeof document !== 'undefined') document.title = title
    } else {
      await Taro.setNavigationBarTitle({ title })
    }
  } catch {
    // A title is decoration: a page whose title could not be set still works.
  }
}
