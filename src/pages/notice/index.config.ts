export default definePageConfig({
  navigationBarTitleText: '通知详情',
  enablePullDownRefresh: true,
  // Residents forward notices to their building's group chats.
  enableShareAppMessage: true,
})
