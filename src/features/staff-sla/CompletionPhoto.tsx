import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Switch } from '@nutui/nutui-react-taro'
import { Section } from '@/components/Section'
import { callFunction, errorMessage } from '@/services/cloud'
import { FN, read } from '@/features/tickets'
import './WorkingTime.scss'

interface TicketSettings {
  completionPhotoRequired: boolean
}

/** 完工须拍照: whether completing a repair needs at least one photo here (tickets.setTicketSettings; admins change it, saved at once). */
export function CompletionPhotoSection({ canEdit }: { canEdit: boolean }) {
  const [required, setRequired] = useState<boolean | null>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    callFunction<TicketSettings>(FN, 'getTicketSettings', {}, read)
      .then((s) => setRequired(s.completionPhotoRequired))
      .catch(() => setRequired(null))
  }, [])
  if (required === null) return null
  const change = async (value: boolean) => {
    setBusy(true)
    try {
      const s = await callFunction<TicketSettings>(FN, 'setTicketSettings', { completionPhotoRequired: value })
      setRequired(s.completionPhotoRequired)
      Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (e) {
      Taro.showToast({ title: errorMessage(e), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }
  return (
    <Section title='完工要求'>
      <View className='sla-work__row'>
        <View className='sla-work__text'>
          <Text className='sla-work__title'>报修完工须拍照</Text>
          <Text className='sla-work__desc'>{required ? '维修人员完工时至少上传 1 张照片' : '完工时照片可选'}</Text>
        </View>
        <Switch checked={required} disabled={!canEdit || busy} ariaLabel='报修完工须拍照' onChange={(v) => change(v)} />
      </View>
    </Section>
  )
}
