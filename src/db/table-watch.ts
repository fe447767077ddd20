import type { Db } from './client.ts';

let watches = 0;

/** What `watchTables` reports with a row id of -1: anything may have changed (another process wrote). */
export const ANY_ROW = -1;

export interface TableWatch {
  /**
   * Reports `ANY_ROW` when another connection (another process: `npm run import` while the service
   * runs) has committed to the database since the last look; its writes fire no trigger here. Call it
   * before trusting what the callback keeps: one `pragma data_version`, about a microsecond.
   */
  sync(): void;
}

/**
 * Calls `onChange(table, rowid)` after every row inserted, updated or deleted in these tables
 * through this connection, whoever writes it (any repository, drizzle or raw SQL): temporary
 * triggers on the connection, so nothing is added to the schema or the migrations. A write rolled
 * back afterwards still calls it, which only costs a cache a recomputation. An update that changes
 * a row's id reports both ids. Writes by other connections are seen by `sync()` (as `ANY_ROW`).
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
  const version = db.$client.prepare('pragma data_version').pluck();
  let seen = version.get();
  return {
    sync() {
      const now = version.get();
      if (now === seen) return;
      seen = now;
      for (const table of tables) onChange(table, ANY_ROW);
    },
  };
}
