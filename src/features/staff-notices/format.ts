import type { PillTone } from '@/components/Pill'
import type { AnnouncementStatus } from '@/domain/announcements'

/** The pill colour of each announcement status (its words: ANNOUNCEMENT_STATUS_LABELS in the domain). */
export const ANNOUNCEMENT_STATUS_TONE: Record<AnnouncementStatus, PillTone> = {
  draft: 'neutral',
  review: 'warning',
  scheduled: 'brand',
  published: 'success',
  withdrawn: 'danger',
  expired: 'neutral',
}

/** Subscribe-message failures by errcode, in words the desk understands. */
export const ERRCODE_LABELS: Record<string, string> = {
  '43101': '用户拒绝接收或授权已用完',
  '43107': '订阅消息能力被封禁',
  '43108': '并发下发消息给同一个粉丝',
  '40003': '用户标识无效',
  '40037': '模板 ID 无效',
  '47003': '模板参数不正确',
  '45009': '接口调用超过限额',
  '-1': '微信接口调用失败',
  unknown: '原因未知',
}

export const errcodeLabel = (code: string) => ERRCODE_LABELS[code] ?? `错误码 ${code}`

export const BROADCAST_STATE_LABELS: Record<string, string> = {
  none: '尚未推送',
  targeting: '正在生成推送名单',
  sending: '推送中',
  done: '推送完成',
}

/** A group id is opaque and long: show its tail so two groups can be told apart. */
export const groupName = (openGId: string, i: number) => `群聊 ${i + 1}（…${openGId.slice(-6)}）`
