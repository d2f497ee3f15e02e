/** Staff calls to the `callbacks` function (回访). Types only from the contract: zod stays out of the bundle. */
import { callFunction } from '@/services/cloud'
import type { CallbackView } from '@/domain/tickets/callbacks-api'
import type { Page } from '@/domain/tickets/api'

const FN = 'callbacks'
const read = { idempotent: true } as const

export type CallbackTab = 'open' | 'closed'
export type CallbackChannel = 'phone' | 'message' | 'visit'

export interface CallbackCounts {
  open: number
  overdue: number
  mine: number
}

export interface RecordInput {
  callbackId: string
  reached: boolean
  channel: CallbackChannel
  /** Required when reached. */
  satisfied?: boolean
  /** Required when reached and not satisfied. */
  comment?: string
}

export interface RecordResult {
  callbackId: string
  status: 'open' | 'done' | 'unreachable'
  reopened: boolean
}

export const callbacksApi = {
  counts: () => callFunction<CallbackCounts>(FN, 'counts', {}, read),
  list: (params: { status: CallbackTab; mine?: boolean; pageSize?: number; cursor?: string }) => callFunction<Page<CallbackView>>(FN, 'list', params, read),
  record: (input: RecordInput) => callFunction<RecordResult>(FN, 'record', input),
}
