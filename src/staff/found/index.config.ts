export default definePageConfig({ navigationBarTitleText: '发现问题上报' })
