import type { MembershipStatus } from '@/domain/identity'
import { Pill } from '@/components/Pill'
import { STATUS_LABELS, STATUS_TONE } from './labels'

export function StatusTag({ status }: { status: MembershipStatus }) {
  return (
    <Pill tone={STATUS_TONE[status]} className={`status-tag status-tag--${status}`}>
      {STATUS_LABELS[status]}
    </Pill>
  )
}
