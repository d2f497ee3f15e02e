export { PageShell } from './PageShell'
export { routedPage, type PageParams } from './routedPage'
export { tabPage } from './tabPage'
