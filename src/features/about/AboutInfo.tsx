import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Section } from '@/components/Section'
import { ListItem } from '@/components/ListItem'
import './AboutInfo.scss'

export function AboutInfo() {
  return (
    <View className='about'>
      <View className='about__brand'>
        <View className='about__logo' aria-hidden='true'>
          <Text>邻</Text>
        </View>
        <Text className='about__name'>邻里物业</Text>
        <Text className='about__version'>版本 {LINLI_APP_VERSION}</Text>
      </View>
      <Section>
        <Text className='about__desc'>
          邻里物业是小区物业服务小程序：住户绑定房屋后，可以在线报修、投诉、咨询并随时查看处理进度，阅读停水停电等社区通知，报名社区活动，预约入住交房；物业员工在工作台处理工单、发布通知、审核绑定。
        </Text>
      </Section>
      <Section flush>
        <ListItem title='隐私保护指引' onClick={() => Taro.navigateTo({ url: '/pages/privacy/index' })} />
      </Section>
    </View>
  )
}
