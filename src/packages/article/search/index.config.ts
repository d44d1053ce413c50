export default definePageConfig({
  navigationBarTitleText: '搜索资讯',
  onReachBottomDistance: 200,
})
