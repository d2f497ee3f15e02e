import Taro, { useLoad, useRouter } from '@tarojs/taro'
import { PageShell } from '@/features/shell'
import { NoticeEditor } from '@/features/staff-notices'

/** 新建公告 / 编辑公告 (`?id=` to edit). */
export default function NoticeEditPage() {
  const { params } = useRouter()
  useLoad(() => {
    if (!params.id) void Taro.setNavigationBarTitle({ title: '新建公告' })
  })
  return (
    <PageShell>
      <NoticeEditor announcementId={params.id} />
    </PageShell>
  )
}
