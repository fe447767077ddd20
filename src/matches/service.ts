import { setTimeout as sleep } from 'node:timers/promises';
import type { MatchingEngine, Profile, Suggestion, SuggestOptions } from '../../matching/index.ts';
import type { PairSignals, ScoreWeights } from '../../matching/score.ts';
import { textsHash } from '../matching-worker/fingerprint.ts';
import type { OrganizationChange, OrganizationsRepository } from '../organizations/repository.ts';
import type { Answer } from './answers-cache.ts';
import { PendingWrites } from './pending-writes.ts';
import { type PairMarks, ReadCaches } from './read-caches.ts';
import { RequestPressure } from './pressure.ts';
import { featuresOf, indexStored } from './index-stored.ts';
import type { MatchingProgress, MatchingServiceOptions } from './service-options.ts';
import { Jobs } from './jobs.ts';
import { Ranker, type RankedFrom, Slicer } from './ranking.ts';
import type { MatchesRepository } from './repository.ts';

/** Single writes (an edit, a new profile) are analysed before the rows of a running import. */
const URGENT_UP_TO = 10;

/**
 * Keeps the engine's index in step with the database and the review queue in step with the
 * engine, without holding up requests:
 * - texts are analysed by the analyser (a worker thread), and the features are stored
 *   (organization_features), so a restart rebuilds the index from them without analysing again;
 * - the index follows writes as change events, single edits first, each in its own analysis task;
 *   a write is answered once stored; suggestions and partner pages wait for the single writes to
 *   their organisations still being analysed, and their reader's own to others a moment at most
 *   (`whenWritten`: a writer reads what it wrote), never for anyone else's, an import or a ranking;
 * - re-ranking runs as jobs one after the other, in time slices that yield to requests, each tried
 *   again on failure and, after the last try, followed by a rebuild from the database;
 * - suggestion answers are cached per question and dropped by the writes that can change them
 *   (see ReadCaches.changed) or a decision about the organisation's pairs.
 */
export class MatchingService {
  private readonly jobs: Jobs;
  private started = false;
  private stopping = false;
  private ready = false;
  private total = 0;
  /** Organisations whose index entry must be (re)built from the database. */
  private readonly dirty = new Set<number>();
  private readonly urgent = new Set<number>();
  private pumping: Promise<void> | null = null;
  /** The texts hash each indexed organisation was indexed with (to record what a ranking used). */
  private readonly indexedHash = new Map<number, string>();
  /** Organisations written by single writes and not indexed yet, and the reads waiting for them. */
  private readonly written = new PendingWrites();
  /** Organisations whose pairs must be re-ranked; `rankAll` when most did. */
  private readonly toRank = new Set<number>();
  private rankAllPending = false;
  private rankScheduled = false;
  private refreshScheduled = false;
  private snapshotWanted = false;
  /** Chunks of a long import indexed without a refresh or dropping cached answers yet (see `drain`): their organisations. */
  private readonly bulkPending = new Set<number>();
  /** Any document added or removed since the start's load (the snapshot, if any, is then out of date). */
  private changedSinceLoad = false;
  private readonly caches: ReadCaches;
  private readonly ranker: Ranker;
  private readonly pressure: RequestPressure;
  /** Ends the drain's wait for a turn (set while it waits): a single write has arrived. */
  private urgentArrived: (() => void) | null = null;

  constructor(
    private readonly engine: MatchingEngine,
    private readonly organizations: OrganizationsRepository,
    private readonly matches: MatchesRepository,
    private readonly options: MatchingServiceOptions,
  ) {
    this.caches = new ReadCaches(engine, options.cacheSize);
    this.jobs = new Jobs({
      attempts: options.attempts,
      retryDelayMs: options.retryDelayMs,
      onError: options.onError,
      stopped: () => this.stopping,
      lastResort: () => this.rebuild(),
    });
    this.pressure = options.pressure ?? new RequestPressure();
    this.ranker = new Ranker(engine, matches, options.features, {
      topK: options.topK,
      now: options.now,
      stopped: () => this.stopping,
      turn: () => this.pressure.turn(),
    });
    matches.onChange((change) => this.caches.pairsChanged(change));
  }

  get indexed(): number {
    return this.engine.size;
  }

  progress(): MatchingProgress {
    return {
      status: this.ready ? 'ready' : 'starting',
      indexed: this.engine.size,
      total: Math.max(this.total, this.engine.size),
      analysing: this.dirty.size,
      ranking: this.rankAllPending ? this.engine.size : this.toRank.size,
    };
  }

  get isReady(): boolean {
    return this.ready;
  }

  /**
   * Builds the index from the stored features (analysing only profiles without them, or whose texts
   * or analysis changed), then says ready; organisations whose pairs were not ranked from their
   * current features are re-ranked afterwards, in the background. Resolves when ready.
   */
  start(): Promise<void> {
    if (this.started) return this.idle();
    this.started = true;
    const loading = this.jobs
      .withRetries(async () => {
        await this.syncFromDatabase();
        await this.pump();
      })
      .finally(() => {
        this.ready = true;
      });
    this.jobs.tail = loading
      .catch(() => undefined)
      .then(() => this.jobs.withRetries(() => this.rankPending()))
      .then(() => {
        if (this.snapshotWanted) this.saveSnapshot();
      })
      .catch(() => undefined);
    return loading;
  }

  /**
   * Re-reads every stored organisation (dropping any the database no longer has) and re-ranks every
   * pair: after a command-line import wrote to the database behind our back.
   */
  load(): Promise<void> {
    return this.jobs.enqueue(() => this.rebuild());
  }

  private async rebuild(): Promise<void> {
    await this.syncFromDatabase();
    await this.pump();
    await this.rerankAll();
  }

  /**
   * Brings the index in line with the database, a page at a time: stored features whose hash
   * matches are indexed as they are; other organisations are queued for analysis.
   */
  private async syncFromDatabase(): Promise<void> {
    this.total = this.organizations.count();
    // A snapshot is read at the first load only (later rebuilds have the index itself).
    const snapshot = this.engine.size === 0 ? (this.options.snapshot?.read() ?? null) : null;
    const { present, fromSnapshot } = await indexStored(
      { engine: this.engine, features: this.options.features, snapshot, hashOf: (p) => this.hashOf(p) },
      { indexedHash: this.indexedHash, toRank: this.toRank, dirty: this.dirty },
    );
    this.fromSnapshot += fromSnapshot;
    for (const id of this.engine.ids()) if (!present.has(id)) this.forget(id);
    // Every weight with the idf of the whole corpus, as after a restart (between rebuilds weights
    // follow the corpus within 10 %).
    if (this.engine.size) this.engine.refresh();
    this.caches.changed();
    // Most of the index came from elsewhere than a snapshot: one is written for the next start.
    if (this.options.snapshot && this.engine.size - fromSnapshot > Math.max(100, this.engine.size / 10)) this.snapshotWanted = true;
  }

  /** Writes the index's snapshot when it matches the database (nothing waits to be analysed). */
  private saveSnapshot(): void {
    if (!this.options.snapshot || !this.ready || this.dirty.size || this.pumping) return;
    // Nothing changed since the index was loaded from the snapshot: it is still the same.
    if (!this.snapshotWanted && !this.changedSinceLoad) return;
    this.options.snapshot.write(this.engine.dump(), (id) => this.indexedHash.get(id));
    this.snapshotWanted = false;
    this.changedSinceLoad = false;
  }

  /** Follows one committed write: removals at once, new texts through the analyser. */
  apply(change: OrganizationChange): Promise<void> {
    for (const id of change.removed) this.forget(id);
    if (change.removed.length) this.caches.changed(change.removed);
    const urgent = change.upserted.length <= URGENT_UP_TO;
    for (const id of change.upserted) {
      this.dirty.add(id);
      if (urgent) {
        this.urgent.add(id);
        this.written.add(id);
      }
    }
    if (urgent && change.upserted.length) this.urgentArrived?.();
    if (!this.started) return Promise.resolve();
    return this.pump();
  }

  /**
   * Resolves once the single writes (an edit, a new profile, an import of a few rows) to these
   * organisations are in the index, then those `writer` made to others (see `wroteAs`), or 20 ms
   * later at most (PendingWrites.wait). A write is answered once it is stored; what its writer reads
   * next from the index waits here (a few milliseconds), so a writer reads what it wrote and nobody
   * else waits for it; an import's rows are never waited for.
   */
  whenWritten(opts: { ids?: readonly number[]; writer?: string }): Promise<void> {
    return this.started ? this.written.wait(opts) : Promise.resolve();
  }

  /** Records who made a write (`writerOf` the request's principal), for `whenWritten`. */
  wroteAs(writer: string, ids: readonly number[]): void {
    this.written.by(writer, ids);
  }

  /**
   * Stops background work at its next slice (the app is closing): what was not ranked is ranked at
   * the next start (its stored ranked hash does not match), what was not analysed is analysed then.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.idle().catch(() => undefined);
    // Reads still waiting for a write's analysis are let go (answered from the index as it is).
    this.written.releaseAll();
    try {
      this.saveSnapshot();
    } catch (error) {
      this.options.onError?.(error, 0);
    }
  }

  /** Resolves when every queued analysis and ranking is done. */
  async idle(): Promise<void> {
    // Asked before the app was ready (a script that loads data, then waits): the work starts now.
    if (!this.started) {
      if (this.stopping) return;
      await this.start();
    }
    for (;;) {
      if (this.pumping === null && this.dirty.size && !this.stopping) void this.pump();
      const pumping = this.pumping;
      const queue = this.jobs.tail;
      await pumping;
      await queue;
      if (this.pumping === null && this.jobs.tail === queue && (!this.dirty.size || this.stopping)) return;
    }
  }

  /**
   * An organisation's best partners now. Their reasons come from the explanations kept per pair
   * (`explain`): a list computed again because others were written since mostly has the same
   * partners, whose reasons did not change (the same engine call makes both).
   */
  suggest(id: number, opts: SuggestOptions): Suggestion[] {
    const found = this.engine.suggest(id, { ...opts, reasons: false });
    return opts.reasons === false ? found : found.map((s) => ({ ...s, reasons: this.caches.explain(id, s.profileId)?.reasons ?? [] }));
  }

  /**
   * A cached suggestion list for `key` about organisation `id`, or `compute()`'s. It stays valid
   * until a write can change it (see AnswersCache and `changed`) or a decision about the
   * organisation's pairs: then the next request computes it again.
   */
  cached<T>(id: number, key: string, compute: () => Answer<T>): T {
    return this.caches.suggestions(id, key, compute);
  }

  /** The organisation's pairs by partner, kept until they change (ReadCaches.pairMarks). */
  pairMarks(id: number): PairMarks {
    return this.caches.pairMarks(id, () => this.matches.statusesFor(id));
  }

  /** The score's weights in use (matches/learning.ts changes them). */
  get weights(): ScoreWeights {
    return this.engine.scoreWeights;
  }

  /**
   * Scores with other weights from now on and re-ranks every pair, as a queued job like any
   * re-rank (retried, never two at once): decisions and notes stay, scores and pending pairs follow.
   * Resolves when the new ranking is stored.
   */
  useWeights(weights: ScoreWeights): Promise<void> {
    return this.jobs.enqueue(async () => {
      this.engine.setWeights(weights);
      this.caches.changed();
      await this.rerankAll();
    });
  }

  /** A pair's signals as the index reads them now, and whether it is scored without `about`; null when not indexed. */
  pairSignals(a: number, b: number): { signals: PairSignals; aboutMissing: boolean } | null {
    const s = this.engine.score(a, b, { reasons: false });
    return s ? { signals: s.signals, aboutMissing: this.engine.isShort(a) || this.engine.isShort(b) } : null;
  }

  /**
   * Score and reasons of a stored pair as the index has them now (the review queue shows twenty at
   * a time). Kept until a write to either organisation or new weights (`changed`): within one epoch
   * they depend on the two profiles only.
   */
  explain(orgAId: number, orgBId: number): Suggestion | null {
    return this.caches.explain(orgAId, orgBId);
  }

  /** The directory's search by concept (any language), best first: ids only. */
  search(query: string): number[] {
    return this.engine.searchRead(this.options.readQuery(query), { limit: 5000 }).map((hit) => hit.profileId);
  }

  profile(id: number): Profile | undefined {
    return this.engine.get(id);
  }

  private hashOf(profile: Profile): string {
    return textsHash(this.options.fingerprint, profile);
  }

  private forget(id: number): void {
    if (this.engine.remove(id)) this.changedSinceLoad = true;
    this.indexedHash.delete(id);
    this.dirty.delete(id);
    this.urgent.delete(id);
    this.toRank.delete(id);
    this.written.release(id);
  }

  /** Drains `dirty` (one drain at a time), then queues the ranking of what changed. */
  private pump(): Promise<void> {
    this.pumping ??= this.drain().finally(() => {
      this.pumping = null;
    });
    return this.pumping;
  }

  private async drain(): Promise<void> {
    // Small enough that a single write arriving meanwhile waits for little more than its own analysis.
    const chunk = this.options.chunk ?? 20;
    const attempts = this.options.attempts ?? 3;
    let failedTries = 0;
    while (this.dirty.size && !this.stopping) {
      // Single writes go alone: their writers wait for them (read-your-writes), not for import rows.
      let ids = [...take(this.urgent, chunk)];
      const urgent = ids.length > 0;
      if (!urgent) {
        // An import's rows wait for a moment without requests (or a few milliseconds at most); a
        // single write arriving meanwhile ends the wait: its writer is waiting for it.
        await Promise.race([this.pressure.turn(), new Promise<void>((resolve) => (this.urgentArrived = resolve))]);
        this.urgentArrived = null;
        if (this.urgent.size) continue;
        ids = [...take(this.dirty, chunk, this.urgent)];
      }
      // Part of a long import with more to come: posted at once, but weights are refreshed and
      // cached answers dropped once at its end (or at the next single write), not at every chunk
      // (a refresh is O(every posting); dropping the cache makes every read compute again).
      const bulk = !urgent && this.ready && this.dirty.size > ids.length;
      try {
        await this.indexIds(ids, bulk);
        if (!bulk) this.settleBulk();
        failedTries = 0;
      } catch (error) {
        if (this.stopping) break;
        this.options.onError?.(error, ++failedTries);
        this.jobs.retried++;
        if (failedTries < attempts) {
          for (const id of ids) this.dirty.add(id);
          await sleep(this.options.retryDelayMs ?? 50 * 2 ** failedTries);
          continue;
        }
        // Not dropped silently: counted, logged, and analysed again at the next start or rebuild
        // (their stored features do not match their texts). Writes waiting for them are let go.
        this.jobs.failures++;
        failedTries = 0;
        for (const id of ids) this.written.release(id);
      }
    }
    this.settleBulk();
    if (this.ready) this.scheduleRanking();
  }

  /** After a long import's chunks: one refresh of every weight, and the cached answers dropped. */
  private settleBulk(): void {
    if (!this.bulkPending.size) return;
    const ids = [...this.bulkPending];
    this.bulkPending.clear();
    // As for single writes: every weight is recomputed once the index has drifted by a tenth (a
    // long import), not after each burst of small imports.
    this.caches.changed(ids);
    this.scheduleRefresh();
  }

  /** Indexes these organisations as the database has them now, analysing the texts that changed. */
  private async indexIds(ids: number[], bulk = false): Promise<void> {
    for (const id of ids) {
      this.dirty.delete(id);
      this.urgent.delete(id);
    }
    const { kept, analysed } = await featuresOf(ids, {
      organizations: this.organizations,
      features: this.options.features,
      analyser: this.options.analyser,
      hashOf: (p) => this.hashOf(p),
    });
    this.analysed += analysed;
    // Posted with the weights in use; all of them are recomputed in slices once the index has drifted by a tenth.
    this.engine.upsertStored(kept, { refresh: 'later' });
    if (kept.length) this.changedSinceLoad = true;
    for (const r of kept) {
      this.indexedHash.set(r.profile.id, r.hash);
      this.toRank.add(r.profile.id);
    }
    if (bulk) {
      for (const id of ids) this.bulkPending.add(id);
      this.caches.reindexed(ids);
    } else this.caches.changed(ids);
    // A profile edited again meanwhile is dirty again: its writer waits for that round.
    for (const id of ids) if (!this.dirty.has(id)) this.written.release(id);
    if (!bulk) this.scheduleRefresh();
  }

  /**
   * Every weight recomputed once the index has grown or shrunk by a tenth, as a queued job in slices
   * that yield to requests like a ranking's (at 12,000 organisations the whole of it blocks ~50 ms):
   * reads go on with the weights in use, and writes go on meanwhile; the new weights replace them
   * at once at the end, and every cached answer is dropped then (any score may have moved).
   */
  private scheduleRefresh(): void {
    if (this.refreshScheduled || !this.engine.drifted) return;
    this.refreshScheduled = true;
    this.jobs
      .enqueue(() => {
        this.refreshScheduled = false;
        return this.refreshIfDrifted();
      })
      .catch((error: unknown) => this.options.onError?.(error, 0));
  }

  /** See `scheduleRefresh`; a ranking runs it first, so that pairs are never ranked with weights overdue. */
  private async refreshIfDrifted(): Promise<void> {
    if (!this.engine.drifted) return;
    const slice = new Slicer({ stopped: () => this.stopping, turn: () => this.pressure.turn() });
    for (const _ of this.engine.refreshSteps()) await slice.maybeYield();
    this.caches.changed();
  }

  private scheduleRanking(): void {
    if (this.rankScheduled || (!this.toRank.size && !this.rankAllPending)) return;
    this.rankScheduled = true;
    this.jobs.enqueue(() => this.rankPending()).catch((error: unknown) => this.options.onError?.(error, 0));
  }

  /** Re-ranks what changed since the last ranking: the changed organisations, or everyone. */
  private async rankPending(): Promise<void> {
    this.rankScheduled = false;
    await this.refreshIfDrifted();
    const ids = [...this.toRank];
    if (!ids.length && !this.rankAllPending) return;
    // Everyone is re-ranked after a large import (weights move for all); many small writes that
    // piled up during a ranking are re-ranked one by one unless they are a good part of the index.
    if (this.rankAllPending || ids.length > Math.max(this.options.fullRerankAbove, this.engine.size / 4)) {
      this.rankAllPending = true;
      await this.rerankAll();
    } else {
      await this.rerankSome(ids);
    }
  }

  /** Profiles whose texts were analysed since this service started (0 after a restart on stored features). */
  analysed = 0;
  /** Organisations indexed from the snapshot at start (their features neither parsed nor analysed). */
  fromSnapshot = 0;
  /** Suggestion lists computed since the start (the others were answered from the cache). */
  get answersComputed(): number {
    return this.caches.computed;
  }
  /** Jobs that failed every try (each followed by a full rebuild). */
  get failures(): number {
    return this.jobs.failures;
  }
  /** Failed tries, retried or not. */
  get retried(): number {
    return this.jobs.retried;
  }

  private async rerankSome(ids: readonly number[]): Promise<void> {
    await this.ranker.some(ids, this.rankedFrom(ids));
    for (const id of ids) this.toRank.delete(id);
  }

  private async rerankAll(): Promise<void> {
    this.rankAllPending = true;
    const ids = this.engine.ids();
    const used = this.rankedFrom(ids);
    for (const id of ids) this.toRank.delete(id);
    await this.ranker.all(ids, used);
    this.rankAllPending = false;
  }

  /** The texts each of these organisations is indexed from (what their ranking will have used). */
  private rankedFrom(ids: readonly number[]): RankedFrom[] {
    return ids.flatMap((id) => (this.indexedHash.has(id) ? [{ organizationId: id, textsHash: this.indexedHash.get(id)! }] : []));
  }
}

/** Up to `n` ids taken out of `from` (the Set keeps insertion order: oldest first), skipping `except`. */
function* take(from: Set<number>, n: number, except?: Set<number>): Generator<number> {
  let count = 0;
  for (const id of from) {
    if (count >= n) return;
    if (except?.has(id)) continue;
    count++;
    yield id;
  }
}
