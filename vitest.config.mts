import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The LWC jest tests live under force-app/ and run with sfdx-lwc-jest.
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
