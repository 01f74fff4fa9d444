export default definePageConfig({
  navigationBarTitleText: '孩子资料',
})
