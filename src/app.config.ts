export default defineAppConfig({
  // Tab pages must live in the main package; everything else loads on demand.
  pages: ['pages/index/index', 'pages/parks/index', 'pages/articles/index', 'pages/mine/index'],
  subPackages: [
    { root: 'packages/park', pages: ['detail/index'] },
    { root: 'packages/article', pages: ['detail/index', 'tag/index', 'search/index'] },
    { root: 'packages/mine', pages: ['about/index', 'favourites/index', 'history/index', 'inquiries/index'] },
    { root: 'packages/inquiry', pages: ['form/index', 'success/index'] },
    // The staff desk (issue 8): nothing staff-only is in the main package.
    {
      root: 'packages/staff',
      pages: [
        'desk/index',
        'claim/index',
        'team/index',
        'inbox/index',
        'lead/index',
        'export/index',
        'charts/index',
        'content/index',
        'channels/index',
        'code/index',
        'poster/index',
      ],
    },
  ],
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['packages/park', 'packages/article'] },
    'pages/parks/index': { network: 'all', packages: ['packages/park'] },
    'pages/articles/index': { network: 'all', packages: ['packages/article'] },
  },
  tabBar: {
    color: '#86909c',
    selectedColor: '#0b5cab',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: 'pages/parks/index',
        text: '找园区',
        iconPath: 'assets/tabbar/parks.png',
        selectedIconPath: 'assets/tabbar/parks-active.png',
      },
      {
        pagePath: 'pages/articles/index',
        text: '资讯',
        iconPath: 'assets/tabbar/articles.png',
        selectedIconPath: 'assets/tabbar/articles-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tabbar/mine.png',
        selectedIconPath: 'assets/tabbar/mine-active.png',
      },
    ],
  },
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#0b5cab',
    navigationBarTitleText: '园区招商',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f6f9',
  },
  permission: {
    'scope.userLocation': { desc: '用于在地图上显示您与园区的距离' },
  },
  requiredPrivateInfos: [],
  // The base library asks for consent before the first privacy API call (clipboard, contacts).
  __usePrivacyCheck__: true,
  lazyCodeLoading: 'requiredComponents',
  // Which pages WeChat search may index (copied into dist/ by config/index.ts copy.patterns).
  sitemapLocation: 'sitemap.json',
})
