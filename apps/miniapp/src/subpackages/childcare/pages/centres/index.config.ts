export default definePageConfig({ navigationBarTitleText: '预约托育', enablePullDownRefresh: true })
