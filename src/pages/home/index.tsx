import { PageShell } from '@/features/shell'
import { HomeScreen, useHomeShare } from '@/features/home'

export default function HomePage() {
  useHomeShare()
  return (
    <PageShell>
      <HomeScreen />
    </PageShell>
  )
}
