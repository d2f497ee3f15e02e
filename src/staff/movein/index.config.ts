export default definePageConfig({ navigationBarTitleText: '入住交接' })
