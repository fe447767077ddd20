import type { Db } from './client.ts';

let watches = 0;

/**
 * Calls `onChange(table, rowid)` after every row inserted, updated or deleted in these tables
 * through this connection, whoever writes it (any repository, drizzle or raw SQL): temporary
 * triggers on the connection, so nothing is added to the schema or the migrations. A write rolled
 * back afterwards still calls it, which only costs a cache a recomputation. An update that changes
 * a row's id reports both ids.
 */
export function watchTables(db: Db, tables: string[], onChange: (table: string, rowid: number) => void): void {
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
}
