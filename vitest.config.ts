import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 20_000,
    // Set-ups that load the demo data or start a server take seconds, more on a busy CI machine.
    hookTimeout: 60_000,
  },
});
