import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Db } from './client.ts';

/**
 * A consistent snapshot of the live database, taken with SQLite's online backup API (through
 * better-sqlite3): readers and writers go on while pages are copied, and the copy is a valid
 * database of one moment. Restoring is copying the file back while the service is stopped.
 */
export async function backupDatabase(db: Db, file: string): Promise<{ file: string; bytes: number }> {
  const target = resolve(file);
  mkdirSync(dirname(target), { recursive: true });
  await db.$client.backup(target);
  return { file: target, bytes: statSync(target).size };
}
