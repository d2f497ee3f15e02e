export default definePageConfig({ navigationBarTitleText: 'Excel导入' })
