/** The staff report call (tickets.staffReport). Types only: zod stays out of the bundle. */
import type { z } from 'zod'
import { callFunction } from '@/services/cloud'
import type { ticketInputs } from '@/domain/tickets/api'
import { FN, type Created } from '@/features/tickets'

export type StaffReportInput = z.input<typeof ticketInputs.staffReport>

export const staffFoundApi = {
  /** Engineers and security only; idempotent per clientRequestId. */
  report: (input: StaffReportInput) => callFunction<Created>(FN, 'staffReport', input),
}
