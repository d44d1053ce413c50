export default definePageConfig({
  navigationBarTitleText: '找园区',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 200,
  // The park row of the mini program (features/parks/components/ParkCard.weapp.tsx).
  usingComponents: { 'park-card': '../../features/parks/components/park-card/index' },
})
