export default definePageConfig({
  navigationBarTitleText: '关于我们与隐私政策',
})
