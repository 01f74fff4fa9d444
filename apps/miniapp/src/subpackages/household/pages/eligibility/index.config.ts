export default definePageConfig({
  navigationBarTitleText: '申报补贴类别',
})
