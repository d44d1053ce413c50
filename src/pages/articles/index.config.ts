export default definePageConfig({
  navigationBarTitleText: '园区资讯',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 200,
})
