import { usePagedList, type PageOf } from '@/components/usePagedList'

export { PAGE_SIZE } from '@/components/usePagedList'

/** A cursor-paged list of notices (the shared list, keyed by announcement id). */
export function usePaged<T extends { announcementId: string }>(key: string | null, fetchPage: (cursor?: string) => Promise<PageOf<T>>) {
  return usePagedList<T>(key, fetchPage, (n) => n.announcementId)
}
