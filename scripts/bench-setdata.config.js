// `npm run bench:setdata` (scripts/bench-setdata.ts): the setData benchmark runs in jest (jsdom + miniprogram-simulate, like
// the weapp tests) but is not a test layer: it prints figures. See scripts/bench-setdata.bench.js.
const path = require('node:path');

/** @type {import('jest').Config} */
module.exports = {
  rootDir: path.resolve(__dirname, '..'),
  displayName: 'bench:setdata',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/scripts/bench-setdata.bench.js'],
  setupFilesAfterEnv: ['<rootDir>/tests/weapp/setup.js'],
  transform: {},
  testTimeout: 120000,
};
