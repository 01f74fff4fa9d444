export default definePageConfig({ navigationBarTitleText: '授权接送人' })
