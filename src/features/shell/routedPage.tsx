import type { ReactNode } from 'react'
import { useRouter } from '@tarojs/taro'
import { PageShell } from './PageShell'

/** A page's query (`?id=…`), as Taro gives it. */
export type PageParams = Partial<Record<string, string>>

/**
 * A page that hands its query to one screen, inside the PageShell:
 * `export default routedPage((q) => <TicketScreen ticketId={q.id} />)`.
 */
export function routedPage(render: (params: PageParams) => ReactNode) {
  return function RoutedPage() {
    const { params } = useRouter()
    return <PageShell>{render(params)}</PageShell>
  }
}
