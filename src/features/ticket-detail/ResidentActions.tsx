import { useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import type { ActInput, TicketDetail } from '@/domain/tickets/api'
import type { TicketAction } from '@/domain/tickets/state-machine'
import { primaryAction, residentActionLabel } from '@/domain/tickets/presentation'
import { ActionBar } from '@/components/ActionBar'
import { ActionTextSheets } from '@/features/tickets'
import { RateSheet } from './RateSheet'

/** The buttons a resident may use on this ticket, in the order they appear (main action last). */
const ORDER: TicketAction[] = ['cancel', 'message', 'reopen', 'confirm', 'rate']

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
  const main = primaryAction(actions, { type: detail.type, status: detail.status, viewer: 'resident' })
  const label = (a: TicketAction) => residentActionLabel(a, detail.type)
  const consultation = detail.type === 'consultation'

  const close = () => setOpen(null)
  const done = (ok: boolean) => {
    if (ok) close()
    return ok
  }

  /** Confirm and rate in one sheet: the confirmation, then the stars if any were given. */
  async function confirmAndRate(score: number, comment: string) {
    if (!(await act({ action: 'confirm', ticketId }))) return false
    if (score > 0) await act({ action: 'rate', ticketId, score, comment })
    return done(true)
  }

  return (
    <>
      <ActionBar label='工单操作'>
        {actions.map((a) => (
          <Button
            key={a}
            size='small'
            type={a === main ? 'primary' : 'default'}
            fill={a === main ? 'solid' : 'outline'}
            className={`action-bar__btn action-bar__btn--${a}`}
            loading={acting === a}
            disabled={!!acting}
            onClick={() => setOpen(a)}
          >
            {label(a)}
          </Button>
        ))}
      </ActionBar>

      <ActionTextSheets
        open={open}
        acting={acting}
        onClose={close}
        act={act}
        sheets={{
          message: {
            title: consultation ? '补充说明' : '给处理人员留言',
            label: '留言内容',
            maxlength: 500,
            placeholder: consultation ? '补充您的问题或情况' : '补充情况或询问进度',
            withPhotos: true,
            confirmText: '发送',
            input: (text, photos) => ({ action: 'message', ticketId, text, photos }),
          },
          reopen: {
            title: consultation ? '还有疑问？' : '问题没有解决？',
            label: consultation ? '您的追问' : '原因',
            maxlength: 200,
            placeholder: consultation ? '请写下仍不清楚的地方，物业会再次答复您' : '请说明还存在的问题，工单会退回给处理人员',
            confirmText: label('reopen'),
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
        open={open === 'confirm' || open === 'rate'}
        mode={open === 'confirm' ? 'confirm' : 'rate'}
        confirmText={label('confirm')}
        busy={acting === 'rate' || acting === 'confirm'}
        onClose={close}
        onSubmit={async (score, comment) => (open === 'confirm' ? confirmAndRate(score, comment) : done(await act({ action: 'rate', ticketId, score, comment })))}
      />
    </>
  )
}
