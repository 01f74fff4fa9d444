export default definePageConfig({
  navigationBarTitleText: '选餐',
})
