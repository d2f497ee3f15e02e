import type { ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Image } from '@tarojs/components'
import { factRow } from '@/components/FactRow'
import type { Notice } from './api'
import { formatDay } from './format'
import { TypeTag } from './TypeTag'
import './Notices.scss'
import { formatMonthDay } from '@/domain/time'

/** What the detail shows: a published notice, or (staff 预览) a draft shaped the same way. */
export type NoticeContent = Pick<Notice, 'type' | 'typeLabel' | 'title' | 'body' | 'communityName' | 'scopeLabel' | 'images' | 'attachments' | 'revised' | 'updatedAt'> &
  Partial<Pick<Notice, 'publishedAt' | 'interruption' | 'status' | 'restoredOf'>>

const Fact = factRow('notice-facts')

/** 原因、影响范围、开始、预计恢复 — what 手册 1.3 requires of every interruption notice. */
export function InterruptionCard({ notice }: { notice: NoticeContent }) {
  const i = notice.interruption
  if (!i) return null
  return (
    <View className={`notice-facts notice-facts--${notice.type}`} role='group' aria-label={`${notice.typeLabel}安排`}>
      <Text className='notice-facts__title'>{notice.typeLabel}安排</Text>
      <Fact label='原因'>{i.reason}</Fact>
      <Fact label='影响范围'>{notice.scopeLabel}</Fact>
      <Fact label='开始'>{formatDay(i.startAt)}</Fact>
      <Fact label='预计恢复'>{formatDay(i.endAt)}</Fact>
    </View>
  )
}

function openAttachment(url: string) {
  if (!url) {
    void Taro.showToast({ title: '附件暂时无法打开', icon: 'none' })
    return
  }
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank')
    return
  }
  Taro.downloadFile({ url })
    .then((res) => Taro.openDocument({ filePath: res.tempFilePath, showMenu: true }))
    .catch(() => void Taro.showToast({ title: '附件打开失败，请稍后重试', icon: 'none' }))
}

interface Props {
  notice: NoticeContent
  /** Staff preview of a draft: no publication time yet. */
  preview?: boolean
  onOpenOriginal?: () => void
  /** A quiet line under the heading (e.g. that the notice does not cover the reader's building). */
  note?: ReactNode
  children?: ReactNode
}

/** The resident's view of one notice (also the staff editor's 预览). */
export function NoticeDetail({ notice: n, preview, onOpenOriginal, note, children }: Props) {
  const preview_ = (current: string) => void Taro.previewImage({ current, urls: n.images }).catch(() => undefined)
  return (
    <View className='notice-detail'>
      <View className='notice-detail__card'>
        <View className='notice-detail__tags'>
          <TypeTag type={n.type} label={n.typeLabel} large />
          {n.status === 'expired' && <Text className='notice-detail__expired'>已过期</Text>}
        </View>
        <Text className='notice-detail__title'>{n.title || '（未填写标题）'}</Text>
        <View className='notice-detail__meta'>
          <Text className='notice-detail__community'>{n.communityName}</Text>
          <Text className='notice-detail__time'>{preview ? '预览 · 尚未发布' : n.publishedAt ? `${formatMonthDay(n.publishedAt)} 发布` : ''}</Text>
        </View>
        {note}
        {n.revised && (
          <View className='notice-detail__revised' role='note'>
            <Text>已更新 · {formatMonthDay(n.updatedAt)}，以下为最新内容</Text>
          </View>
        )}

        <InterruptionCard notice={n} />

        <Text className='notice-detail__body' userSelect>
          {n.body || '（未填写正文）'}
        </Text>

        {n.images.length > 0 && (
          <View className='notice-detail__images'>
            {n.images.map((url, i) => (
              <View key={url + i} className='notice-detail__image' role='button' aria-label={`查看图片 ${i + 1}`} onClick={() => preview_(url)}>
                <Image className='notice-detail__img' src={url} mode='aspectFill' lazyLoad />
              </View>
            ))}
          </View>
        )}

        {n.attachments.length > 0 && (
          <View className='notice-detail__files'>
            {n.attachments.map((f, i) => (
              <View key={f.name + i} className='notice-detail__file' hoverClass='notice-detail__file--pressed' role='button' onClick={() => openAttachment(f.url)}>
                <Text className='notice-detail__file-icon' aria-hidden='true'>
                  附
                </Text>
                <Text className='notice-detail__file-name'>{f.name}</Text>
                <Text className='notice-detail__file-open'>打开</Text>
              </View>
            ))}
          </View>
        )}

        {n.restoredOf && onOpenOriginal && (
          <View className='notice-detail__original' role='button' hoverClass='notice-detail__original--pressed' onClick={onOpenOriginal}>
            <Text>查看原停用通知</Text>
          </View>
        )}

        <Text className='notice-detail__sign'>{n.communityName ? `${n.communityName}物业服务中心` : '物业服务中心'}</Text>
      </View>
      {children}
    </View>
  )
}
