import { PageShell } from '@/features/shell'
import { AboutInfo } from '@/features/about'

export default function AboutPage() {
  return (
    <PageShell>
      <AboutInfo />
    </PageShell>
  )
}
