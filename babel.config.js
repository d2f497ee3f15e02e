// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
const NUTUI = '@nutui/nutui-react-taro/dist/es/packages/'

module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  plugins: [
    // NutUI on demand: one component module plus its compiled css per import.
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        camel2DashComponentName: false,
        customName: (name) => `${NUTUI}${name.toLowerCase()}`,
        customStyleName: (name) => `${NUTUI}${name.toLowerCase()}/style/css`,
      },
      'nutui-react-taro',
    ],
  ],
}
