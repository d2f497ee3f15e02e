export { SlaEditor } from './SlaEditor'
