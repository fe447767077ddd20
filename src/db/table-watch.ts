import type { Db } from './client.ts';

let watches = 0;

/**
 * How long a connection's `pragma data_version` is trusted (ms). Reading it takes a lock on the
 * database file (two fcntl and an fstat: ~3 µs, as much as the rest of a cached read), so it is read
 * at most once a millisecond, for all of the connection's watches: another process's commit is seen
 * within a millisecond rather than at the very next read.
 */
export const OTHER_WRITES_SEEN_WITHIN_MS = 1;
const versions = new WeakMap<Db['$client'], { read: () => number; value: number; at: number }>();

/** The connection's data version (it changes when another connection commits), read at most once per `OTHER_WRITES_SEEN_WITHIN_MS`. */
function dataVersion(client: Db['$client']): number {
  const now = performance.now();
  let version = versions.get(client);
  if (!version) {
    const statement = client.prepare('pragma data_version').pluck();
    version = { read: () => statement.get() as number, value: 0, at: -Infinity };
    versions.set(client, version);
  }
  if (now - version.at >= OTHER_WRITES_SEEN_WITHIN_MS) {
    version.value = version.read();
    version.at = now;
  }
  return version.value;
}

/** What `watchTables` reports with a row id of -1: anything may have changed (another process wrote). */
export const ANY_ROW = -1;

export interface TableWatch {
  /**
   * Reports `ANY_ROW` when another connection (another process: `npm run import` while the service
   * runs) has committed to the database since the last look; its writes fire no trigger here. Call it
   * before trusting what the callback keeps: it costs a `pragma data_version` once a millisecond at
   * most (`OTHER_WRITES_SEEN_WITHIN_MS`), shared by the connection's watches.
   */
  sync(): void;
}

/**
 * Calls `onChange(table, rowid)` after every row inserted, updated or deleted in these tables
 * through this connection, whoever writes it (any repository, drizzle or raw SQL): temporary
 * triggers on the connection, so nothing is added to the schema or the migrations. A write rolled
 * back afterwards still calls it, which only costs a cache a recomputation. An update that changes
 * a row's id reports both ids. Writes by other connections are seen by `sync()` (as `ANY_ROW`),
 * within `OTHER_WRITES_SEEN_WITHIN_MS`.
 */
export function watchTables(db: Db, tables: string[], onChange: (table: string, rowid: number) => void): TableWatch {
  const fn = `musubi_changed_${++watches}`;
  db.$client.function(fn, (table: unknown, rowid: unknown) => {
    onChange(String(table), Number(rowid));
    return null;
  });
  for (const table of tables) {
    const call = (row: 'new' | 'old') => `select ${fn}('${table}', ${row}.rowid);`;
    db.$client.exec(`create temp trigger ${fn}_${table}_insert after insert on main.${table} begin ${call('new')} end`);
    db.$client.exec(`create temp trigger ${fn}_${table}_update after update on main.${table} begin ${call('old')} ${call('new')} end`);
    db.$client.exec(`create temp trigger ${fn}_${table}_delete after delete on main.${table} begin ${call('old')} end`);
  }
  let seen = dataVersion(db.$client);
  return {
    sync() {
      const now = dataVersion(db.$client);
      if (now === seen) return;
      seen = now;
      for (const table of tables) onChange(table, ANY_ROW);
    },
  };
}
