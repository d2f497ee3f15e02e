import { PageShell } from '@/features/shell'
import { MoveinScreen } from '@/features/movein'

/** 入住预约: book the handover, upload documents, sign the key receipt, follow the inspection. */
export default function MoveinPage() {
  return (
    <PageShell>
      <MoveinScreen />
    </PageShell>
  )
}
