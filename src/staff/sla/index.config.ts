export default definePageConfig({ navigationBarTitleText: '服务时限' })
