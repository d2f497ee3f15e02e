export { MineScreen } from './MineScreen'
