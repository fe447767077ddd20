import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';

describe('configuration', () => {
  it('has defaults for everything, and generates a matchmaker token when none is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', databasePath: './data/musubi.db', seed: 'demo', adminTokenGenerated: true });
    expect(config.adminToken).toMatch(/^mm_[A-Za-z0-9_-]{32}$/);
    expect(loadConfig({}).adminToken).not.toBe(config.adminToken);
  });

  it('reads the environment', () => {
    const config = loadConfig({ PORT: '8080', HOST: '0.0.0.0', DATABASE_PATH: ':memory:', MUSUBI_ADMIN_TOKEN: 'a-long-enough-token', MUSUBI_SEED: 'none' });
    expect(config).toMatchObject({ port: 8080, host: '0.0.0.0', databasePath: ':memory:', adminToken: 'a-long-enough-token', adminTokenGenerated: false, seed: 'none' });
  });

  it('refuses bad values at start-up, naming each', () => {
    expect(() => loadConfig({ PORT: 'eighty', MUSUBI_SEED: 'all', MUSUBI_ADMIN_TOKEN: 'short' })).toThrow(
      /PORT must be integer.*MUSUBI_ADMIN_TOKEN must be at least 16 characters.*MUSUBI_SEED/,
    );
  });
});
