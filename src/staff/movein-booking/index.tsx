import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/features/shell'
import { StaffBooking } from '@/features/movein'

/** One booking (`?id=`): document review, handover checklist, house inspection. */
export default function StaffMoveinBookingPage() {
  const { params } = useRouter()
  return (
    <PageShell>
      <StaffBooking bookingId={params.id} />
    </PageShell>
  )
}
