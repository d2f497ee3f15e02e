export { Workbench } from './Workbench'
export { entriesFor, ENTRIES } from './entries'
