export default definePageConfig({
  navigationBarTitleText: '绑定长辈版',
})
