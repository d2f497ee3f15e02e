import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/features/shell'
import { RoundPage } from '@/features/facilities'

export default function StaffRoundPage() {
  const { params } = useRouter()
  return (
    <PageShell>
      <RoundPage roundId={decodeURIComponent(params.id ?? '')} />
    </PageShell>
  )
}
