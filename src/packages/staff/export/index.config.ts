export default definePageConfig({
  navigationBarTitleText: '导出线索',
  backgroundTextStyle: 'dark',
})
