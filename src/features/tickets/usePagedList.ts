/** Tickets use the shared cursor-paged list. */
export { usePagedList, PAGE_SIZE, type PageOf } from '@/components/usePagedList'
