export default definePageConfig({
  navigationBarTitleText: '老人详情',
})
