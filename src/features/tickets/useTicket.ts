import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { ActInput, TicketDetail } from '@/domain/tickets/api'
import type { TicketAction } from '@/domain/tickets/state-machine'
import { CloudError, errorMessage } from '@/services/cloud'
import { ticketsApi } from './api'

/** What the toast says after each action succeeded (≤ 7 characters for WeChat's success icon). */
export const DONE_TEXT: Record<TicketAction, string> = {
  accept: '已接单',
  grab: '抢单成功',
  dispatch: '已派单',
  transfer: '已转派',
  arrive: '已签到',
  consent: '已记录同意',
  note: '已添加备注',
  pause: '已暂停',
  resume: '已恢复处理',
  complete: '已提交完工',
  answer: '已答复',
  promise: '已承诺时间',
  confirm: '已确认完成',
  reopen: '已重新处理',
  rate: '感谢评价',
  cancel: '已取消',
  message: '已留言',
}

/** One ticket's detail, refreshed on pull-down and after every action. */
export function useTicket(ticketId: string | undefined) {
  const [detail, setDetail] = useState<TicketDetail | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [acting, setActing] = useState<TicketAction | null>(null)
  const shown = useRef(false)
  // A ref, not state: two taps in one render must not both send.
  const busy = useRef(false)

  const load = useCallback(async () => {
    if (!ticketId) {
      setError('缺少工单编号')
      return
    }
    try {
      const next = await ticketsApi.get(ticketId)
      shown.current = true
      setError(null)
      setDetail(next)
    } catch (err) {
      // A failed refresh keeps the ticket on screen; a failed first load shows the error.
      if (shown.current) void Taro.showToast({ title: errorMessage(err), icon: 'none' })
      else setError(errorMessage(err))
    }
  }, [ticketId])

  useEffect(() => {
    void load()
  }, [load])

  usePullDownRefresh(() => {
    void load().finally(() => void Taro.stopPullDownRefresh())
  })

  /** Runs an action; resolves true when it was recorded (the detail is then reloaded). */
  async function act(input: ActInput): Promise<boolean> {
    if (busy.current) return false
    busy.current = true
    setActing(input.action)
    try {
      await ticketsApi.act(input)
      void Taro.showToast({ title: DONE_TEXT[input.action], icon: 'success' })
      await load()
      return true
    } catch (err) {
      void Taro.showToast({ title: errorMessage(err), icon: 'none' })
      // Someone else changed the ticket meanwhile: show its current state and buttons.
      if (err instanceof CloudError && err.code === 'CONFLICT') await load()
      return false
    } finally {
      busy.current = false
      setActing(null)
    }
  }

  return { detail, error, loading: !detail && !error, acting, reload: load, act }
}
