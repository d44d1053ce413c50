export default defineAppConfig({
  pages: ['pages/index/index'],
  subPackages: [
    {
      // Not needed to draw the first screen: downloaded when a visitor opens an article.
      root: 'packages/article',
      pages: ['detail/index'],
    },
  ],
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['packages/article'] },
  },
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#0b5cab',
    navigationBarTitleText: '园区招商',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f6f9',
  },
  // Privacy-interface declarations live in the WeChat admin console; this flag makes the
  // base library ask for consent before the first privacy API call.
  __usePrivacyCheck__: true,
  lazyCodeLoading: 'requiredComponents',
})
