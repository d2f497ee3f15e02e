import { PageShell } from '@/features/shell'
import { StaffMovein } from '@/features/movein'

/** 入住交接: batches, preparation, dashboard and bookings. */
export default function StaffMoveinPage() {
  return (
    <PageShell>
      <StaffMovein />
    </PageShell>
  )
}
