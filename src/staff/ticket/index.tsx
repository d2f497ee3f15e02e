import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/features/shell'
import { StaffTicketScreen } from '@/features/staff-tickets'

export default function StaffTicketPage() {
  const { params } = useRouter()
  return (
    <PageShell>
      <StaffTicketScreen ticketId={params.id} />
    </PageShell>
  )
}
