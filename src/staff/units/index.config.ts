export default definePageConfig({ navigationBarTitleText: '房屋管理' })
