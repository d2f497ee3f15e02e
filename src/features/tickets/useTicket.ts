import type { ActInput } from '@/domain/tickets/api'
import type { TicketAction } from '@/domain/tickets/state-machine'
import { useRecord, useRecordActions } from '@/components/useRecord'
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
  const { record: detail, error, loading, reload } = useRecord(ticketId, '缺少工单编号', (id) => ticketsApi.get(id))
  const { acting, run } = useRecordActions<TicketAction>(reload)

  /** Runs an action; resolves true when it was recorded (the detail is then reloaded). */
  async function act(input: ActInput): Promise<boolean> {
    return !!(await run(input.action, DONE_TEXT[input.action], () => ticketsApi.act(input)))
  }

  return { detail, error, loading, acting, reload, act }
}
