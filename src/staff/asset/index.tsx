import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/features/shell'
import { AssetPage } from '@/features/facilities'

export default function StaffAssetPage() {
  const { params } = useRouter()
  return (
    <PageShell>
      <AssetPage id={params.id ? decodeURIComponent(params.id) : undefined} code={params.code ? decodeURIComponent(params.code) : undefined} />
    </PageShell>
  )
}
