export { HomeScreen } from './HomeScreen'
export { useHomeShare } from './useHomeShare'
