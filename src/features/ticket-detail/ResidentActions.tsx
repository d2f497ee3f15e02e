import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ActInput, TicketDetail } from '@/domain/tickets/api'
import { ACTION_LABELS, type TicketAction } from '@/domain/tickets/state-machine'
import { ActionTextSheets } from '@/features/tickets'
import { RateSheet } from './RateSheet'

/** The buttons a resident may use on this ticket, in the order they appear (main action last). */
const ORDER: TicketAction[] = ['cancel', 'message', 'reopen', 'confirm', 'rate']
const PRIMARY = new Set<TicketAction>(['confirm', 'rate'])

interface Props {
  detail: TicketDetail
  acting: TicketAction | null
  act: (input: ActInput) => Promise<boolean>
}

export function ResidentActions({ detail, acting, act }: Props) {
  const [open, setOpen] = useState<TicketAction | null>(null)
  const ticketId = detail.ticketId
  const actions = ORDER.filter((a) => detail.actions.includes(a))
  if (actions.length === 0) return null

  const close = () => setOpen(null)
  const done = (ok: boolean) => {
    if (ok) close()
    return ok
  }

  async function confirm() {
    const res = await Taro.showModal({ title: '确认问题已解决？', content: '确认后工单完成，你可以为本次服务评价。', confirmText: '已解决', cancelText: '还没有' })
    if (res.confirm) await act({ action: 'confirm', ticketId })
  }

  const tap = (a: TicketAction) => () => {
    if (a === 'confirm') void confirm()
    else setOpen(a)
  }

  return (
    <>
      <View className='action-bar__spacer' />
      <View className='action-bar' role='toolbar' aria-label='工单操作'>
        {actions.map((a) => (
          <Button
            key={a}
            size='small'
            type={PRIMARY.has(a) ? 'primary' : 'default'}
            fill={PRIMARY.has(a) ? 'solid' : 'outline'}
            className={`action-bar__btn action-bar__btn--${a}`}
            loading={acting === a}
            disabled={!!acting}
            onClick={tap(a)}
          >
            {ACTION_LABELS[a]}
          </Button>
        ))}
      </View>

      <ActionTextSheets
        open={open}
        acting={acting}
        onClose={close}
        act={act}
        sheets={{
          message: {
            title: '给处理人员留言',
            label: '留言内容',
            maxlength: 500,
            placeholder: '补充情况或询问进度',
            withPhotos: true,
            confirmText: '发送',
            input: (text, photos) => ({ action: 'message', ticketId, text, photos }),
          },
          reopen: {
            title: '问题没有解决？',
            label: '原因',
            maxlength: 200,
            placeholder: '请说明还存在的问题，工单会退回给处理人员',
            confirmText: '重新处理',
            input: (reason) => ({ action: 'reopen', ticketId, reason }),
          },
          cancel: {
            title: '取消工单',
            label: '取消原因',
            maxlength: 100,
            quick: ['问题已自行解决', '重复提交', '填写有误，重新提交'],
            confirmText: '确认取消',
            danger: true,
            input: (reason) => ({ action: 'cancel', ticketId, reason }),
          },
        }}
      />
      <RateSheet
        open={open === 'rate'}
        busy={acting === 'rate'}
        onClose={close}
        onSubmit={async (score, comment) => done(await act({ action: 'rate', ticketId, score, comment }))}
      />
    </>
  )
}
