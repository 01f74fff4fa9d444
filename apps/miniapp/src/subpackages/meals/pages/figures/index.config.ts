export default definePageConfig({
  navigationBarTitleText: '助餐指标',
})
