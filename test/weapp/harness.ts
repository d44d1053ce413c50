/**
 * Runs the BUILT weapp output (dist/) inside miniprogram-simulate, with the official `wcc`
 * template compiler, so the test exercises exactly what WeChat would load: Taro's runtime,
 * the compiled React pages, base.wxml and the `comp` recursion component.
 *
 *   const h = await setupWeapp()            // once per test file: stubs, app.js, onLaunch
 *   h.respond({ 'articles.list': (p) => ok(...) })
 *   const page = await h.loadPage('pages/index/index', { id: 'a-1' })
 *   await h.tapBy('.article-card')         // or page.tap(...)
 *   await page.trigger('.my-input', 'input', { value: 'abc' })   // Input/Textarea events
 *   h.stats()                               // setData calls and JSON bytes since resetStats()
 *
 * What is stubbed:
 * - `wx`: every API name the simulate library knows becomes a jest.fn. The ones this app and
 *   Taro's runtime use have realistic behaviour (success callbacks, sync return values); any
 *   other API the app calls is recorded in `unexpected()` and its `fail` callback fires, so a
 *   new, unstubbed platform call shows up instead of silently "working". Reads of `wx.<name>`
 *   that is not an API at all are recorded there too.
 * - `wx.cloud.callFunction`: answers through a per-test responder (`respond` / `setResponder`).
 * - globals `App`, `getApp`, `getCurrentPages`, `Page` (mapped onto simulate's `Component`, with
 *   onLoad(query)/onShow/onReady driven from the component lifetimes, like WeChat does).
 *
 * setData instrumentation: every component instance (pages, `comp`, custom-wrapper) has its
 * setData wrapped; each call is recorded with the owner and JSON byte size (UTF-8).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, dirname, resolve as resolvePath, relative } from 'node:path'
import { Buffer } from 'node:buffer'

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-var-requires */

export const ROOT = resolvePath(__dirname, '../..')
/** The weapp build under test; WEAPP_DIST points elsewhere (e.g. to compare two builds). */
export const DIST = process.env.WEAPP_DIST ? resolvePath(process.env.WEAPP_DIST) : join(ROOT, 'dist')

// ---------------------------------------------------------------------------------------------
// Types

export type CloudResponder = (name: string, data: any) => unknown | Promise<unknown>

export interface SetDataEntry {
  /** Page route (`pages/index/index`) or component path (`comp`) that called setData. */
  owner: string
  /** Number of top-level keys (Taro sends one key per changed path). */
  keys: number
  /** UTF-8 bytes of JSON.stringify(data): what crosses the logic→render thread bridge. */
  bytes: number
  /** performance.now() when the app called setData (to time a render from its trigger). */
  at: number
  /** ms spent inside the call: miniprogram-simulate's template render and diff of this update. */
  ms: number
  data?: Record<string, unknown>
}

export interface SetDataStats {
  calls: number
  bytes: number
  maxBytes: number
  /** Per owner (page route / component path). */
  byOwner: Record<string, { calls: number; bytes: number }>
  entries: SetDataEntry[]
}

export interface UnexpectedWx {
  kind: 'call' | 'missing'
  name: string
  args?: unknown[]
}

export interface PageHandle {
  /** Route without leading slash, e.g. `pages/index/index`. */
  route: string
  query: Record<string, string>
  /** The miniprogram-simulate (j-component) root component. */
  comp: any
  /** The page instance (`this` of the Page methods: onLoad, onReachBottom, eh …). */
  instance: any
  /** Rendered HTML of the page (`comp.dom.innerHTML`). */
  html(): string
  /** Visible text of the page, whitespace collapsed. */
  text(): string
  /**
   * The page's render data as JSON (Taro's tree: `root.cn…`). Holds what the render layer
   * receives but simulate does not draw, e.g. a rich-text `nodes` string or an image `src`.
   */
  dataJson(): string
  /** j-component nodes (incl. inside `comp` shadow roots) matching a selector. */
  queryAll(selector: string): any[]
  /** Dispatch `tap` on the first node matching the selector, then flush. */
  tap(selector: string, index?: number): Promise<void>
  /**
   * Dispatch a component event with its `detail` on the first (or index-th) match, then flush:
   * e.g. `trigger('.my-input', 'input', { value: 'abc' })` or `'blur'` / `'confirm'` / `'change'`,
   * as the native Input, Textarea, Picker … would send it to Taro's event handler.
   */
  trigger(
    selector: string,
    eventName: string,
    detail?: Record<string, unknown>,
    index?: number,
  ): Promise<void>
  reachBottom(): Promise<void>
  pullDownRefresh(): Promise<void>
  unload(): Promise<void>
}

export type WxStub = Record<string, any> & {
  cloud: {
    init: jest.Mock
    callFunction: jest.Mock
    DYNAMIC_CURRENT_ENV: symbol
  }
}

/** One call on a fake canvas's 2D context (`set font` etc. for assignments). */
export type CanvasCall = [string, ...unknown[]]

/**
 * A `<Canvas type="2d">` node as `createSelectorQuery().fields({ node: true })` hands it over:
 * its 2D context records every call; `measureText` counts a CJK character or full-width mark as
 * one em and anything else as 0.55 em of the font's size. `createImage()` images load (640×360)
 * unless their src contains "broken", then they fail.
 */
export interface FakeCanvas {
  id: string
  width: number
  height: number
  calls: CanvasCall[]
  /** src of every image created on this canvas, in order. */
  imageSources: string[]
  getContext(type: string): unknown
  createImage(): unknown
}

export interface WeappHarness {
  wx: WxStub
  /** The fake canvas nodes handed out by createSelectorQuery, by element id. */
  canvases: Map<string, FakeCanvas>
  dist: string
  loadPage(route: string, query?: Record<string, string>): Promise<PageHandle>
  /** Wait until Taro's batched updates, pending wx callbacks and setData have settled. */
  flush(timeoutMs?: number): Promise<void>
  /** Tap the first match in the top-most page. */
  tapBy(selector: string, index?: number): Promise<void>
  currentPage(): PageHandle | undefined
  stats(filter?: (e: SetDataEntry) => boolean): SetDataStats
  resetStats(): void
  /** Keep the data of each setData call in stats().entries (off by default). */
  keepSetDataPayloads(on: boolean): void
  setResponder(fn: CloudResponder): void
  /** Delay every cloud answer by this many ms (0 by default), like a real network round trip. */
  setLatency(ms: number): void
  /** Back to "no responder": any callFunction is then reported by assertNoUnexpected(). */
  resetResponder(): void
  /** Responder by action name of the `api` function; an unknown action is an error. */
  respond(handlers: Record<string, (payload: any, data: any) => unknown>): void
  /** callFunction calls so far as `{ name, data }` (cleared by jest's clearMocks). */
  cloudCalls(): Array<{ name: string; data: any }>
  unexpected(): UnexpectedWx[]
  clearUnexpected(): void
  /** Throws with the list when the app touched a wx API the harness does not stub. */
  assertNoUnexpected(): void
  /** Unload every open page (onUnload + detach). */
  closeAll(): Promise<void>
  /** The app sent to the background (App onHide), then settled. */
  hideApp(): Promise<void>
  /** The app brought back (App onShow) with these launch options, then settled. */
  showApp(options: LaunchOptions): Promise<void>
}

/** What WeChat hands App onLaunch / onShow. */
export interface LaunchOptions {
  path: string
  query: Record<string, string>
  scene: number
  referrerInfo?: Record<string, unknown>
}

/** The default launch: the home page from the recent list (scene 1001), no query. */
export const DEFAULT_LAUNCH: LaunchOptions = {
  path: 'pages/index/index',
  query: {},
  scene: 1001,
  referrerInfo: {},
}

// ---------------------------------------------------------------------------------------------
// Small utilities

/** The app's native custom components, whose shadow trees queryAll enters. */
const NATIVE_HOSTS = ['park-card']

const jsonBytes = (data: unknown) => Buffer.byteLength(JSON.stringify(data) ?? '', 'utf8')

const macrotask = () => new Promise<void>((r) => setTimeout(r, 0))

function checkDist(): void {
  const needed = ['app.js', 'app.json', 'base.wxml', 'pages/index/index.js']
  const missing = needed.filter((f) => !existsSync(join(DIST, f)))
  if (missing.length) {
    throw new Error(
      `weapp build missing: ${missing.map((f) => join(DIST, f)).join(', ')} not found.\n` +
        'These tests run the BUILT mini program: run `npm run build:weapp` ' +
        '(or `npx taro build --type weapp`) first.',
    )
  }
}

/** Names the harness gives real behaviour. Everything else on `wx` is "unexpected". */
const ASYNC_OK: Record<string, (opts: any) => Record<string, unknown>> = {
  makePhoneCall: () => ({}),
  setClipboardData: () => ({}),
  getClipboardData: () => ({ data: '' }),
  showToast: () => ({}),
  hideToast: () => ({}),
  showLoading: () => ({}),
  hideLoading: () => ({}),
  showModal: () => ({ confirm: true, cancel: false }),
  showActionSheet: () => ({ tapIndex: 0 }),
  previewImage: () => ({}),
  openLocation: () => ({}),
  navigateTo: () => ({ eventChannel: {} }),
  redirectTo: () => ({}),
  navigateBack: () => ({}),
  reLaunch: () => ({}),
  switchTab: () => ({}),
  setNavigationBarTitle: () => ({}),
  setNavigationBarColor: () => ({}),
  showNavigationBarLoading: () => ({}),
  hideNavigationBarLoading: () => ({}),
  startPullDownRefresh: () => ({}),
  stopPullDownRefresh: () => ({}),
  pageScrollTo: () => ({}),
  showShareMenu: () => ({}),
  addPhoneContact: () => ({}),
  // The lead export: the cloud-storage link downloads to a temp file, which openDocument shows.
  downloadFile: () => ({ tempFilePath: 'http://tmp/export.xlsx', statusCode: 200 }),
  openDocument: () => ({}),
  // Posters and codes (issue 9): the canvas as a file, the album, WeChat's image share sheet.
  canvasToTempFilePath: () => ({ tempFilePath: 'http://tmp/poster.png' }),
  saveImageToPhotosAlbum: () => ({}),
  showShareImageMenu: () => ({}),
  openSetting: () => ({ authSetting: { 'scope.writePhotosAlbum': true } }),
  getNetworkType: () => ({ networkType: 'wifi' }),
  getSystemInfo: () => ({ ...SYSTEM_INFO }),
  getSystemInfoAsync: () => ({ ...SYSTEM_INFO }),
  getPrivacySetting: () => ({ needAuthorization: false, privacyContractName: '' }),
  requirePrivacyAuthorize: () => ({}),
}

const SYSTEM_INFO = {
  brand: 'devtools',
  model: 'iPhone 12/13 (Pro)',
  pixelRatio: 3,
  screenWidth: 390,
  screenHeight: 844,
  windowWidth: 390,
  windowHeight: 753,
  statusBarHeight: 47,
  language: 'zh_CN',
  version: '8.0.50',
  system: 'iOS 17.0',
  platform: 'devtools',
  SDKVersion: '3.5.0',
  safeArea: { left: 0, right: 390, top: 47, bottom: 810, width: 390, height: 763 },
  theme: 'light',
}

/** Property reads that are not API calls and are expected (webpack, jest, promise checks …). */
const IGNORED_READS = new Set([
  'webpackJsonp',
  'then',
  'toJSON',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'constructor',
  'tagName',
  '_isMockFunction',
  '@@__IMMUTABLE_ITERABLE__@@',
  '@@__IMMUTABLE_RECORD__@@',
])

// ---------------------------------------------------------------------------------------------
// The harness

let singleton: Promise<WeappHarness> | undefined

/**
 * Set up once per test file (jest gives every file its own module registry and globals).
 * `launch`: how WeChat opened the app (default DEFAULT_LAUNCH), e.g. a scanned code's scene 1047.
 */
export function setupWeapp(launch: LaunchOptions = DEFAULT_LAUNCH): Promise<WeappHarness> {
  if (!singleton) singleton = Promise.resolve().then(() => create(launch))
  return singleton
}

function create(launch: LaunchOptions): WeappHarness {
  checkDist()
  const g = globalThis as any

  // miniprogram-simulate registers `Component`, `Behavior` and its own `wx` mock on require.
  const simulate = require('miniprogram-simulate')
  const simUtils = require('miniprogram-simulate/src/utils')
  const simComponent = g.Component as (options: any) => void
  const apiNames = Object.keys(g.wx).filter((k) => typeof g.wx[k] === 'function')

  // ---- unexpected-use log -------------------------------------------------------------------
  let unexpected: UnexpectedWx[] = []

  // ---- pending async work (wx callbacks, cloud calls): flush() waits for it -------------------
  let pending = 0
  const track = <T>(p: Promise<T>): Promise<T> => {
    pending++
    return p.finally(() => {
      pending--
    })
  }

  // ---- wx stub ------------------------------------------------------------------------------
  const target: Record<string, any> = {}

  const unexpectedApi = (name: string) =>
    jest.fn((...args: any[]) => {
      unexpected.push({ kind: 'call', name, args })
      const opts = args[0]
      if (opts && typeof opts === 'object') {
        const res = { errMsg: `${name}:fail not stubbed by test/weapp/harness.ts` }
        void track(
          Promise.resolve().then(() => {
            opts.fail?.(res)
            opts.complete?.(res)
          }),
        )
      }
      return undefined
    })
  for (const name of apiNames) target[name] = unexpectedApi(name)

  const asyncOk = (name: string, result: (opts: any) => Record<string, unknown>) =>
    jest.fn((opts: any = {}) => {
      const res = { errMsg: `${name}:ok`, ...result(opts) }
      void track(
        Promise.resolve().then(() => {
          opts.success?.(res)
          opts.complete?.(res)
        }),
      )
      return undefined
    })
  for (const [name, result] of Object.entries(ASYNC_OK)) target[name] = asyncOk(name, result)

  // ---- canvas nodes (posters): createSelectorQuery resolves ids of the top page only -----------
  const canvases = new Map<string, FakeCanvas>()
  const fakeMeasure = (text: string, font: string) => {
    const size = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 10)
    return Array.from(text).reduce((w, c) => w + (/[\u0020-\u007e²³]/.test(c) ? 0.55 : 1), 0) * size
  }
  const makeCanvas = (id: string): FakeCanvas => {
    const calls: CanvasCall[] = []
    const imageSources: string[] = []
    const state: Record<string, unknown> = {
      font: '10px sans-serif',
      fillStyle: '#000',
      textBaseline: 'alphabetic',
      textAlign: 'start',
    }
    const ctx = new Proxy(state, {
      get(t, key) {
        if (typeof key !== 'string') return undefined
        if (key in t) return t[key]
        if (key === 'measureText') return (text: string) => ({ width: fakeMeasure(text, String(t.font)) })
        return (...args: unknown[]) => void calls.push([key, ...args])
      },
      set(t, key, value) {
        t[key as string] = value
        calls.push([`set ${String(key)}`, value])
        return true
      },
    })
    return {
      id,
      width: 300,
      height: 150,
      calls,
      imageSources,
      getContext: (type: string) => (type === '2d' ? ctx : null),
      createImage: () => {
        const img: Record<string, any> = { width: 0, height: 0, onload: null, onerror: null }
        Object.defineProperty(img, 'src', {
          get: () => img._src,
          set: (value: string) => {
            img._src = value
            imageSources.push(value)
            void track(
              new Promise<void>((r) => setTimeout(r, 1)).then(() => {
                if (/broken/.test(value)) return img.onerror?.({ errMsg: 'load fail' })
                img.width = 640
                img.height = 360
                img.onload?.()
              }),
            )
          },
        })
        return img
      },
    }
  }
  const createSelectorQuery = () => {
    const asked: Array<{ selector: string; fields: Record<string, unknown> }> = []
    const query = {
      in: () => query,
      select: (selector: string) => ({
        fields: (fields: Record<string, unknown>) => {
          asked.push({ selector, fields })
          return query
        },
        boundingClientRect: () => query,
      }),
      selectViewport: () => ({ scrollOffset: () => query, boundingClientRect: () => query }),
      exec: (cb?: (res: unknown[]) => void) => {
        const top = handles[handles.length - 1]
        const res = asked.map(({ selector }) => {
          const id = selector.replace(/^#/, '')
          // Only a node the page really rendered with that id (not any selector) is found.
          if (!selector.startsWith('#') || !top || top.queryAll(selector).length === 0) return null
          if (!canvases.has(id)) canvases.set(id, makeCanvas(id))
          return { node: canvases.get(id), width: 320, height: 604 }
        })
        void track(Promise.resolve().then(() => cb?.(res)))
      },
    }
    return query
  }

  // Synchronous APIs Taro's runtime (or the app) may read.
  const storage = new Map<string, unknown>()
  Object.assign(target, {
    createSelectorQuery: jest.fn(createSelectorQuery),
    env: { USER_DATA_PATH: 'http://usr' },
    canIUse: jest.fn(() => true),
    getSystemInfoSync: jest.fn(() => ({ ...SYSTEM_INFO })),
    getWindowInfo: jest.fn(() => ({
      pixelRatio: 3,
      screenWidth: 390,
      screenHeight: 844,
      windowWidth: 390,
      windowHeight: 753,
      statusBarHeight: 47,
      safeArea: SYSTEM_INFO.safeArea,
    })),
    getDeviceInfo: jest.fn(() => ({
      brand: 'devtools',
      model: SYSTEM_INFO.model,
      platform: 'devtools',
      system: 'iOS 17.0',
    })),
    getAppBaseInfo: jest.fn(() => ({
      SDKVersion: '3.5.0',
      language: 'zh_CN',
      version: '8.0.50',
      theme: 'light',
    })),
    getLaunchOptionsSync: jest.fn(() => ({ path: 'pages/index/index', query: {}, scene: 1001 })),
    getEnterOptionsSync: jest.fn(() => ({ path: 'pages/index/index', query: {}, scene: 1001 })),
    getMenuButtonBoundingClientRect: jest.fn(() => ({
      width: 87,
      height: 32,
      top: 51,
      right: 380,
      bottom: 83,
      left: 293,
    })),
    // In-memory storage, emptied with each new harness (i.e. per test file).
    getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
    setStorageSync: jest.fn((key: string, value: unknown) => void storage.set(key, value)),
    removeStorageSync: jest.fn((key: string) => void storage.delete(key)),
    clearStorageSync: jest.fn(() => storage.clear()),
    nextTick: jest.fn((fn: () => void) => void track(Promise.resolve().then(fn))),
    reportAnalytics: jest.fn(),
    onAppRoute: jest.fn(),
    onAppShow: jest.fn(),
    onAppHide: jest.fn(),
    onError: jest.fn(),
    onUnhandledRejection: jest.fn(),
    onNeedPrivacyAuthorization: jest.fn(),
    onNetworkStatusChange: jest.fn(),
    offNetworkStatusChange: jest.fn(),
  })

  let latencyMs = 0
  const delay = () => (latencyMs > 0 ? new Promise<void>((r) => setTimeout(r, latencyMs)) : Promise.resolve())

  /** The app turns a failed call into an error view, so record the cause where tests see it. */
  const unanswered = (name: string, data: unknown, why: string): never => {
    unexpected.push({ kind: 'call', name: `cloud.callFunction → ${why}`, args: [{ name, data }] })
    throw new Error(`${why}: ${JSON.stringify({ name, data })}`)
  }

  const noResponder: CloudResponder = (name, data) =>
    unanswered(name, data, 'no responder (call h.respond({...}) or h.setResponder(fn) in the test)')
  let responder = noResponder
  const cloud = {
    DYNAMIC_CURRENT_ENV: Symbol('DYNAMIC_CURRENT_ENV'),
    init: jest.fn(),
    callFunction: jest.fn((opts: any = {}) => {
      const { name, data } = opts
      const p = track(
        delay()
          .then(() => responder(name, data))
          .then((result) => ({ result, errMsg: 'cloud.callFunction:ok', requestID: 'test' })),
      )
      if (opts.success || opts.fail || opts.complete) {
        p.then(
          (res) => {
            opts.success?.(res)
            opts.complete?.(res)
          },
          (err) => {
            opts.fail?.(err)
            opts.complete?.(err)
          },
        )
        return undefined
      }
      return p
    }),
  }
  target.cloud = cloud

  const wx = new Proxy(target, {
    get(t, key, receiver) {
      if (typeof key === 'string' && !(key in t) && !IGNORED_READS.has(key)) {
        unexpected.push({ kind: 'missing', name: key })
      }
      return Reflect.get(t, key, receiver)
    },
  }) as WxStub
  g.wx = wx

  // ---- setData instrumentation -----------------------------------------------------------------
  let entries: SetDataEntry[] = []
  let keepPayloads = false
  let setDataCount = 0 // never reset: flush() watches it

  const instrument = (inst: any, owner: () => string) => {
    if (inst.__harnessInstrumented) return
    const original = inst.setData
    if (typeof original !== 'function') return
    inst.__harnessInstrumented = true
    inst.setData = function (data: Record<string, unknown>, cb?: () => void) {
      setDataCount++
      const entry: SetDataEntry = {
        owner: owner(),
        keys: Object.keys(data || {}).length,
        bytes: jsonBytes(data),
        at: performance.now(),
        ms: 0,
      }
      if (keepPayloads) entry.data = data
      entries.push(entry)
      try {
        return original.call(this, data, cb ? () => void track(Promise.resolve().then(cb)) : undefined)
      } finally {
        entry.ms = performance.now() - entry.at
      }
    }
  }

  // ---- Component / Page constructors ------------------------------------------------------------
  /** Definitions by file path, so a later simulate.load of the same file can re-register it. */
  const definitions = new Map<string, any>()
  let runningFile: string | null = null

  const wrapComponentOptions = (options: any, owner: string) => {
    const lifetimes = { ...(options.lifetimes || {}) }
    const created = lifetimes.created || options.created
    lifetimes.created = function (this: any, ...args: any[]) {
      instrument(this, () => owner)
      return created?.apply(this, args)
    }
    return { ...options, lifetimes }
  }

  g.Component = (options: any) => {
    const owner = runningFile ? relative(DIST, runningFile) : String(options?.is || 'component')
    const def = wrapComponentOptions(options, owner)
    if (runningFile) definitions.set(runningFile, def)
    return simComponent(def)
  }

  // Pages: WeChat instantiates them with a query; here the harness sets it before render.
  let nextPage: { route: string; query: Record<string, string> } | null = null
  const stack: any[] = []

  g.Page = (cfg: any) => {
    const methods: Record<string, any> = {}
    for (const key of Object.keys(cfg)) if (typeof cfg[key] === 'function') methods[key] = cfg[key]
    const def = {
      data: cfg.data,
      options: cfg.options,
      behaviors: cfg.behaviors,
      methods,
      lifetimes: {
        created(this: any) {
          const spec = nextPage ?? { route: 'unknown', query: {} }
          this.route = spec.route
          this.__route__ = spec.route
          this.options = spec.query
          instrument(this, () => this.route)
        },
        attached(this: any) {
          stack.push(this)
          this.onLoad?.({ ...this.options })
          this.onShow?.()
        },
        ready(this: any) {
          this.onReady?.()
        },
        detached(this: any) {
          const i = stack.indexOf(this)
          if (i >= 0) stack.splice(i, 1)
        },
      },
    }
    if (runningFile) definitions.set(runningFile, def)
    return simComponent(def)
  }

  let appInstance: any = null
  g.App = (cfg: any) => {
    appInstance = cfg
  }
  g.getApp = () => appInstance
  g.getCurrentPages = () => [...stack]

  // ---- loading dist JS ----------------------------------------------------------------------------
  const moduleCache = new Map<string, any>()
  const runFile = (file: string): any => {
    const source = readFileSync(file, 'utf8')
    const module = { exports: {} as any }
    const localRequire = (request: string) => {
      if (!request.startsWith('.'))
        throw new Error(`${relative(DIST, file)} requires "${request}": not in dist`)
      let abs = join(dirname(file), request)
      if (!abs.endsWith('.js')) abs += '.js'
      if (!moduleCache.has(abs)) {
        moduleCache.set(abs, {})
        moduleCache.set(abs, runFile(abs))
      }
      return moduleCache.get(abs)
    }
    // Evaluated in the test realm (jsdom window as global), like WeChat's app service.
    // eslint-disable-next-line no-new-func
    const fn = new Function('require', 'module', 'exports', `${source}\n//# sourceURL=${file}`)
    fn.call(undefined, localRequire, module, module.exports)
    return module.exports
  }

  // simulate.load runs each component's JS through utils.runJs; route it through runFile and
  // re-register a definition whose webpack module already ran (e.g. `comp` for a second page).
  simUtils.runJs = (filePath: string) => {
    const abs = resolvePath(filePath)
    const known = definitions.get(abs)
    if (known) return simComponent(known)
    const previous = runningFile
    runningFile = abs
    try {
      runFile(`${abs}.js`)
    } finally {
      runningFile = previous
    }
    if (!definitions.has(abs)) {
      throw new Error(`${relative(DIST, abs)}.js ran but called neither Page() nor Component()`)
    }
  }

  runFile(join(DIST, 'app.js'))
  if (!appInstance) throw new Error('dist/app.js did not call App()')
  g.wx.getLaunchOptionsSync.mockImplementation(() => launch)
  g.wx.getEnterOptionsSync.mockImplementation(() => launch)
  appInstance.onLaunch?.call(appInstance, launch)
  appInstance.onShow?.call(appInstance, launch)

  // ---- pages -----------------------------------------------------------------------------------------
  const componentIds = new Map<string, string>()
  const handles: PageHandle[] = []

  /**
   * Settled = no pending wx callback or cloud answer, and no new setData or callFunction
   * for three macrotasks in a row (React schedules with timers, Taro batches setData in a
   * promise and its nextTick uses a 1 ms timer).
   */
  const flush = async (timeoutMs = 5000) => {
    const deadline = Date.now() + timeoutMs
    let quiet = 0
    let last = ''
    while (quiet < 3) {
      if (Date.now() > deadline) {
        throw new Error(
          `flush: not settled after ${timeoutMs} ms (${pending} wx callbacks/cloud answers pending)`,
        )
      }
      await macrotask()
      const now = `${setDataCount}/${pending}/${cloud.callFunction.mock.calls.length}`
      if (pending === 0 && now === last) quiet++
      else quiet = 0
      last = now
    }
  }

  /**
   * Depth-first over the j-component tree, entering `comp` shadow roots and those of the app's
   * own native components (NATIVE_HOSTS). simulate's selectors match no tag names, so a native
   * host is found in the DOM and reached by its id (Taro gives it `id="{{sid}}"`).
   */
  const queryAll = (root: any, selector: string): any[] => {
    const out: any[] = []
    const visit = (c: any) => {
      for (const n of c.querySelectorAll(selector) || []) out.push(n)
      for (const inner of c.querySelectorAll('comp') || []) visit(inner)
      for (const el of c.dom?.querySelectorAll(NATIVE_HOSTS.join(',')) ?? []) {
        const sid = el.getAttribute('data-sid')
        // Not found from here when the host lies inside a nested `comp`: that visit finds it.
        const inner = sid ? c.querySelector(`#${sid}`) : null
        if (inner) visit(inner)
      }
    }
    visit(root)
    return out
  }

  const loadPage = async (route: string, query: Record<string, string> = {}): Promise<PageHandle> => {
    const clean = route.replace(/^\//, '')
    if (!existsSync(join(DIST, `${clean}.json`))) {
      throw new Error(`page ${clean} is not in ${DIST} (is it in app.json and built?)`)
    }
    let id = componentIds.get(clean)
    if (!id) {
      id = simulate.load(join(DIST, clean), { rootPath: DIST }) as string
      componentIds.set(clean, id)
    }
    nextPage = { route: clean, query }
    const comp = simulate.render(id)
    const host = document.createElement('page-host')
    document.body.appendChild(host)
    comp.attach(host)
    nextPage = null
    const instance = comp.instance
    const handle: PageHandle = {
      route: clean,
      query,
      comp,
      instance,
      html: () => comp.dom.innerHTML,
      text: () => (comp.dom.textContent || '').replace(/\s+/g, ' ').trim(),
      dataJson: () => JSON.stringify(instance.data),
      queryAll: (selector) => queryAll(comp, selector),
      tap: async (selector, index = 0) => {
        const found = queryAll(comp, selector)
        const node = found[index]
        if (!node) {
          throw new Error(
            `tap: no node #${index} for "${selector}" on ${clean} (found ${found.length}). ` +
              `Page text: ${handle.text().slice(0, 300)}`,
          )
        }
        node.dispatchEvent('tap')
        await flush()
      },
      trigger: async (selector, eventName, detail = {}, index = 0) => {
        const found = queryAll(comp, selector)
        const node = found[index]
        if (!node) {
          throw new Error(
            `trigger ${eventName}: no node #${index} for "${selector}" on ${clean} (found ${found.length}). ` +
              `Page text: ${handle.text().slice(0, 300)}`,
          )
        }
        node.dispatchEvent(eventName, { detail })
        await flush()
      },
      reachBottom: async () => {
        instance.onReachBottom?.()
        await flush()
      },
      pullDownRefresh: async () => {
        instance.onPullDownRefresh?.()
        await flush()
      },
      unload: async () => {
        const i = handles.indexOf(handle)
        if (i < 0) return
        handles.splice(i, 1)
        instance.onUnload?.()
        comp.detach()
        host.remove()
        await flush()
      },
    }
    handles.push(handle)
    await flush()
    return handle
  }

  const stats = (filter?: (e: SetDataEntry) => boolean): SetDataStats => {
    const list = filter ? entries.filter(filter) : entries
    const byOwner: SetDataStats['byOwner'] = {}
    for (const e of list) {
      const o = (byOwner[e.owner] ??= { calls: 0, bytes: 0 })
      o.calls++
      o.bytes += e.bytes
    }
    return {
      calls: list.length,
      bytes: list.reduce((s, e) => s + e.bytes, 0),
      maxBytes: list.reduce((m, e) => Math.max(m, e.bytes), 0),
      byOwner,
      entries: [...list],
    }
  }

  const harness: WeappHarness = {
    wx,
    canvases,
    dist: DIST,
    loadPage,
    flush,
    tapBy: async (selector, index) => {
      const top = handles[handles.length - 1]
      if (!top) throw new Error('tapBy: no page loaded')
      await top.tap(selector, index)
    },
    currentPage: () => handles[handles.length - 1],
    stats,
    resetStats: () => {
      entries = []
    },
    keepSetDataPayloads: (on) => {
      keepPayloads = on
    },
    setResponder: (fn) => {
      responder = fn
    },
    setLatency: (ms) => {
      latencyMs = ms
    },
    resetResponder: () => {
      responder = noResponder
    },
    respond: (handlers) => {
      responder = (name, data) => {
        if (name !== 'api') return unanswered(name, data, `unexpected cloud function "${name}"`)
        const handler = handlers[data?.action]
        if (!handler) return unanswered(name, data, `no test handler for action "${data?.action}"`)
        return handler(data.payload, data)
      }
    },
    cloudCalls: () => cloud.callFunction.mock.calls.map(([o]: any[]) => ({ name: o?.name, data: o?.data })),
    unexpected: () => [...unexpected],
    clearUnexpected: () => {
      unexpected = []
    },
    assertNoUnexpected: () => {
      if (unexpected.length) {
        const lines = unexpected.map((u) =>
          u.kind === 'call' ? `wx.${u.name}(${safeJson(u.args)})` : `read of wx.${u.name} (not stubbed)`,
        )
        throw new Error(`the app touched wx APIs the harness does not stub:\n  ${lines.join('\n  ')}`)
      }
    },
    closeAll: async () => {
      for (const handle of [...handles].reverse()) await handle.unload()
    },
    hideApp: async () => {
      appInstance.onHide?.call(appInstance)
      await flush()
    },
    showApp: async (options) => {
      appInstance.onShow?.call(appInstance, options)
      await flush()
    },
  }
  return harness
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v, (_k, x) => (typeof x === 'function' ? '[fn]' : x))
  } catch {
    return String(v)
  }
}

/**
 * Jest wiring for a test file: builds the harness before all tests; before each test clears
 * the unexpected-wx log, setData stats and latency; after each test unloads open pages and
 * fails the test if the app touched a wx API the harness does not stub.
 * Returns a handle whose members are usable inside tests and hooks (not at module level).
 */
export function weappSuite(launch?: LaunchOptions): WeappHarness {
  let h: WeappHarness | undefined
  beforeAll(async () => {
    h = await setupWeapp(launch)
  })
  beforeEach(() => {
    if (!h) return // setup failed: its error is what the test reports
    h.clearUnexpected()
    h.resetStats()
    h.setLatency(0)
    h.resetResponder()
  })
  afterEach(async () => {
    if (!h) return
    await h.closeAll()
    h.assertNoUnexpected()
  })
  return new Proxy({} as WeappHarness, {
    get(_t, key: string) {
      if (!h) throw new Error(`weapp harness not ready: use "${key}" inside a test or hook`)
      return (h as any)[key]
    },
  })
}
