export { PageShell } from './PageShell'
