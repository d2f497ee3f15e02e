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
          邻里物业是小区物业服务小程序：住户可以绑定房屋、联系物业；物业员工在工作台审核住户绑定、管理团队。报修、投诉、咨询、社区活动等功能将陆续上线。
        </Text>
      </Section>
      <Section flush>
        <ListItem title='隐私保护指引' onClick={() => Taro.navigateTo({ url: '/pages/privacy/index' })} />
      </Section>
    </View>
  )
}
