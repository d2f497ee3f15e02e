export default definePageConfig({ navigationBarTitleText: '客户沟通记录表' })
