export default definePageConfig({
  navigationBarTitleText: '园区详情',
  enableShareAppMessage: true,
  enableShareTimeline: true,
  // Similar parks use the park row (features/parks/components/ParkCard.weapp.tsx).
  usingComponents: { 'park-card': '../../../features/parks/components/park-card/index' },
})
