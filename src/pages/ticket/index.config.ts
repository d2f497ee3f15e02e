export default definePageConfig({
  navigationBarTitleText: '工单详情',
  enablePullDownRefresh: true,
  // The forward menu stays on (family members of the home can open the same ticket).
  enableShareAppMessage: true,
})
