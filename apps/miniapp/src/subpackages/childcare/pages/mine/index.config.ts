export default definePageConfig({ navigationBarTitleText: '我的托育', enablePullDownRefresh: true })
