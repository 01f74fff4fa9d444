export default definePageConfig({
  navigationBarTitleText: '订餐详情',
})
