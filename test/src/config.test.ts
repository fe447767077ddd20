import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';

describe('configuration', () => {
  it('has defaults for everything; without MUSUBI_ADMIN_TOKEN the token comes from the database', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', databasePath: './data/musubi.db', seed: 'demo' });
    expect(config.adminToken).toBeUndefined();
  });

  it('reads the environment', () => {
    const config = loadConfig({ PORT: '8080', HOST: '0.0.0.0', DATABASE_PATH: ':memory:', MUSUBI_ADMIN_TOKEN: 'a-long-enough-token', MUSUBI_SEED: 'none' });
    expect(config).toMatchObject({ port: 8080, host: '0.0.0.0', databasePath: ':memory:', adminToken: 'a-long-enough-token', seed: 'none' });
  });

  it('reads the mail settings: without SMTP_URL messages stay in the outbox; links point at PUBLIC_URL', () => {
    expect(loadConfig({}).mail).toEqual({ from: 'Musubi <no-reply@musubi.invalid>', publicUrl: 'http://127.0.0.1:3000', intervalSeconds: 30 });
    expect(
      loadConfig({ SMTP_URL: 'smtp://u:p@mail.example.org:587', MAIL_FROM: 'Musubi <m@example.org>', PUBLIC_URL: 'https://musubi.example.org/' }).mail,
    ).toMatchObject({ smtpUrl: 'smtp://u:p@mail.example.org:587', from: 'Musubi <m@example.org>', publicUrl: 'https://musubi.example.org' });
    expect(() => loadConfig({ SMTP_URL: 'mail.example.org' })).toThrow(/SMTP_URL/);
  });

  it('refuses bad values at start-up, naming each', () => {
    expect(() => loadConfig({ PORT: 'eighty', MUSUBI_SEED: 'all', MUSUBI_ADMIN_TOKEN: 'short' })).toThrow(
      /PORT must be integer.*MUSUBI_ADMIN_TOKEN must be at least 16 characters.*MUSUBI_SEED/,
    );
  });
});
