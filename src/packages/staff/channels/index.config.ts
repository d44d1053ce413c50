export default definePageConfig({
  navigationBarTitleText: '渠道与二维码',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
