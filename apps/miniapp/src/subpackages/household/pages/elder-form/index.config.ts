export default definePageConfig({
  navigationBarTitleText: '老人资料',
})
