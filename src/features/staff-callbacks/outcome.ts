import type { CallbackView } from '@/domain/tickets/callbacks-api'
import type { CallbackChannel, RecordResult } from './api'

export const CALLBACK_CHANNEL_LABELS: Record<CallbackChannel, string> = { phone: '电话', message: '留言', visit: '上门' }

/** Unreached attempts so far: the next one is number n + 1. */
export const missedAttempts = (cb: Pick<CallbackView, 'attempts'>) => cb.attempts.filter((a) => !a.reached).length

/** What the toast says after `record`. `missedBefore`: unreached attempts before this one. */
export function outcomeText(res: RecordResult, missedBefore: number): string {
  if (res.reopened) return '已重新打开工单，已通知处理人'
  if (res.status === 'done') return '已回访'
  if (res.status === 'unreachable') return '多次联系不上，已结束回访'
  return `未联系上，已记录第 ${missedBefore + 1} 次`
}

/** One attempt, for the card: "11-28 10:02 王敏 电话 · 未联系上". */
export function attemptResult(a: CallbackView['attempts'][number]): string {
  if (!a.reached) return '未联系上'
  return a.satisfied === false ? '不满意' : '满意'
}
