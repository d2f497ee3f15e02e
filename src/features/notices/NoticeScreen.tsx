import { useState } from 'react'
import Taro, { useLoad } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { StateView } from '@/components/StateView'
import { hasRole, useMe } from '@/features/account'
import { AskSheet } from './AskSheet'
import type { Notice } from './api'
import { NoticeDetail } from './NoticeDetail'
import { noticePath } from './format'
import { useNotice } from './useNotice'
import { recordGroupEnter, useNoticeShare } from './useNoticeShare'
import './Notices.scss'

/** A quiet line for a reader the notice does not cover: what it covers and, when known, that their building is not among it. */
function ReaderNote({ notice }: { notice: Notice }) {
  if (!notice.reader || notice.reader.covered) return null
  const mine = notice.reader.buildings
  return (
    <View className='notice-screen__reader' role='note'>
      <Text>
        本通知适用于{notice.scopeLabel}
        {mine.length ? `，不涉及您的房屋（${mine.join('、')}）` : ''}，仅供了解
      </Text>
    </View>
  )
}

/** The community's service hotline, one tap to call: for anyone who reads the notice, bound or not. */
function Hotline({ hotline }: { hotline?: string }) {
  if (!hotline) return null
  return (
    <View
      className='notice-screen__hotline'
      role='button'
      aria-label={`拨打物业服务电话 ${hotline}`}
      hoverClass='notice-screen__link--pressed'
      onClick={() => void Taro.makePhoneCall({ phoneNumber: hotline }).catch(() => undefined)}
    >
      <Text className='notice-screen__staff-label'>物业服务电话</Text>
      <Text className='notice-screen__hotline-no'>{hotline}</Text>
    </View>
  )
}

/** 通知详情 for residents: read on open, ask a question, forward to a group chat. */
export function NoticeScreen({ announcementId }: { announcementId?: string }) {
  const { notice, error, retryable, loading, reload } = useNotice(announcementId)
  const { me } = useMe()
  const [asking, setAsking] = useState(false)
  useNoticeShare(announcementId, notice)
  useLoad(() => {
    if (announcementId) recordGroupEnter(announcementId)
  })

  // 重试 only where trying again can help (network, busy): a withdrawn notice stays withdrawn.
  if (!notice) return <StateView loading={loading} error={error} onRetry={retryable ? () => void reload() : undefined} />
  const isStaff = hasRole(me, 'desk', 'supervisor', 'admin')
  const isResident = notice.read !== undefined
  const share = () => {
    if (process.env.TARO_ENV === 'h5') void Taro.showToast({ title: '请在微信中点右上角「···」转发', icon: 'none' })
  }

  return (
    <View className='notice-screen'>
      <NoticeDetail notice={notice} note={<ReaderNote notice={notice} />} onOpenOriginal={() => Taro.navigateTo({ url: noticePath(notice.restoredOf!) })}>
        <Hotline hotline={notice.hotline} />
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
