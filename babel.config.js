// Taro's preset builds the app; jest (NODE_ENV=test) gets a plain preset for Node.
module.exports = (api) => {
  const isTest = api.env('test')
  if (isTest) {
    return {
      presets: [
        ['@babel/preset-env', { targets: { node: 'current' } }],
        ['@babel/preset-react', { runtime: 'automatic' }],
        '@babel/preset-typescript',
      ],
    }
  }
  // H5: the browsers the app already needs — its transport uses fetch with AbortController
  // (src/lib/http.h5.ts) — so async functions, classes, spread and for-of ship as they are
  // instead of ES5 with regenerator and helpers. The mini program keeps package.json's
  // browserslist (its output must not change).
  const h5 = process.env.TARO_ENV === 'h5'
  const targets = h5
    ? { chrome: '66', android: '66', safari: '12.1', ios: '12.2', firefox: '57', edge: '79' }
    : undefined
  return {
    presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', ...(targets && { targets }) }]],
  }
}
