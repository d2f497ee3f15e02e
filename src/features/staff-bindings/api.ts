/** Staff calls of 绑定审核 beyond the account feature's: history and undo. Types only: zod stays out of the bundle. */
import { callFunction } from '@/services/cloud'
import type { HomeView } from '@/domain/identity'
import type { BindingRequest, Page } from '@/features/account'

const FN = 'account'

export const staffBindingsApi = {
  history: (params: { pageSize?: number; cursor?: string } = {}) => callFunction<Page<BindingRequest>>(FN, 'bindingHistory', params, { idempotent: true }),
  /** The approver or a supervisor, within 10 minutes of the approval; the request is pending again. */
  undo: (membershipId: string) => callFunction<HomeView>(FN, 'undoBindingApproval', { membershipId }),
}
