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
  partners: ReadonlySet<number>;
  floor: number;
  /** Writes up to this one are known not to change the list. */
  checkedTo: number;
}

/** Scores are rounded to 4 decimals in the lists: a partner this close to the floor may tie with it. */
const FLOOR_SLACK = 1e-4;
/** Profiles written since a list was checked beyond which it is computed again rather than checked pair by pair. */
const CHECK_UP_TO = 64;

/**
 * Suggestion answers cached per question. An answer stays valid until
 * - the index's weights are recomputed (`indexChanged`: any score may move),
 * - a profile is written that is in it, is the organisation itself, or now scores at least its
 *   floor with the organisation: between two recomputations of the weights a pair's score depends
 *   on its two profiles only, so no other write can change it,
 * - or a decision changes whom the organisation may be suggested (`decided`);
 * then the next request computes it again. Writes are only logged (`profilesChanged`): a list is
 * checked against the profiles written since it was last checked when it is read, one pair score
 * each (`scoreOf`), and computed again when more than a few were written meanwhile. A write costs
 * nothing here, and lists nobody reads are never checked.
 */
export class AnswersCache {
  private version = 0;
  private readonly pairVersion = new Map<number, number>();
  private readonly answers = new Map<string, Entry>();
  /** Profiles written, in order: `written[i]` is write number `firstWrite + i`. */
  private written: number[] = [];
  private firstWrite = 0;
  /** Answers computed (not found valid in the cache) so far. */
  computed = 0;

  constructor(
    /** The score `partner` has in `id`'s suggestions now (before any filter), or null when either is not indexed. */
    private readonly scoreOf: (id: number, partner: number) => number | null,
    private readonly size = 5_000,
  ) {}

  private get lastWrite(): number {
    return this.firstWrite + this.written.length;
  }

  /** The cached answer for `key` about organisation `id`, or `compute()`'s (then kept). */
  get<T>(id: number, key: string, compute: () => Answer<T>): T {
    const stamp = `${this.version}.${this.pairVersion.get(id) ?? 0}`;
    const hit = this.answers.get(key);
    if (hit && hit.stamp === stamp && this.stillValid(hit)) return hit.value as T;
    const { value, partners, floor } = compute();
    this.computed++;
    this.answers.delete(key);
    this.answers.set(key, { stamp, id, value, partners: new Set(partners), floor, checkedTo: this.lastWrite });
    if (this.answers.size > this.size) this.answers.delete(this.answers.keys().next().value!);
    return value;
  }

  /** Everything cached is stale. */
  indexChanged(): void {
    this.version++;
    // Every list is stale by its stamp now: the log starts again.
    this.written = [];
    this.firstWrite = 0;
  }

  /** These profiles were added, replaced or removed within one epoch of the index (see the class). */
  profilesChanged(ids: readonly number[]): void {
    this.written.push(...ids);
    // Lists checked longer ago than the log goes back are computed again when read.
    const excess = this.written.length - 4 * this.size;
    if (excess > 0) {
      this.written = this.written.slice(excess);
      this.firstWrite += excess;
    }
  }

  /** A decision about these organisations' pairs (or everyone's). */
  decided(organizations: readonly number[] | 'all'): void {
    if (organizations === 'all') {
      this.indexChanged();
      return;
    }
    for (const id of organizations) this.pairVersion.set(id, (this.pairVersion.get(id) ?? 0) + 1);
  }

  /** Whether none of the profiles written since the list was last checked changes it (then it is checked up to now). */
  private stillValid(entry: Entry): boolean {
    const since = entry.checkedTo - this.firstWrite;
    if (since < 0 || this.lastWrite - entry.checkedTo > CHECK_UP_TO) return false;
    for (let i = since; i < this.written.length; i++) {
      const written = this.written[i]!;
      if (written === entry.id || entry.partners.has(written)) return false;
      const score = this.scoreOf(entry.id, written);
      if (score !== null && score >= entry.floor - FLOOR_SLACK) return false;
    }
    entry.checkedTo = this.lastWrite;
    return true;
  }
}
