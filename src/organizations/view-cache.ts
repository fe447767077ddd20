import type { Db } from '../db/client.ts';
import { ANY_ROW, type TableWatch, watchTables } from '../db/table-watch.ts';

/**
 * Profiles as the single read sends them (JSON bytes, with and without contact details), the most
 * frequent request after the suggestions. An entry is dropped by any write to its row through this
 * connection (temporary triggers: any repository, drizzle or raw SQL), and all are dropped when another
 * process has written to the database, so none is ever stale.
 */
export class ProfileViews {
  private readonly views = new Map<number, { withContact?: Buffer; withoutContact?: Buffer }>();
  private readonly watch: TableWatch;

  constructor(
    db: Db,
    private readonly size = 10_000,
  ) {
    this.watch = watchTables(db, ['organizations'], (_table, id) => (id === ANY_ROW ? this.views.clear() : this.views.delete(id)));
  }

  /** The bytes kept for this profile, or `render()`'s (then kept); null when there is no such profile. */
  get(id: number, contact: boolean, render: () => Buffer | null): Buffer | null {
    this.watch.sync();
    const entry = this.views.get(id);
    const kept = contact ? entry?.withContact : entry?.withoutContact;
    if (kept) return kept;
    const bytes = render();
    if (!bytes) return null;
    if (entry) entry[contact ? 'withContact' : 'withoutContact'] = bytes;
    else {
      this.views.set(id, contact ? { withContact: bytes } : { withoutContact: bytes });
      if (this.views.size > this.size) this.views.delete(this.views.keys().next().value!);
    }
    return bytes;
  }
}
