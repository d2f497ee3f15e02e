import { HomeNotices } from '@/features/notices'

/** 社区通知 on 首页: pinned and recent notices for my homes (the notices feature). */
export function NoticesPanel() {
  return <HomeNotices />
}
