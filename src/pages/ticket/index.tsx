import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/features/shell'
import { TicketScreen } from '@/features/ticket-detail'

/** A resident's request: status, promised times, progress, and what they can do now. */
export default function TicketPage() {
  const { params } = useRouter()
  return (
    <PageShell>
      <TicketScreen ticketId={params.id} />
    </PageShell>
  )
}
