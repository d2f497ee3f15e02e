import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/features/shell'
import { EventScreen } from '@/features/event-detail'

/** 活动详情 (`?id=`): from the 活动 tab, a message, or a shared card. */
export default function EventPage() {
  const { params } = useRouter()
  return (
    <PageShell>
      <EventScreen eventId={params.id} />
    </PageShell>
  )
}
