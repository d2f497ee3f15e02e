import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/features/shell'
import { ReceiptScreen } from '@/features/movein'

/** 钥匙交接单 (`?id=` booking): the owner and the desk open and print the same signed record. */
export default function MoveinReceiptPage() {
  const { params } = useRouter()
  return (
    <PageShell>
      <ReceiptScreen bookingId={params.id} />
    </PageShell>
  )
}
