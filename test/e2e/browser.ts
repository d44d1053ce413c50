import { spawn, type ChildProcess } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'

export const ROOT = path.resolve(__dirname, '../..')
export const RESULTS_DIR = path.join(ROOT, 'test-results')
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

export interface LocalServer {
  url: string
  dataDir: string
  /** Everything the server printed so far (stdout and stderr), e.g. the one-time staff link. */
  output(): string
  stop(): Promise<void>
}

/**
 * Starts `build/server.cjs` (what `npm start` runs) on a free port with a fresh data dir.
 * `env` adds to the server's environment (e.g. MOCK_DIR: a catalogue of the test's own).
 */
export async function startServer(env: Record<string, string> = {}): Promise<LocalServer> {
  const serverJs = path.join(ROOT, 'build/server.cjs')
  if (!existsSync(serverJs) || !existsSync(path.join(ROOT, 'dist-h5/index.html'))) {
    throw new Error(
      'H5 build or server bundle missing: run `npm run test:e2e` (it builds them) or `npm start` once',
    )
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'park-leads-e2e-'))
  const child: ChildProcess = spawn(process.execPath, [serverJs], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const m = output.match(/http:\/\/127\.0\.0\.1:(\d+)\//)
      if (m) {
        clearTimeout(timer)
        resolve(`http://127.0.0.1:${m[1]}`)
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)))
  })
  return {
    url,
    dataDir,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => {
          rmSync(dataDir, { recursive: true, force: true })
          resolve()
        })
        child.kill('SIGINT')
      }),
  }
}

export interface PhoneBrowser {
  context: BrowserContext
  page: Page
  /** tel:/sms:/mailto: navigations caught before they reach the OS (they freeze a headless tab). */
  externalNavigations(): Promise<string[]>
  pageErrors: string[]
  close(): Promise<void>
}

/** Debian Chromium at an iPhone SE-sized viewport (375×667), touch, zh-CN. */
export interface PhoneOptions {
  /**
   * Ignore the server's Content-Security-Policy. Only for tests of a defence that must hold on
   * its own (the sanitiser): the CSP would otherwise hide what it lets through.
   */
  bypassCSP?: boolean
}

export async function openPhone(options: PhoneOptions = {}): Promise<PhoneBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it with: apt-get install -y chromium fonts-noto-cjk`,
    )
  }
  mkdirSync(RESULTS_DIR, { recursive: true })
  const profile = mkdtempSync(path.join(tmpdir(), 'park-leads-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 375, height: 667 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    bypassCSP: options.bypassCSP ?? false,
  })
  await context.addInitScript(() => {
    const w = window as unknown as { __external: string[]; navigation?: EventTarget }
    w.__external = []
    w.navigation?.addEventListener('navigate', (event: Event) => {
      const e = event as Event & { destination: { url: string } }
      if (/^(tel|sms|mailto):/.test(e.destination.url)) {
        w.__external.push(e.destination.url)
        e.preventDefault()
      }
    })
  })
  const page = context.pages()[0] ?? (await context.newPage())
  const pageErrors: string[] = []
  page.on('pageerror', (err) => pageErrors.push(String(err)))
  return {
    context,
    page,
    pageErrors,
    externalNavigations: () =>
      page.evaluate(() => (window as unknown as { __external: string[] }).__external),
    close: async () => {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

export const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`), fullPage: false })

/** Polls until `read()` satisfies `accept`, or fails with the last value seen. */
export async function until<T>(
  read: () => Promise<T>,
  accept: (v: T) => boolean,
  timeoutMs = 5_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last = await read()
  while (!accept(last)) {
    if (Date.now() > deadline)
      throw new Error(`condition not met in ${timeoutMs} ms; last value: ${JSON.stringify(last)}`)
    await new Promise((r) => setTimeout(r, 100))
    last = await read()
  }
  return last
}

/** POST /api on the local server, as the app does: `{ action, payload }` → the JSON answer. */
export async function callApi<T = unknown>(
  serverUrl: string,
  action: string,
  payload: unknown,
): Promise<{ ok: boolean; data: T; error?: { code: string; message: string } }> {
  const res = await fetch(`${serverUrl}/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action, payload }),
  })
  return res.json()
}

/** Every console message of the page from now on, as "type: text" (warnings Taro H5 prints, etc.). */
export function recordConsole(page: Page): string[] {
  const messages: string[] = []
  page.on('console', (msg) => messages.push(`${msg.type()}: ${msg.text()}`))
  return messages
}

/**
 * A fresh document at `url`: goes through about:blank first, so a change of hash only is a
 * full load (and Taro's router starts over) rather than a same-document navigation.
 */
export async function openFresh(page: Page, url: string): Promise<void> {
  await page.goto('about:blank')
  await page.goto(url)
}

/**
 * Waits until Taro's H5 router has finished sliding pages in or out and no CSS transition
 * runs (toasts, action sheets): what a screenshot should show. Every page is either shown
 * and stationed or shaded (hidden under another); a page sliding away is neither.
 */
export async function settled(page: Page, timeoutMs = 5_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const pages = Array.from(document.querySelectorAll('.taro_page'))
      const still = pages.every(
        (p) =>
          p.classList.contains('taro_page_shade') ||
          (p.classList.contains('taro_page_show') && p.classList.contains('taro_page_stationed')),
      )
      const moving = document
        .getAnimations()
        .some((a) => a instanceof CSSTransition && a.playState === 'running')
      return pages.length > 0 && still && !moving
    },
    undefined,
    { timeout: timeoutMs, polling: 50 },
  )
}

/** What hostile content managed to do in a page: dialogs opened and requests to other hosts. */
export interface AttackWatch {
  dialogs: string[]
  /** Requests to any host but the local server (each aborted, so nothing leaves the machine). */
  outbound: string[]
  /** Values of window.__xss* flags that payloads set when they run. */
  flags(page: Page): Promise<Record<string, unknown>>
}

/** Watches a browser context for script that ran where only text should be. */
export async function watchForAttacks(context: BrowserContext, serverUrl: string): Promise<AttackWatch> {
  const origin = new URL(serverUrl).origin
  const watch: AttackWatch = {
    dialogs: [],
    outbound: [],
    flags: (page) =>
      page.evaluate(() =>
        Object.fromEntries(
          Object.keys(window)
            .filter((k) => k.startsWith('__xss'))
            .map((k) => [k, (window as unknown as Record<string, unknown>)[k]]),
        ),
      ),
  }
  await context.route('**/*', (route) => {
    const url = route.request().url()
    if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith(`${origin}/`)) {
      return route.continue()
    }
    // Only what reaches a host counts (a cloud:// file id is no request Chromium can make).
    if (/^(https?|wss?|ftp):/i.test(url)) watch.outbound.push(url)
    return route.abort()
  })
  const onPage = (page: Page) =>
    page.on('dialog', (dialog) => {
      watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`)
      void dialog.dismiss().catch(() => undefined)
    })
  context.pages().forEach(onPage)
  context.on('page', onPage)
  return watch
}

/**
 * A copy of mock/ (catalogue, agency, media) with changes of the test's own: pass the result
 * as MOCK_DIR to startServer. Removed with `rm -rf` by the caller (or left in tmp).
 */
export function mockCatalogue(change: {
  parks?: (parks: Record<string, unknown>[]) => Record<string, unknown>[]
  articles?: (articles: Record<string, unknown>[]) => Record<string, unknown>[]
}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'park-leads-mock-'))
  const src = path.join(ROOT, 'mock')
  cpSync(src, dir, { recursive: true })
  const edit = (file: string, fn?: (rows: Record<string, unknown>[]) => Record<string, unknown>[]) => {
    if (!fn) return
    const rows = JSON.parse(readFileSync(path.join(src, file), 'utf8')) as Record<string, unknown>[]
    writeFileSync(path.join(dir, file), JSON.stringify(fn(rows)))
  }
  edit('parks.json', change.parks)
  edit('articles.json', change.articles)
  return dir
}

/** What phoneOnLocalServer hands a test file; the fields are set once its beforeAll has run. */
export interface LocalSession {
  server: LocalServer
  phone: PhoneBrowser
  /** A second browser (another visitor), when asked for. */
  visitor: PhoneBrowser
}

/**
 * The usual e2e file setup: before the file's tests, a fresh local server (`env` as for
 * startServer: a temp DATA_DIR of its own) and a phone (and a second one with `visitor`); after
 * them, all closed and the data dir removed.
 */
export function phoneOnLocalServer(
  options: { env?: Record<string, string>; visitor?: boolean } = {},
): LocalSession {
  const session = {} as LocalSession
  beforeAll(async () => {
    session.server = await startServer(options.env)
    session.phone = await openPhone()
    if (options.visitor) session.visitor = await openPhone()
  }, 60_000)
  afterAll(async () => {
    await session.visitor?.close()
    await session.phone?.close()
    await session.server?.stop()
  })
  return session
}
