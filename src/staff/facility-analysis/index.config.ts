export default definePageConfig({ navigationBarTitleText: '巡检维保分析' })
