export default definePageConfig({
  navigationBarTitleText: '我的订餐',
  enablePullDownRefresh: true,
})
