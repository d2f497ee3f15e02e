export { RoutingEditor } from './RoutingEditor'
