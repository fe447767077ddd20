import type { MatchingEngine, Suggestion } from '../../matching/index.ts';
import { type Answer, AnswersCache } from './answers-cache.ts';
import type { MatchesChange } from './repository.ts';

/** Above this many organisations written at once, every cached answer is dropped rather than checked when read. */
const DROP_ALL_ABOVE = 200;
/** Pairs whose reasons are kept (a review queue page is twenty). */
const EXPLAINED_KEPT = 5_000;

/**
 * What the matching service keeps of the index's answers: suggestion lists (AnswersCache) and the
 * reasons of pairs the review queue shows. Within one epoch of the index a pair's score and reasons
 * depend on its two profiles only, so a write drops only what it can change (`changed`).
 */
export class ReadCaches {
  private readonly answers: AnswersCache;
  private readonly explained = new Map<string, { a: number; b: number; value: Suggestion | null }>();
  /** The index's epoch the cached answers were last checked against. */
  private epochSeen = -1;

  constructor(
    private readonly engine: MatchingEngine,
    size?: number,
  ) {
    this.answers = new AnswersCache((id, partner) => this.engine.score(id, partner, { reasons: false })?.score ?? null, size);
  }

  /** Suggestion lists computed (not found valid in the cache) so far. */
  get computed(): number {
    return this.answers.computed;
  }

  suggestions<T>(id: number, key: string, compute: () => Answer<T>): T {
    return this.answers.get(id, key, compute);
  }

  /** A pair's score and reasons as the index has them now; kept until a write to either side or new weights. */
  explain(orgAId: number, orgBId: number): Suggestion | null {
    const key = `${orgAId}:${orgBId}`;
    const hit = this.explained.get(key);
    if (hit) return hit.value;
    const value = this.engine.score(orgAId, orgBId);
    this.explained.set(key, { a: orgAId, b: orgBId, value });
    if (this.explained.size > EXPLAINED_KEPT) this.explained.delete(this.explained.keys().next().value!);
    return value;
  }

  /**
   * Drops what these written organisations can change (none given: everything). Within one epoch
   * of the index only the lists they are in, or whose floor they now reach, and their pairs'
   * reasons can change (the lists are checked when read: AnswersCache); a new epoch (every weight
   * recomputed) or a very large write drops everything.
   */
  changed(ids?: readonly number[]): void {
    if (!ids || this.engine.epoch !== this.epochSeen || ids.length > DROP_ALL_ABOVE) {
      this.epochSeen = this.engine.epoch;
      this.answers.indexChanged();
      this.explained.clear();
      return;
    }
    this.answers.profilesChanged(ids);
    const written = new Set(ids);
    for (const [key, { a, b }] of this.explained) if (written.has(a) || written.has(b)) this.explained.delete(key);
  }

  pairsChanged(change: MatchesChange): void {
    this.answers.pairsChanged(change);
  }
}
