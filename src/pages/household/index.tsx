import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/features/shell'
import { HouseholdScreen } from '@/features/household'

export default function HouseholdPage() {
  const { params } = useRouter()
  return (
    <PageShell>
      <HouseholdScreen unitId={params.unitId} />
    </PageShell>
  )
}
