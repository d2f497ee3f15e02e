export default definePageConfig({ navigationBarTitleText: '入住预约' })
