import { useState } from 'react'
import Taro, { useLoad } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { StateView } from '@/components/StateView'
import { hasRole, useMe } from '@/features/account'
import { AskSheet } from './AskSheet'
import { NoticeDetail } from './NoticeDetail'
import { noticePath } from './format'
import { useNotice } from './useNotice'
import { recordGroupEnter, useNoticeShare } from './useNoticeShare'
import './Notices.scss'

/** 通知详情 for residents: read on open, ask a question, forward to a group chat. */
export function NoticeScreen({ announcementId }: { announcementId?: string }) {
  const { notice, error, loading, reload } = useNotice(announcementId)
  const { me } = useMe()
  const [asking, setAsking] = useState(false)
  useNoticeShare(announcementId, notice)
  useLoad(() => {
    if (announcementId) recordGroupEnter(announcementId)
  })

  if (!notice) return <StateView loading={loading} error={error} onRetry={() => void reload()} />
  const isStaff = hasRole(me, 'desk', 'supervisor', 'admin')
  const isResident = notice.read !== undefined
  const share = () => {
    if (process.env.TARO_ENV === 'h5') void Taro.showToast({ title: '请在微信中点右上角「···」转发', icon: 'none' })
  }

  return (
    <View className='notice-screen'>
      <NoticeDetail notice={notice} onOpenOriginal={() => Taro.navigateTo({ url: noticePath(notice.restoredOf!) })}>
        {isStaff && (
          <View className='notice-screen__staff'>
            <Text className='notice-screen__staff-label'>物业员工</Text>
            <View
              className='notice-screen__link'
              role='button'
              hoverClass='notice-screen__link--pressed'
              onClick={() => Taro.navigateTo({ url: `/staff/notice-poster/index?id=${encodeURIComponent(notice.announcementId)}` })}
            >
              <Text>打印海报</Text>
            </View>
            <View
              className='notice-screen__link'
              role='button'
              hoverClass='notice-screen__link--pressed'
              onClick={() => Taro.navigateTo({ url: `/staff/notice/index?id=${encodeURIComponent(notice.announcementId)}` })}
            >
              <Text>管理此公告</Text>
            </View>
          </View>
        )}
      </NoticeDetail>

      <View className='notice-bar__spacer' />
      <View className='notice-bar' role='toolbar' aria-label='通知操作'>
        <Button fill='outline' type='primary' className='notice-bar__btn' openType={process.env.TARO_ENV === 'h5' ? undefined : 'share'} onClick={share}>
          转发给邻居
        </Button>
        {isResident && (
          <Button type='primary' className='notice-bar__btn' onClick={() => setAsking(true)}>
            有疑问？提问
          </Button>
        )}
      </View>
      {isResident && <AskSheet notice={notice} open={asking} onClose={() => setAsking(false)} />}
    </View>
  )
}
