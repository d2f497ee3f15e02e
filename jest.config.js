// One config per test layer; `npm test` runs them in order (see package.json).
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022', transform: { react: { runtime: 'automatic' } } }, module: { type: 'commonjs' } }]

/** @type {import('jest').Config} */
const node = (name, extra = {}) => ({
  displayName: name,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' },
  testMatch: [`<rootDir>/tests/${name}/**/*.test.ts`],
  ...extra,
})

module.exports = {
  testTimeout: 60000,
  projects: [
    node('unit'),
    node('functions', { setupFiles: ['<rootDir>/tests/helpers/sdk-env.ts'] }),
    '<rootDir>/tests/jest.components.config.js',
    '<rootDir>/tests/jest.weapp.config.js',
    node('e2e', { setupFiles: ['<rootDir>/tests/helpers/sdk-env.ts'] }),
  ],
}
