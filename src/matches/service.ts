import { setImmediate as yieldToEventLoop, setTimeout as sleep } from 'node:timers/promises';
import type { MatchingEngine, Profile, QueryReading, StoredFeatures, Suggestion, SuggestOptions } from '../../matching/index.ts';
import type { IndexDump } from '../../matching/inverted-index.ts';
import type { PairSignals, ScoreWeights } from '../../matching/score.ts';
import type { FeatureAnalyser } from '../matching-worker/analyser.ts';
import type { Snapshot } from '../matching-worker/snapshot.ts';
import { textsHash } from '../matching-worker/fingerprint.ts';
import type { OrganizationChange, OrganizationsRepository } from '../organizations/repository.ts';
import { profileFromRow } from '../organizations/model.ts';
import type { FeaturesRepository } from './features.ts';
import type { MatchesChange, MatchesRepository, RankedPair } from './repository.ts';

export interface MatchingServiceOptions {
  /** Partners kept per organisation in the review queue. */
  topK: number;
  /** Above this many changed profiles, re-rank everything instead of the changed ones. */
  fullRerankAbove: number;
  /** Where texts are analysed (a worker thread in the service). */
  analyser: FeatureAnalyser;
  /** The stored analysis of each profile. */
  features: FeaturesRepository;
  /** What stored features depend on besides the texts (see matching-worker/fingerprint.ts). */
  fingerprint: string;
  /** Tries per job before the index is rebuilt from the database (default 3). */
  attempts?: number;
  /** Wait before a retry (default 100 ms, then 200 ms…). */
  retryDelayMs?: number;
  /** Told of every failed try. */
  onError?: (error: unknown, attempt: number) => void;
  /** The app's clock, for ranking stamps. */
  now?: () => Date;
  /** Profiles per analysis task (default 50): a single edit waits at most for one task ahead of it. */
  chunk?: number;
  /** Reads a search query into concepts (where kuromoji is: the text worker in the service). */
  readQuery: (query: string) => QueryReading;
  /** Where the index's snapshot is kept (a file beside the database), if anywhere. */
  snapshot?: {
    read(): Snapshot | null;
    write(dump: IndexDump, hashOf: (id: number) => string | undefined): void;
  };
  /** Cached suggestion answers (default 5,000). */
  cacheSize?: number;
}

/** What GET /health shows. */
export interface MatchingProgress {
  status: 'starting' | 'ready';
  /** Organisations in the index, and in the database when it started. */
  indexed: number;
  total: number;
  /** Profiles waiting for their texts to be analysed. */
  analysing: number;
  /** Organisations waiting to have their pairs re-ranked. */
  ranking: number;
}

/** Single writes (an edit, a new profile) are analysed before the rows of a running import. */
const URGENT_UP_TO = 10;
/** Ranking work runs this long between two looks at the event loop. */
const SLICE_MS = 8;
/** Pairs per transaction when a large ranking is written in parts. */
const SAVE_CHUNK = 2_000;
/** Organisations read per page at start-up. */
const PAGE = 2_000;

/**
 * Keeps the engine's index in step with the database and the review queue in step with the
 * engine, without holding up requests:
 * - texts are analysed by the analyser (a worker thread), and the features are stored
 *   (organization_features), so a restart rebuilds the index from them without analysing again;
 * - the index follows writes as change events, single edits first; `whenIndexed` tells a write's
 *   route when its profile is searchable (read-your-writes), reads never wait;
 * - re-ranking runs as jobs one after the other, in time slices that yield to requests, each tried
 *   again on failure and, after the last try, followed by a rebuild from the database;
 * - suggestion answers are cached per question and dropped by any change to the index or to the
 *   organisation's pairs.
 */
export class MatchingService {
  private queue: Promise<void> = Promise.resolve();
  private lastRankAt = '';
  private started = false;
  private stopping = false;
  private ready = false;
  private total = 0;
  /** Organisations whose index entry must be (re)built from the database. */
  private readonly dirty = new Set<number>();
  private readonly urgent = new Set<number>();
  private pumping: Promise<void> | null = null;
  private readonly waiters = new Map<number, (() => void)[]>();
  /** The texts hash each indexed organisation was indexed with (to record what a ranking used). */
  private readonly indexedHash = new Map<number, string>();
  /** Organisations whose pairs must be re-ranked; `rankAll` when most did. */
  private readonly toRank = new Set<number>();
  private rankAllPending = false;
  private rankScheduled = false;
  private snapshotWanted = false;
  /** Chunks of a long import indexed without a refresh or dropping cached answers yet (see `drain`). */
  private bulkPending = false;
  /** Any document added or removed since the start's load (the snapshot, if any, is then out of date). */
  private changedSinceLoad = false;
  private version = 0;
  private readonly pairVersion = new Map<number, number>();
  private readonly cache = new Map<string, { stamp: string; value: unknown }>();

  constructor(
    private readonly engine: MatchingEngine,
    private readonly organizations: OrganizationsRepository,
    private readonly matches: MatchesRepository,
    private readonly options: MatchingServiceOptions,
  ) {
    matches.onChange((change) => this.pairsChanged(change));
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
    const loading = this.withRetries(async () => {
      await this.syncFromDatabase();
      await this.pump();
    }).finally(() => {
      this.ready = true;
    });
    this.queue = loading
      .catch(() => undefined)
      .then(() => this.withRetries(() => this.rankPending()))
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
    return this.enqueue(() => this.rebuild());
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
    const present = new Set<number>();
    let after = 0;
    let fromSnapshot = 0;
    for (;;) {
      const page = this.options.features.page(after, PAGE);
      if (!page.length) break;
      const dumped: { profile: Profile; fields: IndexDump['docs'][number]['fields'] }[] = [];
      const needStored: { profile: Profile; hash: string }[] = [];
      const unchanged: Profile[] = [];
      for (const { row, stored } of page) {
        present.add(row.id);
        const profile = profileFromRow(row);
        const hash = this.hashOf(profile);
        if (this.indexedHash.get(row.id) === hash && this.engine.get(row.id)) {
          // Already indexed from these texts (a rebuild): the other fields are refreshed, the vectors stay.
          unchanged.push(profile);
          if (stored?.rankedHash !== hash) this.toRank.add(row.id);
          continue;
        }
        const snapped = snapshot?.docs.get(row.id);
        if (snapped && snapped.hash === hash) {
          dumped.push({ profile, fields: snapped.fields });
          this.indexedHash.set(row.id, hash);
        } else if (stored && stored.textsHash === hash) {
          needStored.push({ profile, hash });
        } else {
          this.dirty.add(row.id);
          continue;
        }
        if (stored?.rankedHash !== hash) this.toRank.add(row.id);
      }
      fromSnapshot += dumped.length;
      this.fromSnapshot += dumped.length;
      // Weights are computed once at the end, not at every 10 % of growth.
      if (dumped.length) this.engine.upsertDumped(snapshot!, dumped, { refresh: false });
      if (needStored.length) {
        const features = this.options.features.forIds(needStored.map((n) => n.profile.id));
        const items = needStored.flatMap(({ profile, hash }) => {
          const stored = features.get(profile.id);
          if (!stored) return [];
          this.indexedHash.set(profile.id, hash);
          return [{ profile, features: JSON.parse(stored.features) as StoredFeatures }];
        });
        this.engine.upsertStored(items, { refresh: false });
      }
      // (Only when there are some: an upsert ends with a drift check, which would refresh every page.)
      if (unchanged.length) this.engine.upsert(unchanged);
      after = page[page.length - 1]!.row.id;
      await yieldToEventLoop();
    }
    for (const id of this.engine.ids()) if (!present.has(id)) this.forget(id);
    // Every weight with the idf of the whole corpus, as after a restart (between rebuilds weights
    // follow the corpus within 10 %).
    if (this.engine.size) this.engine.refresh();
    this.changed();
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
    if (change.removed.length) this.changed();
    const urgent = change.upserted.length <= URGENT_UP_TO;
    for (const id of change.upserted) {
      this.dirty.add(id);
      if (urgent) this.urgent.add(id);
    }
    if (!this.started) return Promise.resolve();
    return this.pump();
  }

  /** Resolves once these organisations are in the index as they are in the database now. */
  whenIndexed(ids: readonly number[]): Promise<void> {
    const waiting = ids.filter((id) => this.dirty.has(id));
    if (!waiting.length || !this.started) return Promise.resolve();
    return Promise.all(waiting.map((id) => new Promise<void>((resolve) => this.waiters.set(id, [...(this.waiters.get(id) ?? []), resolve])))).then(
      () => undefined,
    );
  }

  /**
   * Stops background work at its next slice (the app is closing): what was not ranked is ranked at
   * the next start (its stored ranked hash does not match), what was not analysed is analysed then.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.idle().catch(() => undefined);
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
      const queue = this.queue;
      await pumping;
      await queue;
      if (this.pumping === null && this.queue === queue && (!this.dirty.size || this.stopping)) return;
    }
  }

  suggest(id: number, opts: SuggestOptions): Suggestion[] {
    return this.engine.suggest(id, opts);
  }

  /**
   * A cached answer for `key` about organisation `id`, or `compute()`'s. An answer stays valid until
   * the index changes (any profile's features or fields can move anyone's ranking) or the
   * organisation's pairs change (a decision, a re-rank): then the next request computes it again.
   */
  cached<T>(id: number, key: string, compute: () => T): T {
    const stamp = `${this.version}.${this.pairVersion.get(id) ?? 0}`;
    const hit = this.cache.get(key);
    if (hit && hit.stamp === stamp) return hit.value as T;
    const value = compute();
    this.cache.delete(key);
    this.cache.set(key, { stamp, value });
    if (this.cache.size > (this.options.cacheSize ?? 5_000)) this.cache.delete(this.cache.keys().next().value!);
    return value;
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
    return this.enqueue(async () => {
      this.engine.setWeights(weights);
      this.changed();
      await this.rerankAll();
    });
  }

  /** A pair's signals as the index reads them now, and whether it is scored without `about`; null when not indexed. */
  pairSignals(a: number, b: number): { signals: PairSignals; aboutMissing: boolean } | null {
    const s = this.engine.score(a, b, { reasons: false });
    return s ? { signals: s.signals, aboutMissing: this.engine.isShort(a) || this.engine.isShort(b) } : null;
  }

  /** Score and reasons of a stored pair, computed now. */
  explain(orgAId: number, orgBId: number): Suggestion | null {
    return this.engine.score(orgAId, orgBId);
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
    this.release(id);
  }

  /** Everything cached is stale. */
  private changed(): void {
    this.version++;
  }

  private pairsChanged(change: MatchesChange): void {
    if (change === 'all') {
      this.changed();
      return;
    }
    for (const id of change.organizations) this.pairVersion.set(id, (this.pairVersion.get(id) ?? 0) + 1);
  }

  private release(id: number): void {
    const waiting = this.waiters.get(id);
    if (!waiting) return;
    this.waiters.delete(id);
    for (const resolve of waiting) resolve();
  }

  /** Drains `dirty` (one drain at a time), then queues the ranking of what changed. */
  private pump(): Promise<void> {
    this.pumping ??= this.drain().finally(() => {
      this.pumping = null;
    });
    return this.pumping;
  }

  private async drain(): Promise<void> {
    const chunk = this.options.chunk ?? 50;
    const attempts = this.options.attempts ?? 3;
    let failedTries = 0;
    while (this.dirty.size && !this.stopping) {
      const ids = [...take(this.urgent, chunk)];
      const urgent = ids.length > 0;
      if (ids.length < chunk) for (const id of take(this.dirty, chunk - ids.length, this.urgent)) ids.push(id);
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
        this.retried++;
        if (failedTries < attempts) {
          for (const id of ids) this.dirty.add(id);
          await sleep(this.options.retryDelayMs ?? 50 * 2 ** failedTries);
          continue;
        }
        // Not dropped silently: counted, logged, and analysed again at the next start or rebuild
        // (their stored features do not match their texts). Writes waiting for them are let go.
        this.failures++;
        failedTries = 0;
        for (const id of ids) this.release(id);
      }
    }
    this.settleBulk();
    if (this.ready) this.scheduleRanking();
  }

  /** After a long import's chunks: one refresh of every weight, and the cached answers dropped. */
  private settleBulk(): void {
    if (!this.bulkPending) return;
    this.bulkPending = false;
    this.engine.refresh();
    this.changed();
  }

  /** Indexes these organisations as the database has them now, analysing the texts that changed. */
  private async indexIds(ids: number[], bulk = false): Promise<void> {
    for (const id of ids) {
      this.dirty.delete(id);
      this.urgent.delete(id);
    }
    const rows = this.organizations.byIds(ids);
    const stored = this.options.features.forIds(ids);
    const ready: { profile: Profile; features: StoredFeatures; hash: string }[] = [];
    const todo: { profile: Profile; hash: string }[] = [];
    for (const row of rows) {
      const profile = profileFromRow(row);
      const hash = this.hashOf(profile);
      const known = stored.get(row.id);
      if (known && known.textsHash === hash) ready.push({ profile, hash, features: JSON.parse(known.features) as StoredFeatures });
      else todo.push({ profile, hash });
    }
    if (todo.length) {
      const analysed = await this.options.analyser.analyse(todo.map((t) => t.profile));
      this.analysed += analysed.length;
      this.options.features.save(todo.map((t, i) => ({ organizationId: t.profile.id, textsHash: t.hash, features: JSON.stringify(analysed[i]) })));
      todo.forEach((t, i) => {
        ready.push({ ...t, features: analysed[i]! });
      });
    }
    // While the texts were analysed, some of these may have been deleted: they stay out.
    const present = new Set(this.organizations.byIds(ready.map((r) => r.profile.id)).map((r) => r.id));
    const kept = ready.filter((r) => present.has(r.profile.id));
    this.engine.upsertStored(kept, { refresh: bulk ? 'later' : true });
    if (kept.length) this.changedSinceLoad = true;
    for (const r of kept) {
      this.indexedHash.set(r.profile.id, r.hash);
      this.toRank.add(r.profile.id);
    }
    if (bulk) this.bulkPending = true;
    else this.changed();
    // A profile edited again meanwhile is dirty again: its writer waits for that round.
    for (const id of ids) if (!this.dirty.has(id)) this.release(id);
  }

  private scheduleRanking(): void {
    if (this.rankScheduled || (!this.toRank.size && !this.rankAllPending)) return;
    this.rankScheduled = true;
    this.enqueue(() => this.rankPending()).catch((error: unknown) => this.options.onError?.(error, 0));
  }

  /** Re-ranks what changed since the last ranking: the changed organisations, or everyone. */
  private async rankPending(): Promise<void> {
    this.rankScheduled = false;
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
        if (this.stopping) throw error;
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

  /** Profiles whose texts were analysed since this service started (0 after a restart on stored features). */
  analysed = 0;
  /** Organisations indexed from the snapshot at start (their features neither parsed nor analysed). */
  fromSnapshot = 0;
  /** Jobs that failed every try (each followed by a full rebuild). */
  failures = 0;
  /** Failed tries, retried or not. */
  retried = 0;

  private async rerankSome(ids: readonly number[]): Promise<void> {
    const pairs = new Map<string, RankedPair>();
    const used = ids.flatMap((id) => (this.indexedHash.has(id) ? [{ organizationId: id, textsHash: this.indexedHash.get(id)! }] : []));
    const slice = new Slicer(() => this.stopping);
    for (const id of ids) {
      if (!this.engine.get(id)) continue;
      for (const s of this.engine.suggest(id, { limit: this.options.topK, reasons: false })) addPair(pairs, id, s);
      // Known pairs of this organisation keep an up-to-date score even when they left its top K.
      for (const row of this.matches.forOrganization(id)) {
        if (pairs.has(`${row.orgAId}:${row.orgBId}`)) continue; // already ranked above, with a fresh score
        const s = this.engine.score(row.orgAId, row.orgBId, { reasons: false });
        if (s && (row.status !== 'pending' || this.stillRanked(row.orgAId, row.orgBId, id))) addPair(pairs, row.orgAId, s);
      }
      await slice.maybeYield();
    }
    this.matches.saveRanking([...pairs.values()], { organizations: ids }, this.rankStamp());
    for (const id of ids) this.toRank.delete(id);
    this.options.features.markRanked(used);
  }

  private async rerankAll(): Promise<void> {
    this.rankAllPending = true;
    const stamp = this.rankStamp();
    const ids = this.engine.ids();
    const used = ids.flatMap((id) => (this.indexedHash.has(id) ? [{ organizationId: id, textsHash: this.indexedHash.get(id)! }] : []));
    for (const id of ids) this.toRank.delete(id);
    const pairs = new Map<string, RankedPair>();
    const slice = new Slicer(() => this.stopping);
    for (const id of ids) {
      for (const s of this.engine.suggest(id, { limit: this.options.topK, reasons: false })) addPair(pairs, id, s);
      await slice.maybeYield();
    }
    for (const row of this.matches.decidedOutside(new Set(pairs.keys()))) {
      const s = this.engine.score(row.orgAId, row.orgBId, { reasons: false });
      if (s) addPair(pairs, row.orgAId, s);
    }
    const all = [...pairs.values()];
    if (all.length <= SAVE_CHUNK) {
      this.matches.saveRanking(all, 'all', stamp);
    } else {
      for (let i = 0; i < all.length; i += SAVE_CHUNK) {
        this.matches.savePairs(all.slice(i, i + SAVE_CHUNK), stamp);
        await yieldToEventLoop();
      }
      this.matches.dropUnranked('all', stamp);
    }
    for (let i = 0; i < used.length; i += SAVE_CHUNK) {
      this.options.features.markRanked(used.slice(i, i + SAVE_CHUNK));
      await yieldToEventLoop();
    }
    this.rankAllPending = false;
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

/** Long work in slices: yields to the event loop (requests) every few milliseconds. */
class Slicer {
  private since = performance.now();
  constructor(private readonly stopped: () => boolean) {}
  async maybeYield(): Promise<void> {
    if (performance.now() - this.since < SLICE_MS) return;
    await yieldToEventLoop();
    if (this.stopped()) throw new Error('matching service stopped');
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
