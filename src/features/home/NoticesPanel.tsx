import { HomeNotices } from '@/features/notices'

/** 社区通知 on 首页: pinned and recent notices for my homes (the notices feature); offline, the last ones kept. */
export function NoticesPanel({ offline = false }: { offline?: boolean }) {
  return <HomeNotices offline={offline} />
}
