import { combineScore, DEFAULT_WEIGHTS, withoutAbout, type PairSignals, type ScoreWeights } from './score.ts';

/**
 * Learning the score's weights from matchmakers' decisions. A matchmaker approves or rejects pairs
 * in the review queue; a good set of weights scores the approved pairs above the rejected ones.
 * Everything here is pure: decisions in, weights and figures out. Whether to adopt the fitted
 * weights is decided on decisions the fit has not seen (the latest ones, `splitByTime`), and only
 * when they rank those better than the weights in use (`shouldAdopt`); resetting is using
 * DEFAULT_WEIGHTS again.
 */
export interface Decision {
  signals: PairSignals;
  approved: boolean;
  /** ISO instant of the decision: the split is by time, as the future is what matters. */
  decidedAt: string;
  /** One side has no description (the score then leaves `about` out: score.ts, withoutAbout). */
  aboutMissing?: boolean;
  /**
   * How much the decision counts (default 1): an outcome label weighs by its evidence (an agreement
   * more than a show of interest), a matchmaker's approve or reject 1.
   */
  weight?: number;
}

export function scoreWith(d: Decision, w: ScoreWeights): number {
  return combineScore(d.signals, d.aboutMissing ? withoutAbout(w) : w);
}

/**
 * How well weights rank approved pairs above rejected ones: the share of (approved, rejected)
 * couples in the right order (ties count half), each couple counted by the product of the two
 * decisions' weights, i.e. the (weighted) area under the ROC curve. 0.5 is chance. NaN when there
 * is no couple to compare.
 */
export function pairwiseAccuracy(decisions: readonly Decision[], w: ScoreWeights): number {
  const approved: { s: number; w: number }[] = [];
  const rejected: { s: number; w: number }[] = [];
  for (const d of decisions) {
    const weight = d.weight ?? 1;
    if (weight > 0) (d.approved ? approved : rejected).push({ s: scoreWith(d, w), w: weight });
  }
  if (!approved.length || !rejected.length) return NaN;
  rejected.sort((a, b) => a.s - b.s);
  const scores = rejected.map((r) => r.s);
  // cumulative[i]: the weight of the first i rejected decisions.
  const cumulative = [0];
  for (const r of rejected) cumulative.push(cumulative[cumulative.length - 1]! + r.w);
  let right = 0;
  let approvedWeight = 0;
  for (const a of approved) {
    // Rejected scores below a's, and equal to it (half), by binary search.
    const below = lowerBound(scores, a.s);
    const upTo = upperBound(scores, a.s);
    right += a.w * (cumulative[below]! + (cumulative[upTo]! - cumulative[below]!) / 2);
    approvedWeight += a.w;
  }
  return right / (approvedWeight * cumulative[rejected.length]!);
}

function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The earlier `trainShare` of the decisions (by decision time) to fit on, the later ones to judge. */
export function splitByTime(decisions: readonly Decision[], trainShare = 0.7): { train: Decision[]; test: Decision[] } {
  const sorted = [...decisions].sort((a, b) => a.decidedAt.localeCompare(b.decidedAt));
  const cut = Math.round(sorted.length * trainShare);
  return { train: sorted.slice(0, cut), test: sorted.slice(cut) };
}

export interface FitOptions {
  /** Multipliers tried for each weight, one weight at a time. */
  steps: readonly number[];
  /** Rounds over all weights. */
  rounds: number;
  /**
   * Pull towards the starting weights: a change must gain more than this per unit of log-distance,
   * so a handful of decisions cannot swing the weights far.
   */
  penalty: number;
  /** Fewer decisions than this (or no approved or no rejected one): keep the starting weights. */
  minDecisions: number;
}

export const DEFAULT_FIT_OPTIONS: FitOptions = { steps: [0, 0.25, 0.5, 0.75, 1.5, 2, 4], rounds: 3, penalty: 0.002, minDecisions: 20 };

const FITTED: readonly (keyof ScoreWeights)[] = ['reciprocal', 'oneSided', 'about', 'structure', 'sdgs', 'kinds', 'language'];

/**
 * Coordinate search: each weight in turn is multiplied by each step and kept when the decisions are
 * ranked better (pairwise accuracy, minus the pull towards the start). Deterministic; `structure`
 * stays within 0–1. Returns the start unchanged when there are too few decisions to learn from.
 */
export function fitWeights(decisions: readonly Decision[], start: ScoreWeights = DEFAULT_WEIGHTS, options: FitOptions = DEFAULT_FIT_OPTIONS): ScoreWeights {
  if (tooFew(decisions, options)) return start;
  return coordinateSearch(start, FITTED, (w) => pairwiseAccuracy(decisions, w), options, {
    clamp: (key, value) => (key === 'structure' ? Math.min(1, value) : value),
    allowed: (w) => w.reciprocal + w.oneSided + w.about > 0,
  });
}

function tooFew(decisions: readonly Decision[], options: FitOptions): boolean {
  const approved = decisions.filter((d) => d.approved).length;
  return decisions.length < options.minDecisions || approved === 0 || approved === decisions.length;
}

/**
 * The search both fits share: each key in turn multiplied by each step, a candidate kept when its
 * accuracy minus the pull towards the start (penalty × log-distance) is higher; rounds until
 * nothing improves.
 */
function coordinateSearch<T extends Record<K, number>, K extends string>(
  start: T,
  keys: readonly K[],
  accuracy: (candidate: T) => number,
  options: FitOptions,
  limits: { clamp?: (key: K, value: number) => number; allowed?: (candidate: T) => boolean } = {},
): T {
  const distance = (w: T) => keys.reduce((sum, k) => sum + Math.abs(Math.log((w[k] + 0.05) / (start[k] + 0.05))), 0);
  const objective = (w: T) => accuracy(w) - options.penalty * distance(w);
  let best = { ...start };
  let bestValue = objective(best);
  for (let round = 0; round < options.rounds; round++) {
    let improved = false;
    for (const key of keys) {
      for (const step of options.steps) {
        const value = limits.clamp ? limits.clamp(key, best[key] * step) : best[key] * step;
        if (value === best[key]) continue;
        const candidate = { ...best, [key]: value };
        if (limits.allowed && !limits.allowed(candidate)) continue;
        const v = objective(candidate);
        if (v > bestValue + 1e-9) {
          best = candidate;
          bestValue = v;
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
  return best;
}

export interface FitReport {
  weights: ScoreWeights;
  train: number;
  test: number;
  /** Held-out pairwise accuracy with the starting weights and with the fitted ones. */
  heldOut: { start: number; fitted: number };
  adopt: boolean;
}

/**
 * Fit on the earlier decisions, judge on the later ones: adopt the fitted weights only when they
 * rank the held-out decisions better than the starting weights.
 */
export function fitAndJudge(
  decisions: readonly Decision[],
  start: ScoreWeights = DEFAULT_WEIGHTS,
  trainShare = 0.7,
  options: FitOptions = DEFAULT_FIT_OPTIONS,
): FitReport {
  const { train, test } = splitByTime(decisions, trainShare);
  const weights = fitWeights(train, start, options);
  const heldOut = { start: pairwiseAccuracy(test, start), fitted: pairwiseAccuracy(test, weights) };
  return { weights, train: train.length, test: test.length, heldOut, adopt: shouldAdopt(heldOut) };
}

export function shouldAdopt(heldOut: { start: number; fitted: number }): boolean {
  return Number.isFinite(heldOut.fitted) && Number.isFinite(heldOut.start) && heldOut.fitted > heldOut.start;
}

/** The concept groups whose weights can be fitted (lexicon README: groups). */
export const CONCEPT_GROUPS = ['industry', 'product', 'technology', 'function', 'cooperation', 'sdg', 'theme', 'role', 'place'] as const;

/**
 * Coordinate search over the concept-group weights (how much a shared place, role, industry…
 * concept counts inside the text vectors), like fitWeights: each group's weight in turn is multiplied
 * by each step and kept when the decisions are ranked better, minus the pull towards the start.
 * `signalsUnder(groups)` gives each decision's text signals under those group weights, in the order
 * of `decisions` (engine.textSignalsUnder); a decision without signals is left out. The score's
 * weights stay `weights`. Returns the start when there is too little to learn from.
 */
export function fitGroupWeights(
  decisions: readonly Decision[],
  signalsUnder: (groups: Readonly<Record<string, number>>) => (Pick<PairSignals, 'fwd' | 'back' | 'about'> | null)[],
  start: Readonly<Record<string, number>>,
  weights: ScoreWeights = DEFAULT_WEIGHTS,
  options: FitOptions = DEFAULT_FIT_OPTIONS,
): Record<string, number> {
  const full = Object.fromEntries(CONCEPT_GROUPS.map((g) => [g, start[g] ?? 1])) as Record<string, number>;
  if (tooFew(decisions, options)) return full;
  return coordinateSearch(
    full,
    CONCEPT_GROUPS,
    (groups) => {
      const signals = signalsUnder(groups);
      return pairwiseAccuracy(
        decisions.flatMap((d, i) => (signals[i] ? [{ ...d, signals: { ...d.signals, ...signals[i]! } }] : [])),
        weights,
      );
    },
    options,
  );
}
