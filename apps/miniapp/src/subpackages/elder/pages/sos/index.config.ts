export default definePageConfig({
  navigationBarTitleText: '一键呼叫',
})
