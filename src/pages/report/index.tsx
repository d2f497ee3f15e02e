import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/features/shell'
import { ReportForm, parseTicketType } from '@/features/report'

/** 报修 / 投诉 / 咨询 (`?type=repair|complaint|consultation`). */
export default function ReportPage() {
  const { params } = useRouter()
  return (
    <PageShell>
      <ReportForm type={parseTicketType(params.type)} />
    </PageShell>
  )
}
