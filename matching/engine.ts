import { DEFAULT_FEATURE_OPTIONS, extractFeatures, FIELDS, isConceptFeature, type FeatureOptions, type Field, type ProfileFeatures } from './features.ts';
import { InvertedIndex } from './inverted-index.ts';
import type { Lexicon } from './lexicon/lexicon.ts';
import type { Profile } from './profile.ts';
import { explainPair, type Reason } from './reasons.ts';
import { combineScore, DEFAULT_WEIGHTS, jaccard, kindFit, sharesLanguage, type PairSignals, type ScoreWeights } from './score.ts';
import type { TextAnalyzer } from './text/analyze.ts';
import { dot } from './tfidf.ts';

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

export const crossBorder = (partner: Profile, self: Profile) => partner.country !== self.country;

/**
 * The matching engine: profiles in, ranked partners with their reasons out. Pure and in memory;
 * the service feeds it profiles and stores what it answers.
 */
export class MatchingEngine {
  private readonly index: InvertedIndex;
  private readonly profiles = new Map<number, Profile>();
  private readonly features = new Map<number, ProfileFeatures>();
  private readonly weights: ScoreWeights;
  private readonly featureOptions: FeatureOptions;
  private scratch = { fwd: new Float64Array(0), back: new Float64Array(0), about: new Float64Array(0) };

  constructor(private readonly options: EngineOptions) {
    const type = options.typeWeights ?? DEFAULT_TYPE_WEIGHTS;
    this.weights = options.weights ?? DEFAULT_WEIGHTS;
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

  get(id: number): Profile | undefined {
    return this.profiles.get(id);
  }

  ids(): number[] {
    return [...this.profiles.keys()];
  }

  /** Adds or replaces profiles; a batch recomputes weights once at the end. */
  upsert(profiles: readonly Profile[]): void {
    this.index.batch(() => {
      for (const profile of profiles) {
        const features = extractFeatures(profile, this.options.analyzer, this.options.lexicon, this.featureOptions);
        this.profiles.set(profile.id, profile);
        this.features.set(profile.id, features);
        this.index.upsert(profile.id, {
          offers: features.offers.counts,
          needs: features.needs.counts,
          about: features.about.counts,
        });
      }
    });
  }

  remove(id: number): boolean {
    this.profiles.delete(id);
    this.features.delete(id);
    return this.index.remove(id);
  }

  /**
   * The best partners for one profile, from the inverted index: only profiles that share a feature
   * with its needs, offers or description are ever scored.
   */
  suggest(id: number, opts: SuggestOptions = {}): Suggestion[] {
    const self = this.profiles.get(id);
    const slot = this.index.slot(id);
    if (!self || slot === undefined) return [];
    const accept = opts.accept ?? crossBorder;
    const limit = opts.limit ?? 10;

    const { fwd, back, about } = this.buffers();
    const touched = new Set<number>();
    this.index.accumulate(this.index.vector(slot, 'needs'), 'offers', fwd, touched);
    this.index.accumulate(this.index.vector(slot, 'offers'), 'needs', back, touched);
    this.index.accumulate(this.index.vector(slot, 'about'), 'about', about, touched);

    const ranked: { profileId: number; score: number; signals: PairSignals }[] = [];
    for (const s of touched) {
      const partnerId = this.index.keyAt(s);
      const partner = this.profiles.get(partnerId)!;
      if (partnerId !== id && accept(partner, self)) {
        const signals = this.signals(self, partner, fwd[s]!, back[s]!, about[s]!);
        ranked.push({ profileId: partnerId, score: combineScore(signals, this.weights), signals });
      }
      fwd[s] = 0;
      back[s] = 0;
      about[s] = 0;
    }
    ranked.sort((x, y) => y.score - x.score || x.profileId - y.profileId);
    return ranked.slice(0, limit).map((r) => ({
      ...r,
      score: round(r.score),
      reasons: opts.reasons === false ? [] : this.reasons(id, r.profileId),
    }));
  }

  /** One pair's score and reasons, computed directly (for re-scoring pairs already under review). */
  score(aId: number, bId: number): Suggestion | null {
    const a = this.profiles.get(aId);
    const b = this.profiles.get(bId);
    const sa = this.index.slot(aId);
    const sb = this.index.slot(bId);
    if (!a || !b || sa === undefined || sb === undefined) return null;
    const v = (slot: number, field: Field) => this.index.vector(slot, field);
    const signals = this.signals(a, b, dot(v(sa, 'needs'), v(sb, 'offers')), dot(v(sb, 'needs'), v(sa, 'offers')), dot(v(sa, 'about'), v(sb, 'about')));
    return { profileId: bId, score: round(combineScore(signals, this.weights)), signals, reasons: this.reasons(aId, bId) };
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
    const sa = this.index.slot(aId)!;
    const sb = this.index.slot(bId)!;
    const vectors = (slot: number) => Object.fromEntries(FIELDS.map((f) => [f, this.index.vector(slot, f)])) as Record<Field, ReturnType<InvertedIndex['vector']>>;
    return explainPair({
      a: this.profiles.get(aId)!,
      b: this.profiles.get(bId)!,
      aFeatures: this.features.get(aId)!,
      bFeatures: this.features.get(bId)!,
      vectors: { a: vectors(sa), b: vectors(sb) },
      featureName: (fid) => this.index.featureName(fid),
      lexicon: this.options.lexicon,
    });
  }

  private buffers() {
    if (this.scratch.fwd.length < this.index.capacity) {
      const size = Math.max(this.index.capacity, this.scratch.fwd.length * 2, 1024);
      this.scratch = { fwd: new Float64Array(size), back: new Float64Array(size), about: new Float64Array(size) };
    }
    return this.scratch;
  }
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;
