import {
  conceptFeature,
  extractFeatures,
  fieldTexts,
  FIELDS,
  isConceptFeature,
  DEFAULT_FEATURE_OPTIONS,
  type FeatureOptions,
  type Field,
  type ProfileFeatures,
} from './features.ts';
import { InvertedIndex, type Accumulator, type DocField, type IndexDump } from './inverted-index.ts';
import type { Lexicon } from './lexicon/lexicon.ts';
import type { Profile } from './profile.ts';
import { explainPair, type Reason } from './reasons.ts';
import type { StoredFeatures } from './stored-features.ts';
import {
  combineScore,
  DEFAULT_WEIGHTS,
  jaccard,
  kindFit,
  pairScore,
  sharesLanguage,
  shortPairScale,
  strengthOf,
  textScore,
  type PairSignals,
  type ScoreWeights,
  type Strength,
} from './score.ts';
import type { TextAnalyzer } from './text/analyze.ts';
import { detectLanguage } from './text/language.ts';
import { dot } from './tfidf.ts';
import { reweigher, type TextSignals } from './reweigh.ts';

export interface EngineOptions {
  analyzer: TextAnalyzer;
  lexicon: Lexicon;
  features?: FeatureOptions;
  weights?: ScoreWeights;
  /** Feature weights before normalisation: a concept is stronger evidence than a shared word. */
  typeWeights?: TypeWeights;
}

export interface TypeWeights {
  concept: number;
  term: number;
  romanised: number;
  /**
   * Concept groups that say little about fit, scaled down: in a Japan–Mongolia programme nearly
   * every profile mentions the other country, and "startup" or "university" describe who, not what.
   */
  groups: Record<string, number>;
}

export const DEFAULT_TYPE_WEIGHTS: TypeWeights = { concept: 1, term: 0.6, romanised: 0.2, groups: { place: 0.2, role: 0.5 } };

export interface Suggestion {
  profileId: number;
  score: number;
  /** The score in words (score.ts, strengthOf). */
  strength: Strength;
  signals: PairSignals;
  reasons: Reason[];
}

export interface SuggestOptions {
  limit?: number;
  /** Which partners qualify; default: organisations of another country (JP–MN pairs). */
  accept?: (partner: Profile, self: Profile) => boolean;
  /** Whether to attach reasons (they cost a little per result). Default true. */
  reasons?: boolean;
}

export interface SearchHit {
  profileId: number;
  /** Concepts of the query the profile has, then the weight of what it shares. */
  score: number;
  /** The concepts the query was read as (ids), the same for カシミヤ, ноолуур and cashmere. */
  concepts: string[];
}

export const crossBorder = (partner: Profile, self: Profile) => partner.country !== self.country;

/**
 * The matching engine: profiles in, ranked partners with their reasons out. Pure and in memory;
 * the service feeds it profiles and stores what it answers.
 */
export class MatchingEngine {
  private readonly index: InvertedIndex;
  private readonly profiles = new Map<number, Profile>();
  private weights: ScoreWeights;
  /**
   * Profiles with nothing to compare in `about` (no description, no sectors), and how much a pair
   * with one of them is scaled up: the same as scoring it with `withoutAbout(weights)`, since its
   * `about` similarity is 0, but one multiplication in the hot loop instead of other weights.
   */
  private readonly short = new Set<number>();
  private shortScale: number;
  private readonly featureOptions: FeatureOptions;
  private readonly typeWeights: TypeWeights;
  private acc: Accumulator | null = null;

  constructor(private readonly options: EngineOptions) {
    const type = options.typeWeights ?? DEFAULT_TYPE_WEIGHTS;
    this.typeWeights = type;
    this.weights = options.weights ?? DEFAULT_WEIGHTS;
    this.shortScale = shortPairScale(this.weights);
    this.featureOptions = options.features ?? DEFAULT_FEATURE_OPTIONS;
    this.index = new InvertedIndex({
      refreshDrift: 0.1,
      typeWeight: (f) => {
        if (!isConceptFeature(f)) return f.startsWith('ro:') ? type.romanised : type.term;
        const group = options.lexicon.concepts.get(f.slice(2))?.group ?? '';
        return type.concept * (type.groups[group] ?? 1);
      },
    });
  }

  get size(): number {
    return this.profiles.size;
  }

  /** The score's weights in use (DEFAULT_WEIGHTS unless set). */
  get scoreWeights(): ScoreWeights {
    return this.weights;
  }

  /**
   * Scores from now on with other weights (fitted on decisions, or the defaults again). Only the way
   * signals combine changes, not the index: no profile is analysed or re-weighted. Pairs already
   * stored keep their old scores until they are re-ranked (the service does that at once).
   */
  setWeights(weights: ScoreWeights): void {
    this.weights = { ...weights };
    this.shortScale = shortPairScale(this.weights);
  }

  private markShort(id: number, short: boolean): void {
    if (short) this.short.add(id);
    else this.short.delete(id);
  }

  /** Whether a profile has nothing to compare in `about` (no description, no sectors): its pairs leave `about` out. */
  isShort(id: number): boolean {
    return this.short.has(id);
  }

  get(id: number): Profile | undefined {
    return this.profiles.get(id);
  }

  ids(): number[] {
    return [...this.profiles.keys()];
  }

  /**
   * Adds or replaces profiles; a batch recomputes weights once at the end. A profile whose texts did
   * not change (a new city, a re-import of the same file) keeps its vectors: analysing Japanese is
   * the costliest step of a write.
   */
  upsert(profiles: readonly Profile[]): void {
    this.index.batch(() => {
      for (const profile of profiles) {
        const before = this.profiles.get(profile.id);
        this.profiles.set(profile.id, profile);
        if (before && sameTexts(before, profile)) continue;
        const features = extractFeatures(profile, this.options.analyzer, this.options.lexicon, this.featureOptions);
        this.index.upsert(profile.id, features);
        this.markShort(profile.id, features.about.counts.size === 0);
      }
    });
  }

  /**
   * Adds or replaces profiles whose features were analysed elsewhere (a worker thread, or stored
   * from an earlier run): no text is analysed here, so an index can be rebuilt without kuromoji.
   */
  upsertAnalysed(items: readonly { profile: Profile; features: ProfileFeatures }[], opts: { refresh?: boolean } = {}): void {
    this.index.batch(() => {
      for (const { profile, features } of items) {
        this.profiles.set(profile.id, profile);
        this.index.upsert(profile.id, features);
        this.markShort(profile.id, features.about.counts.size === 0);
      }
    }, opts.refresh ?? true);
  }

  /** `upsertAnalysed` from stored features as they are (a restart: no Maps built per profile). */
  upsertStored(items: readonly { profile: Profile; features: StoredFeatures }[], opts: { refresh?: boolean | 'later' } = {}): void {
    this.index.batch(() => {
      for (const { profile, features } of items) {
        this.profiles.set(profile.id, profile);
        this.index.upsertStored(profile.id, features);
        // (The service indexes through here: its one-line profiles are scaled as in `upsert`.)
        this.markShort(profile.id, (features.about ?? []).length === 0);
      }
    }, opts.refresh ?? true);
  }

  /** The index's documents, for a snapshot (see InvertedIndex.dump). */
  dump(ids?: Iterable<number>): IndexDump {
    return this.index.dump(ids);
  }

  /** `upsertStored` from a snapshot's documents (`dump` of an index built with the same analysis). */
  upsertDumped(
    names: Pick<IndexDump, 'features' | 'langs'>,
    items: readonly { profile: Profile; fields: IndexDump['docs'][number]['fields'] }[],
    opts: { refresh?: boolean } = {},
  ): void {
    this.index.batch(() => {
      for (const { profile } of items) this.profiles.set(profile.id, profile);
      this.index.upsertDumped(
        names,
        items.map(({ profile, fields }) => ({ key: profile.id, fields })),
      );
    }, opts.refresh ?? true);
  }

  /**
   * Recomputes every weight with the current idf. Loading a large index in many batches with
   * `refresh: false` and refreshing once at the end costs one pass instead of one per 10 % of growth
   * (profiles added with `refresh: false` are not suggested until then).
   */
  refresh(): void {
    this.index.refresh();
  }

  /** Whether the index has grown or shrunk by a tenth since every weight was last computed. */
  get drifted(): boolean {
    return this.index.drifted;
  }

  /**
   * `refresh()` in steps, for a caller that answers requests meanwhile: profiles may be added,
   * replaced and removed between two steps, and the new weights replace the old ones at once in the
   * last step (the epoch moves then). See InvertedIndex.refreshSteps.
   */
  refreshSteps(docsPerStep?: number): Generator<void, void, void> {
    return this.index.refreshSteps(docsPerStep);
  }

  /**
   * Changes whenever every weight is recomputed (`refresh`, or the drift of a write): then any pair's
   * score may have moved. Within one epoch a pair's score depends on its two profiles only, so a
   * write moves the scores of the written profile's pairs and of no others.
   */
  get epoch(): number {
    return this.index.epoch;
  }

  /** A profile's features, analysed with this engine's analyzer and lexicon (for storing them). */
  analyse(profile: Profile): ProfileFeatures {
    return extractFeatures(profile, this.options.analyzer, this.options.lexicon, this.featureOptions);
  }

  remove(id: number): boolean {
    this.profiles.delete(id);
    this.short.delete(id);
    return this.index.remove(id);
  }

  /**
   * The best partners for one profile, from the inverted index: only profiles that share a feature
   * with its needs, offers or description are ever scored, and only the best `limit` are kept.
   */
  suggest(id: number, opts: SuggestOptions = {}): Suggestion[] {
    const self = this.profiles.get(id);
    const slot = this.index.slot(id);
    if (!self || slot === undefined) return [];
    const accept = opts.accept ?? crossBorder;
    const limit = opts.limit ?? 10;

    const acc = this.accumulator();
    this.index.accumulate(this.index.field(slot, 'needs'), 'offers', 'fwd', acc);
    this.index.accumulate(this.index.field(slot, 'offers'), 'needs', 'back', acc);
    this.index.accumulate(this.index.field(slot, 'about'), 'about', 'about', acc);

    // The best `limit` so far, best first; a new candidate must beat the last to get in.
    const best: { profileId: number; score: number; signals: PairSignals }[] = [];
    const { fwd, back, about } = acc.scores;
    const selfShort = this.short.has(id);
    // A pair with a one-line profile is scaled up (shortScale), so the bound must allow for it.
    const bound = selfShort || this.short.size > 0 ? this.shortScale : 1;
    /** Once the list is full: the score its last member has, which a candidate's bound must reach. */
    let floor = Number.NEGATIVE_INFINITY;
    const { touched, count } = acc;
    for (let i = 0; i < count; i++) {
      const s = touched[i]!;
      // The structured fit only scales the text score down, so the text score bounds the final one:
      // once the list is full, most candidates are dropped here without building their signals.
      const f = fwd[s]!;
      const b = back[s]!;
      if (textScore(f, b, about[s]!, this.weights) * bound + 1e-3 < floor) continue;
      const partnerId = this.index.keyAt(s);
      if (partnerId === id) continue;
      const partner = this.profiles.get(partnerId)!;
      if (!accept(partner, self)) continue;
      // The signals as this.signals() rounds them, and their score, before any object is made for them.
      const fr = round(f);
      const br = round(b);
      const ar = round(about[s]!);
      const sdgs = round(jaccard(self.sdgs, partner.sdgs));
      const kinds = kindFit(self.kind, partner.kind);
      const language = sharesLanguage(self.languages, partner.languages);
      const score = pairScore(fr, br, ar, sdgs, kinds, language, this.weights) * (selfShort || this.short.has(partnerId) ? this.shortScale : 1);
      if (best.length === limit && !outranks(score, partnerId, best[limit - 1]!)) continue;
      const signals: PairSignals = { fwd: fr, back: br, about: ar, sdgs, kinds, language };
      let at = best.length;
      while (at > 0 && outranks(score, partnerId, best[at - 1]!)) at--;
      best.splice(at, 0, { profileId: partnerId, score, signals });
      if (best.length > limit) best.pop();
      if (best.length === limit) floor = best[limit - 1]!.score;
    }
    return best.map((r) => ({
      ...r,
      score: round(r.score),
      strength: strengthOf(r.score),
      reasons: opts.reasons === false ? [] : this.reasons(id, r.profileId),
    }));
  }

  /** One pair's score and reasons, computed directly (for re-scoring pairs already under review). */
  score(aId: number, bId: number, opts: { reasons?: boolean } = {}): Suggestion | null {
    const a = this.profiles.get(aId);
    const b = this.profiles.get(bId);
    const sa = this.index.slot(aId);
    const sb = this.index.slot(bId);
    if (!a || !b || sa === undefined || sb === undefined) return null;
    const f = (slot: number, field: Field) => this.index.field(slot, field);
    const signals = this.signals(a, b, dot(f(sa, 'needs'), f(sb, 'offers')), dot(f(sb, 'needs'), f(sa, 'offers')), dot(f(sa, 'about'), f(sb, 'about')));
    const short = this.short.has(aId) || this.short.has(bId);
    const score = combineScore(signals, this.weights) * (short ? this.shortScale : 1);
    return { profileId: bId, score: round(score), strength: strengthOf(score), signals, reasons: opts.reasons === false ? [] : this.reasons(aId, bId) };
  }

  /**
   * The text signals of these pairs as they would be under other concept-group weights (for
   * fitting them: learn.ts, fitGroupWeights); the index is not changed. Pairs read from `a`'s side.
   */
  textSignalsUnder(pairs: readonly (readonly [number, number])[]): (groups: Readonly<Record<string, number>>) => (TextSignals | null)[] {
    const type = this.typeWeights;
    return reweigher(
      pairs,
      (key, field) => {
        const slot = this.index.slot(key);
        return slot === undefined ? undefined : this.index.field(slot, field);
      },
      (id) => {
        const name = this.index.featureName(id);
        const idf = this.index.idf(id);
        if (!isConceptFeature(name)) return { weight: idf * (name.startsWith('ro:') ? type.romanised : type.term), group: null };
        return { weight: idf * type.concept, group: this.options.lexicon.concepts.get(name.slice(2))?.group ?? '' };
      },
    );
  }

  private signals(a: Profile, b: Profile, fwd: number, back: number, about: number): PairSignals {
    return {
      fwd: round(fwd),
      back: round(back),
      about: round(about),
      sdgs: round(jaccard(a.sdgs, b.sdgs)),
      kinds: kindFit(a.kind, b.kind),
      language: sharesLanguage(a.languages, b.languages),
    };
  }

  private reasons(aId: number, bId: number): Reason[] {
    const fields = (slot: number) => Object.fromEntries(FIELDS.map((f) => [f, this.index.field(slot, f)])) as Record<Field, DocField>;
    return explainPair({
      a: this.profiles.get(aId)!,
      b: this.profiles.get(bId)!,
      aFields: fields(this.index.slot(aId)!),
      bFields: fields(this.index.slot(bId)!),
      featureName: (fid) => this.index.featureName(fid),
      source: (code) => this.index.source(code),
      lexicon: this.options.lexicon,
    });
  }

  /**
   * The directory's search: the query is read in its own language and mapped to concepts, so
   * カシミヤ, ноолуур, nooluur and cashmere find the same profiles, in any language they are written
   * in. A profile must have every concept of the query (or, for a query with no concept, every
   * term); profiles with more of the query's weight come first.
   */
  search(query: string, opts: { limit?: number } = {}): SearchHit[] {
    return this.searchRead(readQuery(query, this.options.analyzer, this.options.lexicon), opts);
  }

  /** `search` with the query already read (by `readQuery`, where kuromoji is: a worker thread in the service). */
  searchRead({ concepts, features }: QueryReading, opts: { limit?: number } = {}): SearchHit[] {
    if (!features.length) return [];
    let hits: Map<number, number> | null = null;
    for (const feature of features) {
      const holders = this.index.holders(feature);
      const next = new Map<number, number>();
      for (const [key, weight] of holders) {
        if (hits === null || hits.has(key)) next.set(key, (hits?.get(key) ?? 0) + weight);
      }
      hits = next;
      if (!hits.size) break;
    }
    return [...(hits ?? new Map<number, number>())]
      .map(([profileId, weight]) => ({ profileId, score: round(weight), concepts }))
      .sort((a, b) => b.score - a.score || a.profileId - b.profileId)
      .slice(0, opts.limit ?? 1000);
  }

  /** The reusable score buffers, grown with the index; a new generation clears them in O(1). */
  private accumulator(): Accumulator {
    if (!this.acc || this.acc.stamp.length < this.index.capacity || this.acc.generation >= 0xfffffffe) {
      this.acc = this.index.newAccumulator();
    }
    this.acc.generation++;
    this.acc.count = 0;
    return this.acc;
  }
}

/** A search query as the index looks it up: its concepts (ids), and the features to look for. */
export interface QueryReading {
  concepts: string[];
  /** The concepts' features, or the query's own terms when it names no concept. */
  features: string[];
}

/** Reads a directory query in its own language and maps it to concepts (see `MatchingEngine.search`). */
export function readQuery(query: string, analyzer: TextAnalyzer, lexicon: Lexicon): QueryReading {
  const analyzed = analyzer.analyze(query, detectLanguage(query));
  const matches = lexicon.match(analyzed.tokens);
  const concepts = [...new Set([...matches.map((m) => m.conceptId), ...lexicon.matchLoanwords(analyzed.loanwords)])];
  return { concepts, features: concepts.length ? concepts.map(conceptFeature) : [...new Set(analyzed.tokens)] };
}

function sameTexts(a: Profile, b: Profile): boolean {
  return JSON.stringify(fieldTexts(a)) === JSON.stringify(fieldTexts(b));
}

function outranks(score: number, id: number, other: { score: number; profileId: number }): boolean {
  return score > other.score || (score === other.score && id < other.profileId);
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;
