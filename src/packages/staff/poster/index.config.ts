export default definePageConfig({
  navigationBarTitleText: '制作海报',
  backgroundTextStyle: 'dark',
})
