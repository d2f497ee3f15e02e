import type { MembershipStatus } from '@/domain/identity'
import { Pill } from '@/components/Pill'
import { MEMBERSHIP_STATUS_LABELS } from '@/domain/membership-status'
import { MEMBERSHIP_STATUS_TONE } from './labels'

export function StatusTag({ status }: { status: MembershipStatus }) {
  return (
    <Pill tone={MEMBERSHIP_STATUS_TONE[status]} className={`status-tag status-tag--${status}`}>
      {MEMBERSHIP_STATUS_LABELS[status]}
    </Pill>
  )
}
