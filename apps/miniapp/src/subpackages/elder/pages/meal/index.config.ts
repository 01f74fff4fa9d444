export default definePageConfig({
  navigationBarTitleText: '订餐',
})
