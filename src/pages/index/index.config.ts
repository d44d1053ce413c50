export default definePageConfig({
  navigationBarTitleText: '园区招商资讯',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 200,
})
