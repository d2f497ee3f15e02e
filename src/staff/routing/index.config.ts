export default definePageConfig({ navigationBarTitleText: '派单规则' })
