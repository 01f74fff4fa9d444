export default definePageConfig({
  navigationBarTitleText: '服务任务',
})
