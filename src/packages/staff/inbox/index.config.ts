export default definePageConfig({
  navigationBarTitleText: '线索收件箱',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120,
})
