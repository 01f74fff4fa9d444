export default definePageConfig({
  navigationBarTitleText: '长辈版',
})
