import type { Db } from './client.ts';

let watches = 0;

/**
 * Calls `onChange` after every row inserted, updated or deleted in these tables through this
 * connection, whoever writes it (any repository, drizzle or raw SQL): temporary triggers on the
 * connection, so nothing is added to the schema or the migrations. A write rolled back afterwards
 * still calls it, which only costs a cache a recomputation.
 */
export function watchTables(db: Db, tables: string[], onChange: () => void): void {
  const fn = `musubi_changed_${++watches}`;
  db.$client.function(fn, () => {
    onChange();
    return null;
  });
  for (const table of tables)
    for (const op of ['insert', 'update', 'delete'])
      db.$client.exec(`create temp trigger ${fn}_${table}_${op} after ${op} on main.${table} begin select ${fn}(); end`);
}
