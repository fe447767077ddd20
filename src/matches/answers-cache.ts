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
  /** The keys of the lists about each organisation, and of the lists each partner is in. */
  private readonly byOrganization = new Map<number, Set<string>>();
  private readonly byPartner = new Map<number, Set<string>>();
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
    this.drop(key);
    this.answers.set(key, { stamp, id, value, partners, floor });
    addTo(this.byOrganization, id, key);
    for (const partner of partners) addTo(this.byPartner, partner, key);
    if (this.answers.size > this.size) this.drop(this.answers.keys().next().value!);
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
    const stale = new Set<string>();
    for (const id of ids) {
      for (const key of this.byOrganization.get(id) ?? []) stale.add(key);
      for (const key of this.byPartner.get(id) ?? []) stale.add(key);
    }
    // The lowest floor of an organisation's cached lists: a profile below it enters none of them.
    const floorOf = (other: number) => {
      let floor: number | undefined;
      for (const key of this.byOrganization.get(other) ?? []) floor = Math.min(floor ?? Infinity, this.answers.get(key)!.floor - FLOOR_SLACK);
      return floor;
    };
    for (const id of ids) {
      for (const [other, score] of reach(id, floorOf)) {
        for (const key of this.byOrganization.get(other) ?? []) if (score >= this.answers.get(key)!.floor - FLOOR_SLACK) stale.add(key);
      }
    }
    for (const key of stale) this.drop(key);
  }

  pairsChanged(change: MatchesChange): void {
    if (change === 'all') {
      this.indexChanged();
      return;
    }
    for (const id of change.organizations) this.pairVersion.set(id, (this.pairVersion.get(id) ?? 0) + 1);
  }

  private drop(key: string): void {
    const entry = this.answers.get(key);
    if (!entry) return;
    this.answers.delete(key);
    removeFrom(this.byOrganization, entry.id, key);
    for (const partner of entry.partners) removeFrom(this.byPartner, partner, key);
  }
}

function addTo(index: Map<number, Set<string>>, id: number, key: string): void {
  const keys = index.get(id);
  if (keys) keys.add(key);
  else index.set(id, new Set([key]));
}

function removeFrom(index: Map<number, Set<string>>, id: number, key: string): void {
  const keys = index.get(id);
  if (!keys) return;
  keys.delete(key);
  if (!keys.size) index.delete(id);
}
