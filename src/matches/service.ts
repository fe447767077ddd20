import { setImmediate as yieldToEventLoop, setTimeout as sleep } from 'node:timers/promises';
import type { MatchingEngine, Profile, Suggestion, SuggestOptions } from '../../matching/index.ts';
import type { OrganizationChange, OrganizationsRepository } from '../organizations/repository.ts';
import { profileFromRow } from '../organizations/model.ts';
import type { MatchesRepository, RankedPair } from './repository.ts';

export interface MatchingServiceOptions {
  /** Partners kept per organisation in the review queue. */
  topK: number;
  /** Above this many changed profiles, re-rank everything instead of the changed ones. */
  fullRerankAbove: number;
  /** Tries per job before the index is rebuilt from the database (default 3). */
  attempts?: number;
  /** Wait before a retry (default 100 ms, then 200 ms…). */
  retryDelayMs?: number;
  /** Told of every failed try. */
  onError?: (error: unknown, attempt: number) => void;
  /** The app's clock, for ranking stamps. */
  now?: () => Date;
}

/**
 * Keeps the engine's index in step with the database and the review queue in step with the
 * engine. Writes arrive as change events; they are applied one batch at a time, in order, in the
 * background (yielding to the event loop between chunks), and `idle()` resolves when all are done.
 */
export class MatchingService {
  private queue: Promise<void> = Promise.resolve();
  private lastRankAt = '';

  constructor(
    private readonly engine: MatchingEngine,
    private readonly organizations: OrganizationsRepository,
    private readonly matches: MatchesRepository,
    private readonly options: MatchingServiceOptions,
  ) {}

  get indexed(): number {
    return this.engine.size;
  }

  /**
   * Indexes every stored organisation (dropping any the database no longer has) and ranks every
   * pair: at start-up, and after a command-line import wrote to the database behind our back.
   */
  load(): Promise<void> {
    return this.enqueue(() => this.rebuild());
  }

  private async rebuild(): Promise<void> {
    const rows = this.organizations.all();
    const present = new Set(rows.map((r) => r.id));
    for (const id of this.engine.ids()) if (!present.has(id)) this.engine.remove(id);
    await this.index(rows.map(profileFromRow));
    await this.rerankAll();
  }

  /** Follows one committed write. */
  apply(change: OrganizationChange): Promise<void> {
    return this.enqueue(async () => {
      for (const id of change.removed) this.engine.remove(id);
      await this.index(this.organizations.byIds(change.upserted).map(profileFromRow));
      if (change.upserted.length > this.options.fullRerankAbove) await this.rerankAll();
      else await this.rerankSome(change.upserted);
    });
  }

  idle(): Promise<void> {
    return this.queue;
  }

  suggest(id: number, opts: SuggestOptions): Suggestion[] {
    return this.engine.suggest(id, opts);
  }

  /** Score and reasons of a stored pair, computed now. */
  explain(orgAId: number, orgBId: number): Suggestion | null {
    return this.engine.score(orgAId, orgBId);
  }

  /** The directory's search by concept (any language), best first: ids only. */
  search(query: string): number[] {
    return this.engine.search(query, { limit: 5000 }).map((hit) => hit.profileId);
  }

  profile(id: number): Profile | undefined {
    return this.engine.get(id);
  }

  private enqueue(job: () => Promise<void>): Promise<void> {
    // A failed job must not wedge the queue, and must not be dropped: it is tried again (the data
    // it reads may have changed under it, e.g. an organisation deleted mid-import), and after the
    // last try the whole index is rebuilt from the database, which is the truth.
    const run = this.queue.then(() => this.withRetries(job));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async withRetries(job: () => Promise<void>): Promise<void> {
    const attempts = this.options.attempts ?? 3;
    for (let attempt = 1; ; attempt++) {
      try {
        return await job();
      } catch (error) {
        this.options.onError?.(error, attempt);
        this.retried++;
        if (attempt < attempts) {
          await sleep(this.options.retryDelayMs ?? 50 * 2 ** attempt);
          continue;
        }
        this.failures++;
        // Last resort: rebuild from the database (itself tried once more); the error still reaches the caller.
        try {
          await this.rebuild();
        } catch (rebuildError) {
          this.options.onError?.(rebuildError, attempt + 1);
        }
        throw error;
      }
    }
  }

  /** Jobs that failed every try (each followed by a full rebuild). */
  failures = 0;
  /** Failed tries, retried or not. */
  retried = 0;

  private async index(profiles: Profile[]): Promise<void> {
    const CHUNK = 200;
    for (let i = 0; i < profiles.length; i += CHUNK) {
      this.engine.upsert(profiles.slice(i, i + CHUNK));
      await yieldToEventLoop();
    }
  }

  private async rerankSome(ids: readonly number[]): Promise<void> {
    const pairs = new Map<string, RankedPair>();
    for (const id of ids) {
      if (!this.engine.get(id)) continue;
      for (const s of this.engine.suggest(id, { limit: this.options.topK, reasons: false })) addPair(pairs, id, s);
      // Known pairs of this organisation keep an up-to-date score even when they left its top K.
      for (const row of this.matches.forOrganization(id)) {
        if (pairs.has(`${row.orgAId}:${row.orgBId}`)) continue; // already ranked above, with a fresh score
        const s = this.engine.score(row.orgAId, row.orgBId, { reasons: false });
        if (s && (row.status !== 'pending' || this.stillRanked(row.orgAId, row.orgBId, id))) addPair(pairs, row.orgAId, s);
      }
    }
    this.matches.saveRanking([...pairs.values()], { organizations: ids }, this.rankStamp());
  }

  private async rerankAll(): Promise<void> {
    const pairs = new Map<string, RankedPair>();
    let done = 0;
    for (const id of this.engine.ids()) {
      for (const s of this.engine.suggest(id, { limit: this.options.topK, reasons: false })) addPair(pairs, id, s);
      if (++done % 500 === 0) await yieldToEventLoop();
    }
    for (const row of this.matches.decidedOutside(new Set(pairs.keys()))) {
      const s = this.engine.score(row.orgAId, row.orgBId, { reasons: false });
      if (s) addPair(pairs, row.orgAId, s);
    }
    this.matches.saveRanking([...pairs.values()], 'all', this.rankStamp());
  }

  /** Whether a pending pair outside the changed organisation's top K is in its partner's. */
  private stillRanked(a: number, b: number, changed: number): boolean {
    const partner = a === changed ? b : a;
    return this.engine.suggest(partner, { limit: this.options.topK, reasons: false }).some((s) => s.profileId === changed);
  }

  /** A timestamp unique to this ranking: saveRanking tells the pairs it touched by it. */
  private rankStamp(): string {
    let stamp = (this.options.now?.() ?? new Date()).toISOString();
    if (stamp <= this.lastRankAt) stamp = new Date(Date.parse(this.lastRankAt) + 1).toISOString();
    this.lastRankAt = stamp;
    return stamp;
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
