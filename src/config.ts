import { Type, type Static } from 'typebox';
import { fieldProblems, queryAjv } from './validation.ts';

const ConfigSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  DATABASE_PATH: Type.String({ minLength: 1, default: './data/musubi.db' }),
  MUSUBI_ADMIN_TOKEN: Type.Optional(Type.String({ minLength: 16 })),
  BACKUP_DIR: Type.String({ minLength: 1, default: './data/backups' }),
  MUSUBI_SEED: Type.Union([Type.Literal('demo'), Type.Literal('none')], { default: 'demo' }),
  SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://', 'x-message': 'must be an smtp:// or smtps:// URL' })),
  MAIL_FROM: Type.String({ minLength: 3, default: 'Musubi <no-reply@musubi.invalid>' }),
  PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://[^/]+', 'x-message': 'must be an http:// or https:// address' })),
  MAIL_INTERVAL_SECONDS: Type.Integer({ minimum: 1, maximum: 3600, default: 30 }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((level) => Type.Literal(level)),
    { default: 'info' },
  ),
});

export interface Config {
  port: number;
  host: string;
  databasePath: string;
  /** A matchmaker token chosen by the operator; without it one is generated once and kept (hashed) in the database. */
  adminToken?: string;
  seed: 'demo' | 'none';
  logLevel: string;
  backupDir: string;
  mail: MailConfig;
}

export interface MailConfig {
  /** Where messages go out (smtp://user:pass@host:587, smtps://…); without it they stay in the outbox. */
  smtpUrl?: string;
  /** The From header of every message. */
  from: string;
  /** The address people open links in messages at (sign-in, feedback, unsubscribe). */
  publicUrl: string;
  /** How often due messages (reminders, feedback, follow-ups) are looked for and the outbox delivered. */
  intervalSeconds: number;
}

/**
 * Reads and validates the configuration once, at start-up. The only place that reads
 * `process.env`; everything else receives a `Config`.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(ConfigSchema.properties)) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const validate = queryAjv.compile<Static<typeof ConfigSchema>>(ConfigSchema);
  if (!validate(raw)) {
    const problems = fieldProblems(validate.errors).map((p) => `${p.field} ${p.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  return {
    port: raw.PORT as number,
    host: raw.HOST as string,
    databasePath: raw.DATABASE_PATH as string,
    ...(raw.MUSUBI_ADMIN_TOKEN ? { adminToken: raw.MUSUBI_ADMIN_TOKEN as string } : {}),
    seed: raw.MUSUBI_SEED as 'demo' | 'none',
    logLevel: raw.LOG_LEVEL as string,
    backupDir: raw.BACKUP_DIR as string,
    mail: {
      ...(raw.SMTP_URL ? { smtpUrl: raw.SMTP_URL as string } : {}),
      from: raw.MAIL_FROM as string,
      publicUrl: ((raw.PUBLIC_URL as string | undefined) ?? `http://${raw.HOST as string}:${raw.PORT as number}`).replace(/\/+$/, ''),
      intervalSeconds: raw.MAIL_INTERVAL_SECONDS as number,
    },
  };
}
