import type { MatchingEngine, Suggestion } from '../../matching/index.ts';
import type { FeaturesRepository } from './features.ts';
import type { MatchesRepository, RankedPair } from './repository.ts';

/** Ranking work runs this long between two looks at the event loop. */
const SLICE_MS = 8;
/** Pairs per transaction when a large ranking is written in parts (~5 ms each). */
const SAVE_CHUNK = 500;

/** Which texts an organisation was ranked from (its stored features are marked with it). */
export interface RankedFrom {
  organizationId: number;
  textsHash: string;
}

/**
 * Writes the review queue from the index: each organisation's top K partners, with every decided
 * pair kept and re-scored (decisions survive a re-rank). Runs in time slices that yield to
 * requests; `stopped` ends it at the next slice.
 */
export class Ranker {
  private lastRankAt = '';

  constructor(
    private readonly engine: MatchingEngine,
    private readonly matches: MatchesRepository,
    private readonly features: FeaturesRepository,
    private readonly options: { topK: number; now?: () => Date; stopped: () => boolean; turn: () => Promise<void> },
  ) {}

  /** Re-ranks the pairs of these organisations (their partners' other pairs stay as they are). */
  async some(ids: readonly number[], used: readonly RankedFrom[]): Promise<void> {
    const pairs = new Map<string, RankedPair>();
    const slice = new Slicer(this.options);
    // Each partner's top K once per ranking, however many of the changed organisations it has pairs with.
    const topOf = new Map<number, Set<number>>();
    for (const id of ids) {
      if (!this.engine.get(id)) continue;
      const top = this.engine.suggest(id, { limit: this.options.topK, reasons: false });
      topOf.set(id, new Set(top.map((s) => s.profileId)));
      for (const s of top) addPair(pairs, id, s);
      // Known pairs of this organisation keep an up-to-date score even when they left its top K.
      for (const row of this.matches.forOrganization(id)) {
        if (pairs.has(`${row.orgAId}:${row.orgBId}`)) continue; // already ranked above, with a fresh score
        const s = this.engine.score(row.orgAId, row.orgBId, { reasons: false });
        if (s && (row.status !== 'pending' || this.stillRanked(row.orgAId, row.orgBId, id, topOf))) addPair(pairs, row.orgAId, s);
      }
      await slice.maybeYield();
    }
    await this.save([...pairs.values()], { organizations: ids }, this.rankStamp());
    this.features.markRanked(used);
  }

  /** Re-ranks every pair of these organisations (the whole index): large rankings are saved in parts. */
  async all(ids: readonly number[], used: readonly RankedFrom[]): Promise<void> {
    const stamp = this.rankStamp();
    const pairs = new Map<string, RankedPair>();
    const slice = new Slicer(this.options);
    for (const id of ids) {
      for (const s of this.engine.suggest(id, { limit: this.options.topK, reasons: false })) addPair(pairs, id, s);
      await slice.maybeYield();
    }
    for (const row of this.matches.decidedOutside(new Set(pairs.keys()))) {
      const s = this.engine.score(row.orgAId, row.orgBId, { reasons: false });
      if (s) addPair(pairs, row.orgAId, s);
    }
    await this.save([...pairs.values()], 'all', stamp);
    for (let i = 0; i < used.length; i += SAVE_CHUNK) {
      this.features.markRanked(used.slice(i, i + SAVE_CHUNK));
      await this.options.turn();
    }
  }

  /**
   * Writes a ranking: in one transaction when small, else in parts with requests served between
   * them (no transaction holds the service up), then the pairs it no longer holds dropped once.
   * Meanwhile a pair is either as before or as re-ranked; decisions are never touched.
   */
  private async save(pairs: RankedPair[], scope: { organizations: readonly number[] } | 'all', stamp: string): Promise<void> {
    if (pairs.length <= SAVE_CHUNK) {
      this.matches.saveRanking(pairs, scope, stamp);
      return;
    }
    for (let i = 0; i < pairs.length; i += SAVE_CHUNK) {
      this.matches.savePairs(pairs.slice(i, i + SAVE_CHUNK), stamp);
      await this.options.turn();
    }
    this.matches.dropUnranked(scope, stamp);
  }

  /** Whether a pending pair outside the changed organisation's top K is in its partner's. */
  private stillRanked(a: number, b: number, changed: number, topOf: Map<number, Set<number>>): boolean {
    const partner = a === changed ? b : a;
    let top = topOf.get(partner);
    if (!top) {
      top = new Set(this.engine.suggest(partner, { limit: this.options.topK, reasons: false }).map((s) => s.profileId));
      topOf.set(partner, top);
    }
    return top.has(changed);
  }

  /** A timestamp unique to this ranking: saveRanking tells the pairs it touched by it. */
  private rankStamp(): string {
    let stamp = (this.options.now?.() ?? new Date()).toISOString();
    if (stamp <= this.lastRankAt) stamp = new Date(Date.parse(this.lastRankAt) + 1).toISOString();
    this.lastRankAt = stamp;
    return stamp;
  }
}

/** Long work in slices of a few milliseconds, each after the requests that came meanwhile (`turn`). */
export class Slicer {
  private since = performance.now();
  constructor(private readonly options: { stopped: () => boolean; turn: () => Promise<void> }) {}
  async maybeYield(): Promise<void> {
    if (performance.now() - this.since < SLICE_MS) return;
    await this.options.turn();
    if (this.options.stopped()) throw new Error('matching service stopped');
    this.since = performance.now();
  }
}

/** Stores a suggestion for `selfId` as a pair in canonical order, its signals seen from the lower id. */
function addPair(pairs: Map<string, RankedPair>, selfId: number, s: Suggestion): void {
  const [orgAId, orgBId] = selfId < s.profileId ? [selfId, s.profileId] : [s.profileId, selfId];
  const key = `${orgAId}:${orgBId}`;
  if (pairs.has(key)) return;
  const { fwd, back, ...rest } = s.signals;
  const signals = selfId === orgAId ? { fwd, back, ...rest } : { fwd: back, back: fwd, ...rest };
  pairs.set(key, { orgAId, orgBId, score: s.score, signals });
}
