import type { MatchesChange } from './repository.ts';

/**
 * Suggestion answers cached per question. An answer stays valid until the index changes (any
 * profile's features or fields can move anyone's ranking: `indexChanged`) or the organisation's pairs
 * change (a decision, a re-rank: `pairsChanged`); then the next request computes it again.
 */
export class AnswersCache {
  private version = 0;
  private readonly pairVersion = new Map<number, number>();
  private readonly answers = new Map<string, { stamp: string; value: unknown }>();

  constructor(private readonly size = 5_000) {}

  /** The cached answer for `key` about organisation `id`, or `compute()`'s (then kept). */
  get<T>(id: number, key: string, compute: () => T): T {
    const stamp = `${this.version}.${this.pairVersion.get(id) ?? 0}`;
    const hit = this.answers.get(key);
    if (hit && hit.stamp === stamp) return hit.value as T;
    const value = compute();
    this.answers.delete(key);
    this.answers.set(key, { stamp, value });
    if (this.answers.size > this.size) this.answers.delete(this.answers.keys().next().value!);
    return value;
  }

  /** Everything cached is stale. */
  indexChanged(): void {
    this.version++;
  }

  pairsChanged(change: MatchesChange): void {
    if (change === 'all') {
      this.indexChanged();
      return;
    }
    for (const id of change.organizations) this.pairVersion.set(id, (this.pairVersion.get(id) ?? 0) + 1);
  }
}
