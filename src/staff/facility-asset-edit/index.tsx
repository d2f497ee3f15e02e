import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/features/shell'
import { AssetEditor } from '@/features/facilities'

/** 登记设备（?id= edits）. */
export default function Page() {
  const { params } = useRouter()
  return (
    <PageShell>
      <AssetEditor assetId={params.id} />
    </PageShell>
  )
}
