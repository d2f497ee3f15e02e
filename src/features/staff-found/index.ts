export { FoundForm } from './FoundForm'
