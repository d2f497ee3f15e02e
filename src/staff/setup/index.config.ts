export default definePageConfig({ navigationBarTitleText: '管理员初始化' })
