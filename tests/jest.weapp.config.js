// weapp tests: the compiled dist/weapp pages rendered with miniprogram-simulate (official wcc).
// Build first: npx taro build --type weapp && npx jest -c tests/jest.weapp.config.js
const path = require('node:path');

/** @type {import('jest').Config} */
module.exports = {
  rootDir: path.resolve(__dirname, '..'),
  displayName: 'weapp',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/tests/weapp/**/*.test.js'],
  setupFilesAfterEnv: ['<rootDir>/tests/weapp/setup.js'],
  // The compiled bundles are plain CommonJS for WeChat: run them untransformed.
  transform: {},
};
