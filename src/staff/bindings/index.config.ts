export default definePageConfig({ navigationBarTitleText: '绑定审核' })
