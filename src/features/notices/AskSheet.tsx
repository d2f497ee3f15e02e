import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { Sheet } from '@/components/Sheet'
import { TextAreaField } from '@/components/FormField'
import { useSheetText } from '@/components/useSheetText'
import { errorMessage } from '@/services/cloud'
import { newRequestId } from '@/services/ids'
import { noticesApi, type Notice } from './api'
import './Notices.scss'

const QUESTION_MAX = 500

/** 提问: a question about this notice becomes a consultation ticket the desk answers. */
export function AskSheet({ notice, open, onClose }: { notice: Notice; open: boolean; onClose: () => void }) {
  const { text, setError, setText, field } = useSheetText()
  const [busy, setBusy] = useState(false)
  // One id per question: a retry or a double tap cannot open two tickets.
  const requestId = useRef(newRequestId('ask'))

  async function submit() {
    if (busy) return
    const q = text.trim()
    if (!q) {
      setError('请填写问题')
      return
    }
    setBusy(true)
    try {
      const res = await noticesApi.ask(notice.announcementId, q, requestId.current)
      requestId.current = newRequestId('ask')
      setText('')
      onClose()
      void Taro.showToast({ title: '已提交，物业会尽快答复', icon: 'none' })
      void Taro.navigateTo({ url: `/pages/ticket/index?id=${encodeURIComponent(res.ticketId)}` })
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Sheet open={open} title='就此通知提问' onClose={onClose} confirm={{ text: '提交问题', busy, cancelText: '取消', onConfirm: () => void submit() }}>
      <Text className='ask__about'>关于「{notice.title}」，物业客服会在「服务」里答复您，答复时也会通知您。</Text>
      <TextAreaField label='您的问题' maxlength={QUESTION_MAX} placeholder='例如：停水期间高层住户是否有临时供水？' {...field} />
    </Sheet>
  )
}
