import { PageShell } from '@/features/shell'
import { NoticesList } from '@/features/notices'

/** 社区通知: all notices for my homes, 全部 / 未读. */
export default function NoticesPage() {
  return (
    <PageShell>
      <NoticesList />
    </PageShell>
  )
}
