export default definePageConfig({
  navigationBarTitleText: '今日服务',
})
