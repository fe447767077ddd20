import type { MatchesChange } from './repository.ts';

/** A suggestion list as it is cached: what it says, who is in it, and the lowest score that got in. */
export interface Answer<T> {
  value: T;
  /** The partners in the list. */
  partners: readonly number[];
  /** The last partner's score when the list is full; -Infinity when it is not (anyone who scores at all gets in). */
  floor: number;
}

interface Entry {
  stamp: string;
  id: number;
  value: unknown;
  partners: readonly number[];
  floor: number;
}

/** Scores are rounded to 4 decimals in the lists: a partner this close to the floor may tie with it. */
const FLOOR_SLACK = 1e-4;

/**
 * Suggestion answers cached per question. An answer stays valid until
 * - the index's weights are recomputed (`indexChanged`: any score may move),
 * - a profile is written that is in it, is the organisation itself, or now scores at least its
 *   floor with the organisation (`profilesChanged`, with the engine's `reach`): between two
 *   recomputations a pair's score depends on its two profiles only, so no other write can change it,
 * - or the organisation's pairs change (a decision, a re-rank: `pairsChanged`);
 * then the next request computes it again.
 */
export class AnswersCache {
  private version = 0;
  private readonly pairVersion = new Map<number, number>();
  private readonly answers = new Map<string, Entry>();
  /** Answers computed (not found valid in the cache) so far. */
  computed = 0;

  constructor(private readonly size = 5_000) {}

  /** The cached answer for `key` about organisation `id`, or `compute()`'s (then kept). */
  get<T>(id: number, key: string, compute: () => Answer<T>): T {
    const stamp = `${this.version}.${this.pairVersion.get(id) ?? 0}`;
    const hit = this.answers.get(key);
    if (hit && hit.stamp === stamp) return hit.value as T;
    const { value, partners, floor } = compute();
    this.computed++;
    this.answers.delete(key);
    this.answers.set(key, { stamp, id, value, partners, floor });
    if (this.answers.size > this.size) this.answers.delete(this.answers.keys().next().value!);
    return value;
  }

  /** Everything cached is stale. */
  indexChanged(): void {
    this.version++;
  }

  /**
   * These profiles were added, replaced or removed within one epoch of the index; `reach` is the
   * engine's (MatchingEngine.reach): the organisations whose floor a profile now reaches.
   */
  profilesChanged(ids: readonly number[], reach: (id: number, floorOf: (otherId: number) => number | undefined) => ReadonlyMap<number, number>): void {
    if (!ids.length || !this.answers.size) return;
    const written = new Set(ids);
    // The lowest floor of each organisation's cached lists: a profile below it enters none of them.
    const floors = new Map<number, number>();
    for (const entry of this.answers.values()) if (entry.floor < (floors.get(entry.id) ?? Infinity)) floors.set(entry.id, entry.floor);
    const floorOf = (other: number) => {
      const floor = floors.get(other);
      return floor === undefined ? undefined : floor - FLOOR_SLACK;
    };
    const best = new Map<number, number>();
    for (const id of ids) for (const [other, score] of reach(id, floorOf)) if (score > (best.get(other) ?? -Infinity)) best.set(other, score);
    for (const [key, entry] of this.answers) {
      const reached = best.get(entry.id);
      if (written.has(entry.id) || entry.partners.some((p) => written.has(p)) || (reached !== undefined && reached >= entry.floor - FLOOR_SLACK))
        this.answers.delete(key);
    }
  }

  pairsChanged(change: MatchesChange): void {
    if (change === 'all') {
      this.indexChanged();
      return;
    }
    for (const id of change.organizations) this.pairVersion.set(id, (this.pairVersion.get(id) ?? 0) + 1);
  }
}
