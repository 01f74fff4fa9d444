export default definePageConfig({
  navigationBarTitleText: '今日备餐',
  enablePullDownRefresh: true,
})
