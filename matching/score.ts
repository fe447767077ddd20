import { shareLanguage } from './meeting-rules.ts';
import type { OrganizationKind } from './profile.ts';

/**
 * How a pair's signals combine into one score (written down in the README):
 *
 *   text  = reciprocal · H(fwd, back) + oneSided · (fwd + back) / 2 + about · cos(about_A, about_B)
 *   fit   = (sdgs · Jaccard(SDGs) + kinds · kindFit(A, B) + language · [shared meeting language])
 *           / (sdgs + kinds + language)
 *   score = text · (1 − structure + structure · fit)
 *
 * fwd  = cos(needs_A, offers_B): how well B's offers meet A's needs;
 * back = cos(needs_B, offers_A): how well A's offers meet B's needs;
 * H    = harmonic mean, 0 when either side gets nothing, so a two-sided pair outranks a one-sided one.
 * When either side has no description (nor sectors), `about` is left out and its weight shared
 * between the other two (withoutAbout), so a one-line profile is not punished for being short.
 * The structured signals only scale what the texts say: two profiles with nothing in common score 0
 * however well their SDGs, kinds and languages line up.
 */
export interface ScoreWeights {
  reciprocal: number;
  oneSided: number;
  about: number;
  /** Share of the score the structured fit can take away (0: ignored, 1: decides alone). */
  structure: number;
  sdgs: number;
  kinds: number;
  language: number;
}

export const DEFAULT_WEIGHTS: ScoreWeights = {
  reciprocal: 0.6,
  oneSided: 0.3,
  about: 0.1,
  structure: 0.2,
  sdgs: 1,
  kinds: 1,
  language: 1,
};

export interface PairSignals {
  fwd: number;
  back: number;
  about: number;
  sdgs: number;
  kinds: number;
  language: number;
}

export function harmonicMean(a: number, b: number): number {
  return a > 0 && b > 0 ? (2 * a * b) / (a + b) : 0;
}

/** The text part of a pair's score, from its three text signals (numbers, so that loops over candidates make no object). */
export function textScore(fwd: number, back: number, about: number, w: ScoreWeights = DEFAULT_WEIGHTS): number {
  return w.reciprocal * harmonicMean(fwd, back) + w.oneSided * ((fwd + back) / 2) + w.about * about;
}

/**
 * The weights for a pair where one side has no description (a one-line profile: a name, an offer,
 * a need): `about` cannot be compared, so its share goes to the offers and needs in proportion,
 * and the profile is not ranked below a described one for what it did not write.
 */
/** How much a pair with a one-line profile is scaled: its `about` is 0, so this equals withoutAbout. */
export function shortPairScale(w: ScoreWeights): number {
  const rest = w.reciprocal + w.oneSided;
  return rest > 0 ? (rest + w.about) / rest : 1;
}

export function withoutAbout(w: ScoreWeights): ScoreWeights {
  const rest = w.reciprocal + w.oneSided;
  if (rest <= 0 || w.about === 0) return w;
  const scale = (rest + w.about) / rest;
  return { ...w, reciprocal: w.reciprocal * scale, oneSided: w.oneSided * scale, about: 0 };
}

export function combineScore(s: PairSignals, w: ScoreWeights = DEFAULT_WEIGHTS): number {
  return pairScore(s.fwd, s.back, s.about, s.sdgs, s.kinds, s.language, w);
}

/**
 * combineScore from the signals one by one, for loops that build no object per candidate: the text
 * score scaled by the structured fit (SDGs, kinds, a shared language), which only lowers it.
 */
export function pairScore(fwd: number, back: number, about: number, sdgs: number, kinds: number, language: number, w: ScoreWeights): number {
  const text = textScore(fwd, back, about, w);
  const total = w.sdgs + w.kinds + w.language;
  const fit = total > 0 ? (w.sdgs * sdgs + w.kinds * kinds + w.language * language) / total : 0;
  return text * (1 - w.structure + w.structure * fit);
}

/** Shared items over all items; the lists are short (SDG numbers), so no set is built. */
export function jaccard(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let shared = 0;
  for (const x of b) if (a.includes(x)) shared++;
  return shared / (a.length + b.length - shared);
}

/**
 * How naturally two kinds of organisation work together, 0–1. Startups and companies trade and
 * invest; education pairs with education (exchanges) and with companies (internships, hiring).
 */
const KIND_FIT: Record<OrganizationKind, Record<OrganizationKind, number>> = {
  company: { company: 1, startup: 1, ngo: 0.5, education: 0.75 },
  startup: { company: 1, startup: 0.75, ngo: 0.5, education: 0.75 },
  ngo: { company: 0.5, startup: 0.5, ngo: 1, education: 0.75 },
  education: { company: 0.75, startup: 0.75, ngo: 0.75, education: 1 },
};

export function kindFit(a: OrganizationKind, b: OrganizationKind): number {
  return KIND_FIT[a]?.[b] ?? 0.5;
}

/** 1 when the two can talk without an interpreter (the meeting rule of meeting-rules.ts), else 0. */
export function sharesLanguage(a: readonly string[], b: readonly string[]): number {
  return shareLanguage(a, b) ? 1 : 0;
}

/** A score in words, for people who should not have to read 0.0521: strong / good / weak. */
export type Strength = 'strong' | 'good' | 'weak';

/**
 * Where the words change. Set from `npm run eval` on the labelled sets: about half of the labelled
 * pairs in the clean sets score 0.10 or more, and only 1–2 % of the other pairs in a top ten do;
 * 0.04 is about the 90th percentile of those other pairs and below the typical labelled pair of
 * the terse set C (median 0.05).
 */
export const STRENGTH_THRESHOLDS = { strong: 0.1, good: 0.04 } as const;

export function strengthOf(score: number, thresholds: { strong: number; good: number } = STRENGTH_THRESHOLDS): Strength {
  return score >= thresholds.strong ? 'strong' : score >= thresholds.good ? 'good' : 'weak';
}
