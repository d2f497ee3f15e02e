export { BindForm } from './BindForm'
