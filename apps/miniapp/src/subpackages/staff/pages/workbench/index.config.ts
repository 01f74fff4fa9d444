export default definePageConfig({
  navigationBarTitleText: '服务人员工作台',
})
