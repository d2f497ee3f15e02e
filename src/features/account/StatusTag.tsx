import { Tag } from '@nutui/nutui-react-taro'
import type { MembershipStatus } from '@/domain/identity'
import { STATUS_LABELS, STATUS_TAG_TYPE } from './labels'

export function StatusTag({ status }: { status: MembershipStatus }) {
  return (
    <Tag type={STATUS_TAG_TYPE[status]} plain round className={`status-tag status-tag--${status}`}>
      {STATUS_LABELS[status]}
    </Tag>
  )
}
