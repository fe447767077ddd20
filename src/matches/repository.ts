import { and, asc, desc, eq, gte, inArray, isNull, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { fold } from '../../matching/text/fold.ts';
import type { Db } from '../db/client.ts';
import { watchTables } from '../db/table-watch.ts';
import { matches, organizations, type MatchRow, type MatchStatus, type PairRule, type PartOfDay } from '../db/schema.ts';

/** A ranked pair as the engine sees it, in stored order (orgAId < orgBId). */
export interface RankedPair {
  orgAId: number;
  orgBId: number;
  score: number;
  signals: Record<string, number>;
}

/**
 * Whose pairs changed (or everyone's), and how: by a decision (a status or rule: whom an
 * organisation may be suggested) or by a ranking (pending pairs added or dropped; a new score is
 * no change).
 */
export type MatchesChange = { organizations: readonly number[] | 'all'; by: 'decision' | 'ranking' };

export interface MatchQuery {
  status?: MatchStatus;
  minScore?: number;
  country?: string;
  kind?: string;
  sector?: string;
  organizationId?: number;
  /** Pairs with this rule; without it, vetoed pairs are left out (a veto takes a pair off the queue). */
  rule?: 'pinned' | 'vetoed' | 'none';
  /** Words of either organisation's name, in any script or in Latin letters. */
  q?: string;
  sort?: 'score' | 'score-asc' | 'decided';
  limit: number;
  offset: number;
}

export function createMatchesRepository(db: Db) {
  const insertPair = db.$client.prepare(
    // A ranking is computed from the index a moment before it is written; an organisation deleted in
    // between is skipped here rather than failing the whole ranking on its foreign key.
    `insert into matches (org_a_id, org_b_id, score, signals, ranked_at)
     select :a, :b, :score, :signals, :at
     where exists (select 1 from organizations where id = :a) and exists (select 1 from organizations where id = :b)
     on conflict (org_a_id, org_b_id) do nothing`,
  );
  // Two indexed lookups (an OR over both columns would scan the table).
  const pairsOf = db.$client.prepare(
    `select id, org_b_id as partner, status, rule from matches where org_a_id = :id
     union all select id, org_a_id, status, rule from matches where org_b_id = :id`,
  );
  const rescorePair = db.$client.prepare('update matches set score = :score, signals = :signals, ranked_at = :at where org_a_id = :a and org_b_id = :b');
  // Cached suggestions show each pair's status: they follow every decision and every ranking.
  const listeners: ((change: MatchesChange) => void)[] = [];
  const emit = (change: MatchesChange) => {
    for (const listener of listeners) listener(change);
  };
  // The review queue's totals (a count over every pair: ~1 ms at 35,000 pairs) kept per filter,
  // dropped by any write to pairs or organisations (the filters read both).
  const totals = new Map<string, number>();
  const totalsWatch = watchTables(db, ['matches', 'organizations'], () => totals.clear());
  /** Writes a ranking's pairs; returns the organisations of the pairs that are new (a known pair only gets its new score). */
  const writePairs = (pairs: readonly RankedPair[], at: string): Set<number> => {
    const added = new Set<number>();
    // Prepared statements for what can be 200,000 rows: building a drizzle query per row cost
    // more than the writes themselves.
    for (const p of pairs) {
      const row = { a: p.orgAId, b: p.orgBId, score: p.score, signals: JSON.stringify(p.signals), at };
      // Most pairs of a re-rank are known already: a new score, one statement.
      if (!rescorePair.run(row).changes && insertPair.run(row).changes) added.add(p.orgAId).add(p.orgBId);
    }
    return added;
  };
  /** Drops the pending pairs a ranking no longer holds; returns their organisations. */
  const dropUnranked = (tx: Pick<Db, 'delete'>, scope: { organizations: readonly number[] } | 'all', at: string): Set<number> => {
    const keep = sql`${matches.rankedAt} = ${at}`;
    const pending = eq(matches.status, 'pending');
    const sides = { a: matches.orgAId, b: matches.orgBId };
    let dropped: { a: number; b: number }[] = [];
    if (scope === 'all') {
      dropped = tx
        .delete(matches)
        .where(and(pending, sql`not (${keep})`))
        .returning(sides)
        .all();
    } else if (scope.organizations.length) {
      const ids = [...scope.organizations];
      dropped = tx
        .delete(matches)
        .where(and(pending, sql`not (${keep})`, or(inArray(matches.orgAId, ids), inArray(matches.orgBId, ids))))
        .returning(sides)
        .all();
    }
    return new Set(dropped.flatMap((d) => [d.a, d.b]));
  };

  const count = (where: SQL | undefined) => db.select({ n: sql<number>`count(*)` }).from(matches).where(where).get()?.n ?? 0;
  /**
   * How many pairs the review queue has for this query. Without a rule asked for, vetoed pairs are
   * left out: counted as all pairs less the vetoed ones, which the indexes answer (a count of
   * "rule is not 'vetoed'" reads every row: 20 ms at 275,000 pairs).
   */
  const countOf = (query: MatchQuery): number => {
    if (query.rule) return count(and(...filters(query)));
    const others = filters(query, { vetoed: 'any' });
    return count(and(...others)) - count(and(...others, eq(matches.rule, 'vetoed')));
  };

  return {
    /** Called after every committed change to pairs: the organisations whose pairs changed, or all. */
    onChange(listener: (change: MatchesChange) => void): void {
      listeners.push(listener);
    },

    get: (id: number) => db.select().from(matches).where(eq(matches.id, id)).get() ?? null,

    /** Pairs of one organisation: two indexed lookups (an OR over both columns would scan the table). */
    forOrganization: (orgId: number) => [
      ...db.select().from(matches).where(eq(matches.orgAId, orgId)).all(),
      ...db.select().from(matches).where(eq(matches.orgBId, orgId)).all(),
    ],

    /** An organisation's pairs by partner: id, status and whether vetoed, for marking suggestions. */
    statusesFor(orgId: number): Map<number, { id: number; status: MatchStatus; vetoed: boolean }> {
      const out = new Map<number, { id: number; status: MatchStatus; vetoed: boolean }>();
      for (const row of pairsOf.all({ id: orgId }) as { id: number; partner: number; status: MatchStatus; rule: string | null }[])
        out.set(row.partner, { id: row.id, status: row.status, vetoed: row.rule === 'vetoed' });
      return out;
    },

    list(query: MatchQuery): { rows: MatchRow[]; total: number } {
      const where = and(...filters(query));
      const rows = db
        .select()
        .from(matches)
        .where(where)
        .orderBy(...order(query.sort))
        .limit(query.limit)
        .offset(query.offset)
        .all();
      const key = JSON.stringify([query.status, query.rule, query.minScore, query.organizationId, query.country, query.kind, query.sector, query.q]);
      totalsWatch.sync();
      let total = totals.get(key);
      if (total === undefined) {
        total = countOf(query);
        if (totals.size >= 1_000) totals.clear();
        totals.set(key, total);
      }
      return { rows, total };
    },

    /**
     * Sets a pair's part of the day and its rule. A pin approves the pair (a must-meet is approved);
     * a veto rejects it, so it is neither scheduled nor suggested, and it stays through re-ranking.
     */
    setRules(id: number, change: { part?: PartOfDay; rule?: PairRule | null }, by: string, at: string): MatchRow | null {
      const status: Partial<Pick<MatchRow, 'status' | 'decidedAt' | 'decidedBy'>> =
        change.rule === 'pinned'
          ? { status: 'approved', decidedAt: at, decidedBy: by }
          : change.rule === 'vetoed'
            ? { status: 'rejected', decidedAt: at, decidedBy: by }
            : {};
      const row =
        db
          .update(matches)
          .set({ ...(change.part ? { part: change.part } : {}), ...(change.rule !== undefined ? { rule: change.rule } : {}), ...status })
          .where(eq(matches.id, id))
          .returning()
          .get() ?? null;
      if (row) emit({ organizations: [row.orgAId, row.orgBId], by: 'decision' });
      return row;
    },

    /** Decides many pairs in one transaction; null when one of them does not exist (then none is changed). */
    decideMany(ids: readonly number[], status: MatchStatus, note: string | null | undefined, by: string, at: string): MatchRow[] | null {
      const rows = db.transaction((tx) => {
        const found = tx
          .select({ id: matches.id })
          .from(matches)
          .where(inArray(matches.id, [...ids]))
          .all();
        if (found.length !== new Set(ids).size) return null;
        return ids.map(
          (id) =>
            tx
              .update(matches)
              .set({
                status,
                ...(note !== undefined ? { note } : {}),
                decidedAt: status === 'pending' ? null : at,
                decidedBy: status === 'pending' ? null : by,
              })
              .where(eq(matches.id, id))
              .returning()
              .get()!,
        );
      });
      if (rows) emit({ organizations: [...new Set(rows.flatMap((r) => [r.orgAId, r.orgBId]))], by: 'decision' });
      return rows;
    },

    /** The ids of a list's pairs that do not exist, for naming them. */
    missing(ids: readonly number[]): number[] {
      const found = new Set(
        db
          .select({ id: matches.id })
          .from(matches)
          .where(inArray(matches.id, [...ids]))
          .all()
          .map((r) => r.id),
      );
      return ids.filter((id) => !found.has(id));
    },

    decide(id: number, status: MatchStatus, note: string | null | undefined, by: string, at: string): MatchRow | null {
      const row =
        db
          .update(matches)
          .set({ status, ...(note !== undefined ? { note } : {}), decidedAt: status === 'pending' ? null : at, decidedBy: status === 'pending' ? null : by })
          .where(eq(matches.id, id))
          .returning()
          .get() ?? null;
      if (row) emit({ organizations: [row.orgAId, row.orgBId], by: 'decision' });
      return row;
    },

    /**
     * Writes a re-rank in one transaction: new pairs come in as pending, known pairs get their new
     * score (status and note untouched). With `scope`, pending pairs of those organisations that the
     * ranking no longer holds are dropped; decided pairs always stay.
     */
    saveRanking(pairs: readonly RankedPair[], scope: { organizations: readonly number[] } | 'all', at: string): void {
      const changed = db.transaction((tx) => [...writePairs(pairs, at), ...dropUnranked(tx, scope, at)]);
      // A pair that comes or goes names both sides; a new score changes no organisation's list of
      // pairs (what cached suggestions show of a pair is its id, status and rule).
      emit({ organizations: scope === 'all' ? 'all' : [...new Set(changed)], by: 'ranking' });
    },

    /**
     * A large ranking in parts, so that no single transaction holds the service up: `savePairs` for
     * each part (new pairs pending, known pairs re-scored), then `dropUnranked` once. Meanwhile a
     * pair is either as before or as re-ranked; decisions are never touched.
     */
    savePairs(pairs: readonly RankedPair[], at: string): void {
      const added = db.transaction(() => writePairs(pairs, at));
      emit({ organizations: [...added], by: 'ranking' });
    },

    dropUnranked(scope: { organizations: readonly number[] } | 'all', at: string): void {
      const dropped = db.transaction((tx) => dropUnranked(tx, scope, at));
      emit({ organizations: scope === 'all' ? 'all' : [...dropped], by: 'ranking' });
    },

    /** Decided pairs outside a set of ids, to re-score them after a full re-rank. */
    decidedOutside(keys: ReadonlySet<string>): MatchRow[] {
      return db
        .select()
        .from(matches)
        .where(notInArray(matches.status, ['pending']))
        .all()
        .filter((row) => !keys.has(`${row.orgAId}:${row.orgBId}`));
    },
  };
}

export type MatchesRepository = ReturnType<typeof createMatchesRepository>;

/** Filters on either side of the pair: a pair "is Mongolian" if one of its organisations is. `vetoed: 'any'` keeps vetoed pairs in (for counting them apart). */
function filters(q: MatchQuery, opts: { vetoed?: 'any' } = {}): SQL[] {
  const out: SQL[] = [];
  if (q.status) out.push(eq(matches.status, q.status));
  if (q.rule === 'none') out.push(isNull(matches.rule));
  else if (q.rule) out.push(eq(matches.rule, q.rule));
  else if (opts.vetoed !== 'any') out.push(sql`${matches.rule} is not 'vetoed'`);
  if (q.minScore !== undefined) out.push(gte(matches.score, q.minScore));
  if (q.organizationId !== undefined) out.push(or(eq(matches.orgAId, q.organizationId), eq(matches.orgBId, q.organizationId))!);
  const side = (condition: SQL) => sql`exists (select 1 from ${organizations} o where o.id in (${matches.orgAId}, ${matches.orgBId}) and ${condition})`;
  if (q.country) out.push(side(sql`o.country = ${q.country}`));
  if (q.kind) out.push(side(sql`o.kind = ${q.kind}`));
  if (q.sector) out.push(side(sql`exists (select 1 from json_each(o.sectors) where fold(value) = ${fold(q.sector.trim())})`));
  for (const word of fold(q.q ?? '')
    .split(/\s+/u)
    .filter(Boolean)) {
    const like = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    out.push(side(sql`(fold(o.name_latin) like ${like} escape '\\' or exists (select 1 from json_each(o.name) where fold(value) like ${like} escape '\\'))`));
  }
  return out;
}

function order(sort: MatchQuery['sort']) {
  if (sort === 'score-asc') return [asc(matches.score), matches.id];
  if (sort === 'decided') return [sql`${matches.decidedAt} is null`, desc(matches.decidedAt), desc(matches.score), matches.id];
  return [desc(matches.score), matches.id];
}
