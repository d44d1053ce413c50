/**
 * Test layers, each a jest project (see README):
 *   unit      pure domain logic                       (node)
 *   component pages/components with RTL + Taro doubles (jsdom)
 *   cloud     router/handlers/adapters/local server    (node)
 *   weapp     the BUILT dist/ in miniprogram-simulate  (jsdom)
 *   e2e       Playwright + Chromium against npm start  (node; `npm run test:e2e`)
 */
const shared = {
  transform: { '^.+\\.[tj]sx?$': 'babel-jest' },
  moduleNameMapper: {
    '^@/(.*)$': '<rootDir>/src/$1',
    '^wx-server-sdk$': '<rootDir>/test/doubles/wx-server-sdk.ts',
  },
  clearMocks: true,
}

module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'component',
      testEnvironment: 'jsdom',
      setupFiles: ['<rootDir>/test/setup-globals.ts'],
      testMatch: ['<rootDir>/test/component/**/*.test.{ts,tsx}'],
      // Stylesheets first: jest uses the first pattern that matches, and '@/…scss' must not
      // reach the '@/' alias as a module to parse.
      moduleNameMapper: {
        '\\.(s?css)$': '<rootDir>/test/doubles/style.ts',
        ...shared.moduleNameMapper,
        '^@tarojs/taro$': '<rootDir>/test/doubles/taro.ts',
        '^@tarojs/components$': '<rootDir>/test/doubles/components.tsx',
      },
    },
    {
      ...shared,
      displayName: 'cloud',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/cloud/**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'weapp',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/weapp/**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
    },
  ],
}
