export default definePageConfig({ navigationBarTitleText: '选择托育方式' })
