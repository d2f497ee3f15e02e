export default definePageConfig({ navigationBarTitleText: '策划活动' })
