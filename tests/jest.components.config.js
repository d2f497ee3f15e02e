// Component tests: pages and features rendered with Testing Library on Taro's real H5 components.
// Run: npx jest -c tests/jest.components.config.js
const path = require('node:path');

/** ESM packages that must be transformed for jest (CommonJS). */
const esm = [
  '@tarojs',
  '@stencil',
  '@nutui',
  '@swc/helpers',
  'swiper',
  'ssr-window',
  'dom7',
  'tslib',
  'classnames',
  'lodash-es',
  'query-string',
  'decode-uri-component',
  'split-on-first',
  'filter-obj',
  'react-transition-group',
  '@react-spring',
  '@use-gesture',
  'dayjs',
  // @tarojs/components/lib/react ships its own pnpm-laid-out tslib
  '.pnpm',
];

/** @type {import('jest').Config} */
module.exports = {
  rootDir: path.resolve(__dirname, '..'),
  displayName: 'components',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/tests/components/**/*.test.{ts,tsx}'],
  setupFilesAfterEnv: ['<rootDir>/tests/components/setup.ts'],
  transform: {
    '^.+\\.(t|j)sx?$|^.+\\.mjs$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          target: 'es2020',
          transform: { react: { runtime: 'automatic' } },
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esm.map((p) => p.replace(/[./]/g, (c) => '\\' + c)).join('|')}))`],
  moduleNameMapper: {
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '^@tarojs/taro$': '<rootDir>/tests/components/taro-double.ts',
    '^@nutui/nutui-react-taro$': '<rootDir>/tests/components/nutui.ts',
    '^@/(.*)$': '<rootDir>/src/$1',
    '\\.(css|scss|sass|less)$': '<rootDir>/tests/components/style-stub.js',
    '\\.(png|jpe?g|gif|svg)$': '<rootDir>/tests/components/style-stub.js',
  },
  globals: {
    // Build-time constants (config/index.ts defineConstants)
    LINLI_CLOUD_ENV: 'linli-test',
    LINLI_APP_VERSION: '0.0.0-test',
    // Taro runtime feature flags normally injected by the Taro build
    ENABLE_INNER_HTML: true,
    ENABLE_ADJACENT_HTML: true,
    ENABLE_SIZE_APIS: true,
    ENABLE_TEMPLATE_CONTENT: true,
    ENABLE_CLONE_NODE: true,
    ENABLE_CONTAINS: true,
    ENABLE_MUTATION_OBSERVER: true,
    SUPPORT_TARO_POLYFILL: 'disabled',
    DEPRECATED_ADAPTER_COMPONENT: false,
  },
};
