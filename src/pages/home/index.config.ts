export default definePageConfig({
  navigationBarTitleText: '邻里物业',
  enableShareAppMessage: true,
})
