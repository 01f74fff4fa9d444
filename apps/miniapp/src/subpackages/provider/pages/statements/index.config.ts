export default definePageConfig({
  navigationBarTitleText: '结算单',
  enablePullDownRefresh: true,
})
