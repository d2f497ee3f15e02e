export default definePageConfig({ navigationBarTitleText: '钥匙交接单' })
