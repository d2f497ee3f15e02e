export default definePageConfig({ navigationBarTitleText: '设施设备维护记录表' })
