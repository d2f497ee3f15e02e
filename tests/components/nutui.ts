// Jest stand-in for babel-plugin-import: the same per-component modules the build imports, without
// loading NutUI's whole barrel. A component used in src/ but missing here renders as undefined and
// fails the test loudly: add it.
export { default as Button } from '@nutui/nutui-react-taro/dist/es/packages/button'
export { default as Switch } from '@nutui/nutui-react-taro/dist/es/packages/switch'
