export default definePageConfig({
  navigationBarTitleText: '找园区',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 200,
})
