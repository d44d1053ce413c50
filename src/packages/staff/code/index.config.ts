export default definePageConfig({
  navigationBarTitleText: '生成小程序码',
  backgroundTextStyle: 'dark',
})
