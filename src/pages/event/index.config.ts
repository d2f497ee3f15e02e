export default definePageConfig({
  navigationBarTitleText: '活动详情',
  enablePullDownRefresh: true,
  // Residents share events to their building's group chats.
  enableShareAppMessage: true,
})
