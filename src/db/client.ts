import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.ts';
import { fold } from '../../matching/text/fold.ts';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const MIGRATIONS = resolve(dirname(fileURLToPath(import.meta.url)), '../../migrations');

/**
 * Opens (creating if needed) the SQLite database and applies the drizzle-kit migrations.
 * WAL lets readers go on while an import writes; foreign keys are off by default in SQLite.
 */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // SQLite's lower() folds ASCII only; filters on Cyrillic cities and sectors need Unicode folding.
  sqlite.function('fold', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? fold(value) : value));
  const db = drizzle({ client: withStatementCache(sqlite) as Database.Database, schema }) as Db;
  // What the rest of the code gets as `db.$client` is the connection itself.
  db.$client = sqlite;
  migrate(db, { migrationsFolder: MIGRATIONS });
  return db;
}

/** Statements kept per connection for drizzle: enough for every query the service makes in a loop. */
const STATEMENTS_KEPT = 500;

/**
 * The connection as drizzle uses it (`prepare`, `transaction`), with its statements kept by SQL
 * text. drizzle prepares every query again each time it runs it, and preparing costs more than
 * running most of the service's queries (about a tenth of the main thread under a mixed load).
 * A kept statement is handed out again in its default mode (drizzle switches it to raw rows where
 * it wants them), never while it is still running; the least recently used go past `STATEMENTS_KEPT`.
 * Only drizzle uses these: statements the code prepares itself (`db.$client.prepare`) stay its own.
 */
function withStatementCache(sqlite: Database.Database): Pick<Database.Database, 'prepare' | 'transaction'> {
  const kept = new Map<string, Database.Statement>();
  return {
    prepare(source: string) {
      const statement = kept.get(source);
      if (statement && !statement.busy) {
        kept.delete(source);
        kept.set(source, statement);
        if (statement.reader) statement.raw(false);
        return statement;
      }
      const fresh = sqlite.prepare(source);
      if (!statement) {
        kept.set(source, fresh);
        if (kept.size > STATEMENTS_KEPT) kept.delete(kept.keys().next().value!);
      }
      return fresh;
    },
    transaction: (fn) => sqlite.transaction(fn),
  } as Pick<Database.Database, 'prepare' | 'transaction'>;
}
