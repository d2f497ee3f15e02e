import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { AGREE_BUTTON_ID, answerPrivacy, subscribePrivacy } from './privacy'
import './PrivacyPopup.scss'

/** Shown when WeChat asks for privacy consent; rendered by every page through PageShell. */
export function PrivacyPopup() {
  const [open, setOpen] = useState(false)
  useEffect(() => subscribePrivacy(setOpen), [])
  if (!open) return null
  return (
    <View className='privacy-popup' role='dialog' aria-modal='true' aria-label='隐私保护提示'>
      <View className='privacy-popup__panel'>
        <Text className='privacy-popup__title'>隐私保护提示</Text>
        <Text className='privacy-popup__text'>
          在使用相关功能前，请阅读并同意
          <Text className='privacy-popup__link' onClick={() => Taro.navigateTo({ url: '/pages/privacy/index' })}>
            《邻里物业隐私保护指引》
          </Text>
          。我们仅在提供物业服务所必需的范围内处理您的信息。
        </Text>
        <View className='privacy-popup__actions'>
          <Button className='privacy-popup__btn' fill='outline' onClick={() => answerPrivacy(false)}>
            拒绝
          </Button>
          <Button id={AGREE_BUTTON_ID} className='privacy-popup__btn' type='primary' openType='agreePrivacyAuthorization' onAgreePrivacyAuthorization={() => answerPrivacy(true)}>
            同意
          </Button>
        </View>
      </View>
    </View>
  )
}
