import type { MatchingEngine, Suggestion } from '../../matching/index.ts';
import { type Answer, AnswersCache } from './answers-cache.ts';
import type { MatchesChange } from './repository.ts';

/** An organisation's pairs in the review queue by partner: the pair's id, status and whether it is vetoed. */
export type PairMarks = ReadonlyMap<number, { id: number; status: string; vetoed: boolean }>;

/** Above this many organisations written at once, every cached answer is dropped rather than checked when read. */
const DROP_ALL_ABOVE = 200;
/** Pairs whose reasons are kept (a review queue page is twenty, a suggestion list ten). */
const EXPLAINED_KEPT = 10_000;

/**
 * What the matching service keeps of the index's answers: suggestion lists (AnswersCache) and the
 * reasons of pairs the review queue shows. Within one epoch of the index a pair's score and reasons
 * depend on its two profiles only, so a write drops only what it can change (`changed`).
 */
export class ReadCaches {
  private readonly answers: AnswersCache;
  private readonly explained = new Map<string, { a: number; b: number; value: Suggestion | null }>();
  /** The keys of `explained` by organisation (either side), so that a write finds its pairs without a scan. */
  private readonly explainedOf = new Map<number, Set<string>>();
  private readonly marks = new Map<number, PairMarks>();
  /** The index's epoch the cached answers were last checked against. */
  private epochSeen = -1;

  constructor(
    private readonly engine: MatchingEngine,
    private readonly size = 5_000,
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
    for (const id of [orgAId, orgBId]) {
      const keys = this.explainedOf.get(id);
      if (keys) keys.add(key);
      else this.explainedOf.set(id, new Set([key]));
    }
    if (this.explained.size > EXPLAINED_KEPT) this.forget(this.explained.keys().next().value!);
    return value;
  }

  private forget(key: string): void {
    const entry = this.explained.get(key);
    if (!entry) return;
    this.explained.delete(key);
    for (const id of [entry.a, entry.b]) {
      const keys = this.explainedOf.get(id);
      keys?.delete(key);
      if (keys?.size === 0) this.explainedOf.delete(id);
    }
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
      this.explainedOf.clear();
      return;
    }
    this.answers.profilesChanged(ids);
    this.reindexed(ids);
  }

  /** These organisations' pairs' reasons are stale (their texts were indexed again; a long import's lists follow later). */
  reindexed(ids: readonly number[]): void {
    for (const id of ids) for (const key of this.explainedOf.get(id) ?? []) this.forget(key);
  }

  /**
   * An organisation's pairs by partner, kept until its pairs change. Suggestion answers are cached
   * without them: a ranking (new pending pairs for an import's every row) changes only these marks,
   * a decision also whom the organisation may be suggested (a rejected or vetoed pair).
   */
  pairMarks(id: number, compute: () => PairMarks): PairMarks {
    let marks = this.marks.get(id);
    if (!marks) {
      marks = compute();
      if (this.marks.size >= this.size) this.marks.delete(this.marks.keys().next().value!);
      this.marks.set(id, marks);
    }
    return marks;
  }

  pairsChanged(change: MatchesChange): void {
    if (change.organizations === 'all') this.marks.clear();
    else for (const id of change.organizations) this.marks.delete(id);
    if (change.by === 'decision') this.answers.decided(change.organizations);
  }
}
