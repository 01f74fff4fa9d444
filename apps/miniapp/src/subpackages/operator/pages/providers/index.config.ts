export default definePageConfig({
  navigationBarTitleText: '机构审核',
  enablePullDownRefresh: true,
})
