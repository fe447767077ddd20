import { createHash } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.ts';
import { openDatabase, type Db } from '../src/db/client.ts';
import type { MailOptions } from '../src/plugins/messages.ts';
import type { SecurityOptions } from '../src/plugins/security.ts';
import { approveDemoPairs, loadDemoData } from '../seed/load.ts';

export const ADMIN_TOKEN = 'test-matchmaker-token-0123456789';
export const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  /** `inject` with the matchmaker token unless other headers are given. */
  call: (opts: InjectOptions) => Promise<LightMyRequestResponse>;
}

export interface TestAppOptions {
  /** The app's clock: a fixed instant, or a function (default: the real clock). */
  now?: Date | (() => Date);
  /** Rate limits (default: high enough that no test meets them unless it sets them). */
  limits?: Partial<SecurityOptions>;
  backupDir?: string;
  /** `demo` loads the demo organisations and sessions first, and approves the demo pairs. */
  seed?: 'demo';
  /** E-mail (an SMTP server, the links' address); without it messages stay in the outbox. */
  mail?: MailOptions;
  /** A SQLite file instead of memory (tests that restart the service on the same data). */
  databasePath?: string;
}

/** The real app on a fresh in-memory SQLite database with the real migrations applied. */
export async function testApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const db = openDatabase(opts.databasePath ?? ':memory:');
  if (opts.seed === 'demo') loadDemoData(db);
  const now = opts.now instanceof Date ? () => opts.now as Date : opts.now;
  const app = await buildApp({
    adminToken: ADMIN_TOKEN,
    db,
    limits: { writesPerMinute: 1_000_000, failedSignInsPerMinute: 1_000_000, ...opts.limits },
    ...(now ? { now } : {}),
    ...(opts.backupDir ? { backupDir: opts.backupDir } : {}),
    ...(opts.mail ? { mail: opts.mail } : {}),
    // Texts analysed in the request's own thread: tests need no worker pool.
    analysis: 'inline',
  });
  if (opts.seed === 'demo') await approveDemoPairs(app);
  const call = (o: InjectOptions) => app.inject({ ...o, headers: { ...admin, ...o.headers } });
  return { app, db, call };
}

/** A valid profile; override fields per test. */
export function profile(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    externalId: 'mn-0042',
    name: 'Монгол Кашемир ХХК',
    kind: 'company',
    country: 'MN',
    city: 'Ulaanbaatar',
    languages: ['mn', 'en'],
    sectors: ['textiles', '繊維'],
    description: 'Бид ноолууран утас, сүлжмэл эдлэл үйлдвэрлэдэг.',
    offers: ['Ноолууран утас нийлүүлнэ'],
    needs: [{ en: 'Japanese apparel brands as distribution partners' }],
    sdgs: [8, 12],
    contact: { name: 'Батбаяр', email: 'sales@cashmere.example.mn', phone: '+976-11-123456' },
    ...overrides,
  };
}

/** Row count and a digest of the content of every table: what a refused request must leave as it was. */
export interface DbSnapshot {
  counts: Record<string, number>;
  digests: Record<string, string>;
}

export function dbSnapshot(db: Db): DbSnapshot {
  const names = (
    db.$client.prepare("select name from sqlite_master where type='table' and name not like 'sqlite_%' and name not like '__drizzle%'").all() as {
      name: string;
    }[]
  ).map((r) => r.name);
  const counts: Record<string, number> = {};
  const digests: Record<string, string> = {};
  for (const name of names) {
    counts[name] = (db.$client.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n;
    const rows = db.$client.prepare(`select * from "${name}" order by rowid`).all();
    digests[name] = createHash('sha256').update(JSON.stringify(rows)).digest('hex');
  }
  return { counts, digests };
}

/** The tables whose rows or content differ, in words. */
export function snapshotDiff(before: DbSnapshot, after: DbSnapshot): string[] {
  const out: string[] = [];
  for (const name of new Set([...Object.keys(before.counts), ...Object.keys(after.counts)])) {
    if (before.counts[name] !== after.counts[name]) out.push(`table ${name}: ${before.counts[name]} → ${after.counts[name]} rows`);
    else if (before.digests[name] !== after.digests[name]) out.push(`table ${name}: content changed`);
  }
  return out;
}
