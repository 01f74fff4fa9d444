export default definePageConfig({
  navigationBarTitleText: '长辈版设置',
})
