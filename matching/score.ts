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

export function textScore(s: Pick<PairSignals, 'fwd' | 'back' | 'about'>, w: ScoreWeights = DEFAULT_WEIGHTS): number {
  return w.reciprocal * harmonicMean(s.fwd, s.back) + w.oneSided * ((s.fwd + s.back) / 2) + w.about * s.about;
}

export function structuredFit(s: PairSignals, w: ScoreWeights = DEFAULT_WEIGHTS): number {
  const total = w.sdgs + w.kinds + w.language;
  return total > 0 ? (w.sdgs * s.sdgs + w.kinds * s.kinds + w.language * s.language) / total : 0;
}

export function combineScore(s: PairSignals, w: ScoreWeights = DEFAULT_WEIGHTS): number {
  return textScore(s, w) * (1 - w.structure + w.structure * structuredFit(s, w));
}

export function jaccard(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const set = new Set(a);
  const shared = b.filter((x) => set.has(x)).length;
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
