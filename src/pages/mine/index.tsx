import { PageShell } from '@/features/shell'
import { MineScreen } from '@/features/mine'

export default function MinePage() {
  return (
    <PageShell>
      <MineScreen />
    </PageShell>
  )
}
