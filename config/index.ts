import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import path from 'node:path'
import zlib from 'node:zlib'
import CompressionPlugin from 'compression-webpack-plugin'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import webpack, { type Compiler } from 'webpack'
import devConfig from './dev'
import prodConfig from './prod'

/** src/lib/h5-interaction.ts: Taro's toast / modal / action sheet, loaded on first use (H5). */
const LAZY_INTERACTION = path.resolve(__dirname, '../src/lib/h5-interaction.ts')

/** Where src/index.html's early script finds the chunks of each page route (see below). */
const ROUTE_CHUNKS_MARKER = /\/\*ROUTE_CHUNKS\*\/\s*\{\}/

/**
 * H5: writes `{ "/pages/index/index": ["js/…", "css/…"], … }` (each page's own chunks) into
 * index.html, so its early script can preload the opened page's chunks with the HTML's own
 * scripts instead of after app.js has run and asked the router for them.
 */
class RouteChunksPlugin {
  apply(compiler: Compiler) {
    compiler.hooks.thisCompilation.tap('RouteChunksPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        // After html-webpack-plugin has emitted index.html (OPTIMIZE_INLINE).
        { name: 'RouteChunksPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const html = compilation.getAsset('index.html')
          if (!html) return
          const routes: Record<string, string[]> = {}
          for (const group of compilation.chunkGroups) {
            if (group.isInitial()) continue
            const request = group.origins
              .map((o) => o.request)
              .find((r) => /^\.\/(pages|packages)\//.test(r ?? ''))
            if (!request) continue
            routes[request.slice(1)] = group.chunks
              .flatMap((c) => [...c.files])
              .filter((f) => /\.(js|css)$/.test(f))
          }
          const source = html.source.source().toString()
          if (!ROUTE_CHUNKS_MARKER.test(source))
            throw new Error('src/index.html lost its /*ROUTE_CHUNKS*/ {} marker')
          compilation.updateAsset(
            'index.html',
            new webpack.sources.RawSource(source.replace(ROUTE_CHUNKS_MARKER, JSON.stringify(routes))),
          )
        },
      )
    })
  }
}

/**
 * Build-time settings come from the environment so one source tree serves every target:
 * - TARO_APP_ID           mini program appid (default: the tourist appid)
 * - TARO_APP_CLOUD_ENV    CloudBase environment id used by Taro.cloud.init (default: the current env)
 * - TARO_APP_API_BASE     H5 only: base URL of the local api server (default: same origin)
 * - TARO_APP_MEDIA_BASE   prefix for relative media paths (default: same origin in H5)
 */
export default defineConfig<'webpack5'>(async (merge) => {
  const isH5 = process.env.TARO_ENV === 'h5'
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'park-leads',
    date: '2026-11-26',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // weapp and H5 builds live side by side: dist/ is what WeChat DevTools opens.
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    plugins: [],
    defineConstants: {},
    env: {
      TARO_APP_CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
      TARO_APP_API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE ?? ''),
      TARO_APP_MEDIA_BASE: JSON.stringify(process.env.TARO_APP_MEDIA_BASE ?? ''),
    },
    // Taro does not copy sitemap.json itself; WeChat reads it from the package root (app.json
    // sitemapLocation). The H5 build has no use for it. Rules match top down: the allowed pages,
    // then `*` disallows everything else (staff, inquiry, 我的, and pages added later); kept
    // short because it counts against the main package.
    copy: {
      patterns: isH5 ? [] : [{ from: 'src/sitemap.json', to: 'dist/sitemap.json' }],
      options: {},
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      experimental: { compileMode: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      // Images are files, never base64 inside the JS (a 1-byte limit): the tab bar's icons were
      // ≈ 4 KB of app.js that every first screen waited for.
      imageUrlLoaderOption: { limit: 1 },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
        // One module per Taro component (src/lib/h5-components), so a page loads the components
        // it uses, not every component of the app.
        chain.resolve.alias.set('@tarojs/components$', path.resolve(__dirname, '../src/lib/h5-components'))
        // Each of those modules only defines its component: one a page does not use must not be
        // bundled with it, however webpack concatenates the ones it does use.
        chain.module
          .rule('h5-components-side-effect-free')
          .test(/[\\/]src[\\/]lib[\\/]h5-components[\\/]/)
          .set('sideEffects', false)
        // What the app shell itself needs of Taro's components (tab bar, pull-down) loads with the
        // HTML; everything else is split by webpack's defaults, by which pages share it, so a
        // first screen downloads only what its page uses (one forced 'common' chunk of all that
        // two pages shared was 86 KB gzipped on every first screen: valibot, the sanitiser…).
        chain.plugin('route-chunks').use(RouteChunksPlugin)
        // Taro's own imports of its interaction APIs (its index, setClipboardData …) get the lazy
        // module instead; the lazy module itself (the issuer) still imports the real one.
        chain.plugin('lazy-interaction').use(webpack.NormalModuleReplacementPlugin, [
          /^\.\.?\/.*interaction\/index\.js$/,
          (data: { context: string; request: string; contextInfo?: { issuer?: string } }) => {
            if (!/[\\/]@tarojs[\\/]taro-h5[\\/]dist[\\/]/.test(data.context)) return
            if (data.contextInfo?.issuer === LAZY_INTERACTION) return
            data.request = LAZY_INTERACTION
          },
        ])
        if (process.env.H5_SOURCEMAP) chain.devtool('hidden-source-map')
        // Brotli (quality 11) and gzip (level 9) copies of the scripts and styles, made once here
        // and served as they are (server/app.ts, `precompressed`): the first screen's JS is about
        // a fifth smaller than the server's on-the-fly gzip, at no cost per request. Browsers that
        // ask for neither get the plain file.
        if (process.env.NODE_ENV === 'production') {
          chain.plugin('brotli').use(CompressionPlugin, [
            {
              filename: '[path][base].br',
              algorithm: 'brotliCompress',
              test: /\.(js|css)$/,
              compressionOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } },
              threshold: 1024,
              minRatio: 0.9,
            },
          ])
          chain.plugin('gzip').use(CompressionPlugin, [
            {
              filename: '[path][base].gz',
              algorithm: 'gzip',
              test: /\.(js|css)$/,
              compressionOptions: { level: 9 },
              threshold: 1024,
              minRatio: 0.9,
            },
          ])
        }
        chain.optimization.splitChunks({
          chunks: 'all',
          // At most three requests for a page's own chunks (webpack copies a small shared module
          // into the page's chunk rather than splitting it out): over HTTP/1.1's six connections
          // every extra file of the first screen queued behind another for a round trip. Measured
          // (Lighthouse, median of 5): parks tab LCP 2.33→2.19 s, park detail 2.37→2.27 s, 2–3 KB
          // less JS (fewer headers, better compression); home and article flat.
          maxAsyncRequests: 3,
          cacheGroups: {
            taroComponents: {
              test: /[\\/]node_modules[\\/]@tarojs[\\/](components|components-react)[\\/]/,
              name: 'taro-components',
              chunks: 'initial',
              priority: 30,
              enforce: true,
            },
          },
        })
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
