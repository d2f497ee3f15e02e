import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ActInput, TicketDetail } from '@/domain/tickets/api'
import { ACTION_LABELS, type TicketAction } from '@/domain/tickets/state-machine'
import { primaryAction } from '@/domain/tickets/presentation'
import { ActionBar } from '@/components/ActionBar'
import { ChipGroup } from '@/components/ChipGroup'
import { FormField, TextField } from '@/components/FormField'
import { COMPLETION_PHOTO_REQUIRED, PARTS_MAX } from '@/domain/limits-staff'
import { ActionTextSheets } from '@/features/tickets'
import { AssignSheet } from './AssignSheet'
import { ConsentSheet } from './ConsentSheet'
import { TimeSheet } from './TimeSheet'

/** Other steps by how often they are needed; those that do not fit go under 更多. */
const SECONDARY: TicketAction[] = ['answer', 'accept', 'grab', 'dispatch', 'arrive', 'complete', 'resume', 'note', 'consent', 'pause', 'promise', 'transfer', 'reopen', 'cancel']
/** Left-to-right order of the visible secondary buttons (取消 furthest from the main step). */
const DISPLAY: TicketAction[] = ['cancel', 'reopen', 'transfer', 'promise', 'pause', 'consent', 'note', 'dispatch', 'grab', 'accept', 'arrive', 'complete', 'resume', 'answer']
/** Buttons that fit one row on a 375pt phone. */
const MAX_BUTTONS = 4

/**
 * Splits the allowed actions into the one primary step (the domain's choice: a consultation is
 * answered, not dispatched), the visible plain buttons, and the 更多 menu.
 */
export function layoutActions(actions: TicketAction[], ticket: Pick<TicketDetail, 'type' | 'status'>) {
  const main = primaryAction(actions, { ...ticket, viewer: 'staff' })
  const primary = main ? [main] : []
  const secondary = SECONDARY.filter((a) => actions.includes(a) && a !== main)
  const room = Math.max(MAX_BUTTONS - primary.length, 0)
  const shown = secondary.length <= room ? secondary : secondary.slice(0, Math.max(room - 1, 0))
  const more = secondary.filter((a) => !shown.includes(a))
  return { primary, secondary: DISPLAY.filter((a) => shown.includes(a)), more }
}
/** Optional parts and fee of a completion (an unreadable fee is sent as typed: the function explains). */
export function completionExtras(parts: string, fee: string): { parts?: string; fee?: number } {
  const f = fee.trim()
  return { ...(parts.trim() ? { parts: parts.trim() } : {}), ...(f ? { fee: Number(f) } : {}) }
}
/** Steps with nothing to fill in. */
const DIRECT = new Set<TicketAction>(['accept', 'grab', 'arrive', 'resume'])

interface Props {
  detail: TicketDetail
  acting: TicketAction | null
  act: (input: ActInput) => Promise<boolean>
}

/** What this staff member may do now (exactly `detail.actions`), each with its small form. */
export function StaffActions({ detail, acting, act }: Props) {
  const [open, setOpen] = useState<TicketAction | null>(null)
  const [visibility, setVisibility] = useState<'public' | 'internal'>('public')
  const [parts, setParts] = useState('')
  const [fee, setFee] = useState('')
  const ticketId = detail.ticketId
  const { primary, secondary, more } = layoutActions(detail.actions, detail)
  if (primary.length + secondary.length + more.length === 0) return null

  const close = () => setOpen(null)
  const done = (ok: boolean) => {
    if (ok) close()
    return ok
  }
  const run = (a: TicketAction) => {
    if (DIRECT.has(a)) void act({ action: a, ticketId } as ActInput)
    else setOpen(a)
  }
  const tap = (a: TicketAction) => () => run(a)
  const showMore = () => {
    Taro.showActionSheet({ itemList: more.map((a) => ACTION_LABELS[a]) }).then(
      (res) => more[res.tapIndex] && run(more[res.tapIndex]),
      () => undefined, // dismissed
    )
  }

  return (
    <>
      <ActionBar label='工单操作'>
        {more.length > 0 && (
          <Button size='small' fill='outline' className='action-bar__btn action-bar__btn--more' disabled={!!acting} onClick={showMore}>
            更多
          </Button>
        )}
        {[...secondary, ...primary].map((a) => {
          const main = primary.includes(a)
          return (
            <Button
              key={a}
              size='small'
              type={main ? 'primary' : a === 'cancel' ? 'danger' : 'default'}
              fill={main ? 'solid' : 'outline'}
              className={`action-bar__btn action-bar__btn--${a}`}
              loading={acting === a}
              disabled={!!acting}
              onClick={tap(a)}
            >
              {ACTION_LABELS[a]}
            </Button>
          )
        })}
      </ActionBar>

      {(open === 'dispatch' || open === 'transfer') && (
        <AssignSheet
          open
          mode={open}
          detail={detail}
          busy={acting === open}
          onClose={close}
          onSubmit={async (staffId, reason) => done(await act(open === 'transfer' ? { action: 'transfer', ticketId, staffId, reason } : { action: 'dispatch', ticketId, staffId }))}
        />
      )}
      <ConsentSheet
        open={open === 'consent'}
        defaultBy={detail.contactName}
        busy={acting === 'consent'}
        onClose={close}
        onSubmit={async (by, scope, refused) => done(await act({ action: 'consent', ticketId, by, scope, ...(refused ? { refused: true } : {}) }))}
      />
      <ActionTextSheets
        open={open}
        acting={acting}
        onClose={close}
        act={act}
        sheets={{
          note: {
            title: '进展备注',
            label: '备注内容',
            maxlength: 500,
            placeholder: '记录处理进展，住户可见时会显示在住户的处理记录中',
            withPhotos: true,
            confirmText: '保存备注',
            input: (text, photos) => ({ action: 'note', ticketId, text, photos, visibility }),
            children: (
              <FormField label='谁能看到'>
                <ChipGroup
                  groupLabel='备注可见范围'
                  options={[
                    { value: 'public', label: '住户可见' },
                    { value: 'internal', label: '仅内部' },
                  ]}
                  value={visibility}
                  onChange={setVisibility}
                />
              </FormField>
            ),
          },
          complete: {
            title: '完工',
            label: '完工说明',
            maxlength: 500,
            placeholder: '处理了什么、更换了哪些配件，住户会看到这段说明',
            withPhotos: true,
            confirmText: '提交完工',
            ...(detail.completionPhotoRequired ? { photosRequired: COMPLETION_PHOTO_REQUIRED } : {}),
            input: (text, photos) => ({ action: 'complete', ticketId, text, photos, ...completionExtras(parts, fee) }),
            after: detail.type === 'repair' && (
              <>
                <TextField label='使用配件（选填）' value={parts} maxlength={PARTS_MAX} placeholder='如：角阀 ×1、生料带' onInput={setParts} />
                <TextField label='收费（元，选填）' value={fee} maxlength={9} placeholder='仅记录，不在线支付' onInput={setFee} />
              </>
            ),
          },
          answer: {
            title: '答复住户',
            label: '答复内容',
            maxlength: 500,
            placeholder: '住户会收到这段答复',
            confirmText: '发送答复',
            input: (text) => ({ action: 'answer', ticketId, text }),
          },
          reopen: {
            title: '重新处理',
            label: '原因',
            maxlength: 200,
            placeholder: '说明需要重新处理的原因',
            confirmText: '重新处理',
            input: (reason) => ({ action: 'reopen', ticketId, reason }),
          },
          cancel: {
            title: '取消工单',
            label: '取消原因',
            maxlength: 100,
            quick: ['住户已自行解决', '重复工单', '不属于物业服务范围'],
            confirmText: '确认取消',
            danger: true,
            input: (reason) => ({ action: 'cancel', ticketId, reason }),
          },
        }}
      />
      <TimeSheet
        open={open === 'pause'}
        mode='pause'
        busy={acting === 'pause'}
        onClose={close}
        onSubmit={async (at, reason) => done(await act({ action: 'pause', ticketId, reason, expectedAt: at }))}
      />
      <TimeSheet
        open={open === 'promise'}
        mode='promise'
        busy={acting === 'promise'}
        onClose={close}
        onSubmit={async (at) => done(await act({ action: 'promise', ticketId, replyBy: at }))}
      />
    </>
  )
}
