export { AboutInfo } from './AboutInfo'
