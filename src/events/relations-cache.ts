import type { Db } from '../db/client.ts';
import { watchTables } from '../db/table-watch.ts';
import type { Relation } from './requests.ts';

/**
 * `relationsOf` kept per organisation: the suggestions answer asks it at every request (two queries,
 * ~30 µs). An entry is dropped by any write to requests, meetings or attendees (whoever writes them,
 * see watchTables), and by the clock when an open request in it expires (or the clock goes back).
 */
export function cachedRelations(
  db: Db,
  now: () => Date,
  relationsUntil: (organizationId: number) => { relations: Map<number, Relation>; until: number },
  size = 5_000,
): (organizationId: number) => Map<number, Relation> {
  const cache = new Map<number, { relations: Map<number, Relation>; at: number; until: number }>();
  const watch = watchTables(db, ['meeting_requests', 'meetings', 'attendees'], () => cache.clear());
  return (organizationId) => {
    watch.sync();
    const at = now().getTime();
    const hit = cache.get(organizationId);
    // A clock set back (tests, a corrected system clock) may bring back a request that had expired.
    if (hit && hit.at <= at && at < hit.until) return hit.relations;
    const fresh = { ...relationsUntil(organizationId), at };
    cache.delete(organizationId);
    cache.set(organizationId, fresh);
    if (cache.size > size) cache.delete(cache.keys().next().value!);
    return fresh.relations;
  };
}
