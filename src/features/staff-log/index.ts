export { LogForm } from './LogForm'
