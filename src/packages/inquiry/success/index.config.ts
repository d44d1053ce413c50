export default definePageConfig({
  navigationBarTitleText: '提交结果',
  // The recommended parks use the park row (features/parks/components/ParkCard.weapp.tsx), a
  // native component each page that draws it must declare: without it the rows render empty.
  usingComponents: { 'park-card': '../../../features/parks/components/park-card/index' },
})
