import { View, Text } from '@tarojs/components'
import './PrivacyGuide.scss'

const SECTIONS: { title: string; body: string[] }[] = [
  {
    title: '一、我们收集哪些信息',
    body: [
      '绑定房屋时，您主动填写的姓名、手机号、与房屋的关系，以及您选择的小区、楼栋、单元和房号。',
      '成为物业员工时，您填写的姓名、手机号和邀请码。',
      '提交报修、投诉或咨询时，您填写的问题描述、位置、联系电话和期望上门时间，以及您主动选择上传的照片（从相册选择或用摄像头拍摄）。',
      '微信为本小程序分配的用户标识（OpenID），用于识别您的账号。',
    ],
  },
  {
    title: '二、我们如何使用这些信息',
    body: [
      '核验您的住户身份，并由物业工作人员审核绑定申请。',
      '让业主查看和管理本户家庭成员。',
      '在您拨打物业服务电话、提交服务请求时，便于物业联系和处理。',
      '在您同意订阅后，通过微信服务通知告诉您工单的受理、上门、完成和答复进展。',
    ],
  },
  {
    title: '三、信息的存储与保护',
    body: [
      '信息存储于微信云开发（腾讯云）为本小程序提供的云数据库中，仅本小区物业有权限的工作人员可以查看。',
      '手机号在列表中以部分隐藏的形式展示。我们不会出售您的个人信息，也不会向与物业服务无关的第三方提供。',
    ],
  },
  {
    title: '四、您的权利',
    body: ['您可以在「我的」页面查看已绑定的房屋；业主可以移除本户的家庭成员。', '如需更正或删除个人信息、撤回同意，请联系小区物业服务中心，我们会在 15 个工作日内处理。'],
  },
]

/** The full text of 隐私保护指引 (static). */
export function PrivacyGuide() {
  return (
    <View className='privacy-guide'>
      <Text className='privacy-guide__title'>邻里物业隐私保护指引</Text>
      <Text className='privacy-guide__intro'>邻里物业小程序（以下简称“本小程序”）由小区物业服务企业运营。我们重视您的个人信息保护，请在使用前仔细阅读本指引。</Text>
      {SECTIONS.map((s) => (
        <View key={s.title} className='privacy-guide__section'>
          <Text className='privacy-guide__heading'>{s.title}</Text>
          {s.body.map((p) => (
            <Text key={p} className='privacy-guide__para'>
              {p}
            </Text>
          ))}
        </View>
      ))}
    </View>
  )
}
