import { and, asc, count, eq, getTableColumns, inArray, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { fold } from '../../matching/text/fold.ts';
import type { Db } from '../db/client.ts';
import { organizations, type OrganizationRow } from '../db/schema.ts';
import type { OrganizationQuery } from '../schemas/organizations.ts';
import { rowFromStored, searchTextOf, type Romanizer, type StoredProfile } from './model.ts';

export interface ImportedItem {
  externalId: string;
  id: number;
  status: 'created' | 'updated';
}

/** Rows per multi-row INSERT: 22 columns × 400 stays well under SQLite's 32,766 variables. */
const INSERT_CHUNK = 400;

/** What changed in one write: the matching index follows these. */
export interface OrganizationChange {
  upserted: number[];
  removed: number[];
}

/**
 * `now` is the app's clock (tests fix it); command-line tools use the real one. `romanize` gives
 * names their Latin form on write; without it (the seed script) `fillLatinNames` does it later.
 */
export function createOrganizationsRepository(db: Db, now: () => Date = () => new Date(), romanize?: Romanizer) {
  const derived = (p: StoredProfile) => rowFromStored(p, romanize);
  const listeners: ((change: OrganizationChange) => void)[] = [];
  const emit = (change: OrganizationChange) => {
    for (const listener of listeners) listener(change);
  };

  // Prepared once: building the query on every read cost more than the read itself (the single
  // organisation read is the service's most frequent request after the suggestions).
  const byIdQuery = db
    .select()
    .from(organizations)
    .where(eq(organizations.id, sql.placeholder('id')))
    .prepare();
  const byId = (id: number) => byIdQuery.get({ id }) ?? null;
  const byExternalIdQuery = db
    .select()
    .from(organizations)
    .where(eq(organizations.externalId, sql.placeholder('externalId')))
    .prepare();
  const byExternalId = (externalId: string): OrganizationRow | null => byExternalIdQuery.get({ externalId }) ?? null;
  // An import's rows, each written by a statement prepared once: building a drizzle query for
  // every row (or one for 400 rows) cost more than SQLite's work. Values are encoded as drizzle
  // would (JSON, booleans) by the columns themselves.
  const imported = Object.entries(getTableColumns(organizations)).filter(([key]) => key !== 'id' && key !== 'createdAt');
  const insertImported = db.$client.prepare(
    `insert into organizations (${imported.map(([, c]) => c.name).join(', ')}, created_at) values (${imported.map(() => '?').join(', ')}, ?) returning id`,
  );
  const selectLatinNames = db.$client.prepare('select id, name_latin as nameLatin from organizations where id in (select value from json_each(?))');
  const updateImported = db.$client.prepare(`update organizations set ${imported.map(([, c]) => `${c.name} = ?`).join(', ')} where id = ?`);
  /** A profile's values for those statements, in their columns' order. */
  const importedValues = (p: StoredProfile, stamp: string): unknown[] => {
    const row: Record<string, unknown> = { ...derived(p), updatedAt: stamp };
    return imported.map(([key, column]) => (row[key] == null ? null : column.mapToDriverValue(row[key])));
  };

  return {
    /** Called after every committed write, with the ids it touched. */
    onChange(listener: (change: OrganizationChange) => void): void {
      listeners.push(listener);
    },

    get: byId,
    byExternalId,
    all: () => db.select().from(organizations).orderBy(asc(organizations.id)).all(),
    byIds: (ids: readonly number[]) =>
      ids.length
        ? db
            .select()
            .from(organizations)
            .where(inArray(organizations.id, [...ids]))
            .all()
        : [],
    getByExternalId: byExternalId,

    /**
     * `ranked`: the ids the matching engine found for `q` by concept, best first (any language);
     * they come first, then the profiles where every word of `q` appears as written.
     */
    listIds(query: OrganizationQuery, ranked: readonly number[] = []): { ids: number[]; total: number } {
      const where = and(...filters(query, ranked));
      // A profile whose own name (in any script, or its Latin form) holds every word is what a
      // search for a name wants: it comes before profiles that only share a concept.
      const words = fold(query.q ?? '')
        .split(/\s+/u)
        .filter(Boolean);
      const nameFirst = words.length
        ? [
            sql`case when ${and(...words.map((w) => sql`fold(${organizations.name} || ' ' || ${organizations.nameLatin}) like ${`%${escapeLike(w)}%`} escape '\\'`))} then 0 else 1 end`,
          ]
        : [];
      const order = ranked.length
        ? [
            ...nameFirst,
            sql`coalesce((select key from json_each(${JSON.stringify(ranked)}) where value = ${organizations.id}), ${ranked.length})`,
            asc(organizations.id),
          ]
        : [...nameFirst, asc(organizations.id)];
      // Ids only: the profiles themselves are sent from the bytes kept for single reads (ProfileViews).
      const ids = db
        .select({ id: organizations.id })
        .from(organizations)
        .where(where)
        .orderBy(...order)
        .limit(query.limit)
        .offset(query.offset)
        .all()
        .map((r) => r.id);
      const total = db.select({ n: count() }).from(organizations).where(where).get()?.n ?? 0;
      return { ids, total };
    },

    // Single writes through the import's statements too (drizzle built each query anew: a third of an edit's time).
    create(profile: StoredProfile): OrganizationRow {
      const stamp = now().toISOString();
      const { id } = insertImported.get(...importedValues(profile, stamp), stamp) as { id: number };
      emit({ upserted: [id], removed: [] });
      return byId(id)!;
    },

    /** Replaces a stored profile; null when there is no such organisation. */
    update(id: number, profile: StoredProfile): OrganizationRow | null {
      if (updateImported.run(...importedValues(profile, now().toISOString()), id).changes === 0) return null;
      emit({ upserted: [id], removed: [] });
      return byId(id);
    },

    delete(id: number): boolean {
      const deleted = db.delete(organizations).where(eq(organizations.id, id)).run().changes > 0;
      if (deleted) emit({ upserted: [], removed: [id] });
      return deleted;
    },

    /** Latin names by id (asked for every list of partners: one prepared statement, the ids as one JSON parameter). */
    latinNames(ids: readonly number[]): Map<number, string> {
      const out = new Map<number, string>();
      if (ids.length === 0) return out;
      for (const row of selectLatinNames.all(JSON.stringify(ids)) as { id: number; nameLatin: string }[]) out.set(row.id, row.nameLatin);
      return out;
    },

    /** Gives every organisation stored without a Latin name (by the seed script, or before names had one) its romanised name. */
    fillLatinNames(romanizeName: Romanizer): number {
      const missing = db.select().from(organizations).where(eq(organizations.nameLatin, '')).all();
      db.transaction((tx) => {
        for (const row of missing) {
          const nameLatin = romanizeName(row.name);
          tx.update(organizations)
            .set({ nameLatin, searchText: searchTextOf(row, nameLatin) })
            .where(eq(organizations.id, row.id))
            .run();
        }
      });
      return missing.length;
    },

    count(): number {
      return db.select({ n: count() }).from(organizations).get()?.n ?? 0;
    },

    /**
     * Creates or updates profiles by externalId, all in one transaction: either every profile is
     * stored or none is. Callers validate first; `onProgress` reports rows written, for the CLI.
     */
    upsertMany(profiles: readonly StoredProfile[], onProgress?: (done: number) => void): ImportedItem[] {
      const items = db.transaction((tx) => {
        const existing = new Map<string, number>();
        const ids = profiles.map((p) => p.externalId);
        for (let i = 0; i < ids.length; i += INSERT_CHUNK) {
          const chunk = ids.slice(i, i + INSERT_CHUNK);
          for (const row of tx
            .select({ id: organizations.id, externalId: organizations.externalId })
            .from(organizations)
            .where(inArray(organizations.externalId, chunk))
            .all()) {
            existing.set(row.externalId, row.id);
          }
        }
        const stamp = now().toISOString();
        const created = new Map<string, number>();
        for (const p of profiles) {
          if (existing.has(p.externalId)) continue;
          created.set(p.externalId, (insertImported.get(...importedValues(p, stamp), stamp) as { id: number }).id);
          if (created.size % INSERT_CHUNK === 0) onProgress?.(created.size);
        }
        onProgress?.(created.size);
        let updated = 0;
        for (const profile of profiles) {
          const id = existing.get(profile.externalId);
          if (id === undefined) continue;
          updateImported.run(...importedValues(profile, stamp), id);
          if (++updated % INSERT_CHUNK === 0) onProgress?.(created.size + updated);
        }
        onProgress?.(profiles.length);
        return profiles.map((p) => {
          const id = existing.get(p.externalId);
          return id !== undefined
            ? { externalId: p.externalId, id, status: 'updated' as const }
            : { externalId: p.externalId, id: created.get(p.externalId)!, status: 'created' as const };
        });
      });
      emit({ upserted: items.map((i) => i.id), removed: [] });
      return items;
    },
  };
}

export type OrganizationsRepository = ReturnType<typeof createOrganizationsRepository>;

function filters(query: OrganizationQuery, ranked: readonly number[]): SQL[] {
  const out: SQL[] = [];
  if (query.country) out.push(eq(organizations.country, query.country));
  if (query.kind) out.push(eq(organizations.kind, query.kind));
  if (query.city) out.push(sql`fold(${organizations.city}) = ${fold(query.city.trim())}`);
  if (query.language) out.push(jsonArrayHas(organizations.languages, query.language));
  if (query.textLanguage) out.push(jsonArrayHas(organizations.textLanguages, query.textLanguage));
  if (query.sector) {
    out.push(sql`exists (select 1 from json_each(${organizations.sectors}) where fold(value) = ${fold(query.sector.trim())})`);
  }
  const words = fold(query.q ?? '')
    .split(/\s+/u)
    .filter(Boolean)
    .map((word) => sql`${organizations.searchText} like ${`%${escapeLike(word)}%`} escape '\\'`);
  if (words.length) {
    const plain = and(...words)!;
    out.push(ranked.length ? or(sql`${organizations.id} in (select value from json_each(${JSON.stringify(ranked)}))`, plain)! : plain);
  }
  return out;
}

function jsonArrayHas(column: AnyColumn, value: string): SQL {
  return sql`exists (select 1 from json_each(${column}) where value = ${value})`;
}

function escapeLike(word: string): string {
  return word.replace(/[\\%_]/g, (c) => `\\${c}`);
}
