import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/features/shell'
import { EventEditor } from '@/features/staff-events'

/** 策划活动 (`?id=` edits a draft). */
export default function StaffEventEditPage() {
  const { params } = useRouter()
  return (
    <PageShell>
      <EventEditor eventId={params.id} />
    </PageShell>
  )
}
