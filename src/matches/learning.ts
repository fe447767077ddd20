import { DEFAULT_FIT_OPTIONS, fitAndJudge, pairwiseAccuracy, type Decision } from '../../matching/learn.ts';
import { DEFAULT_WEIGHTS, type PairSignals, type ScoreWeights } from '../../matching/score.ts';
import type { MatchingWeightsRow } from '../db/schema.ts';
import { conflict, invalid, notFound } from '../domain/errors.ts';
import type { OutcomeLabel } from '../outcomes/reports.ts';
import type { MatchesRepository } from './repository.ts';
import type { MatchingService } from './service.ts';
import type { WeightsRepository } from './weights-repository.ts';

/**
 * Learning the score's weights from what people decided (matching/learn.ts does the fitting, pure):
 * matchmakers' approve / reject in the review queue, and what meetings led to (outcome labels,
 * issue 16: an agreement is a strong "right pair", a meeting with no interest a "wrong pair"). The
 * decisions are split by time: fitted on the earlier ones, judged on the later ones against the
 * weights in use. A fit is stored with those figures; a matchmaker adopts it only when it ranked the
 * held-out decisions better, and can go back to the defaults at any time. Adopting or resetting
 * re-ranks every pair with the new weights (decisions and notes are kept: a re-rank writes scores).
 */
export interface LearningDeps {
  weights: WeightsRepository;
  matches: Pick<MatchesRepository, 'decidedOutside'>;
  matching: Pick<MatchingService, 'weights' | 'useWeights' | 'pairSignals'>;
  /** Outcome labels per pair (reports.labels()). */
  labels: () => OutcomeLabel[];
  now: () => Date;
}

export interface GatheredDecisions {
  decisions: Decision[];
  fromReview: number;
  fromOutcomes: number;
}

/** The fits shown with the state. */
const RECENT = 10;

const SIGNALS: (keyof PairSignals)[] = ['fwd', 'back', 'about', 'sdgs', 'kinds', 'language'];

function storedSignals(raw: Record<string, number>): PairSignals {
  return Object.fromEntries(SIGNALS.map((k) => [k, typeof raw[k] === 'number' ? raw[k] : 0])) as unknown as PairSignals;
}

const same = (a: ScoreWeights, b: ScoreWeights) => (Object.keys(DEFAULT_WEIGHTS) as (keyof ScoreWeights)[]).every((k) => Math.abs(a[k] - b[k]) < 1e-12);

const finite = (x: number) => (Number.isFinite(x) ? x : null);

export function createLearning(d: LearningDeps) {
  /**
   * One decision per pair: the matchmaker's (at its decision time), replaced by what the meeting
   * led to when there is an outcome label (at the meeting's time), which is the stronger evidence.
   * Signals are the pair's as the engine reads it now (the weights will score today's signals);
   * a pair the index does not hold keeps the signals stored with it.
   */
  function gather(): GatheredDecisions {
    const byPair = new Map<
      string,
      { a: number; b: number; approved: boolean; at: string; weight: number; stored?: Record<string, number>; outcome: boolean }
    >();
    for (const row of d.matches.decidedOutside(new Set())) {
      if (!row.decidedAt || row.status === 'pending') continue;
      byPair.set(`${row.orgAId}:${row.orgBId}`, {
        a: row.orgAId,
        b: row.orgBId,
        approved: row.status === 'approved',
        at: row.decidedAt,
        weight: 1,
        stored: row.signals,
        outcome: false,
      });
    }
    for (const label of d.labels()) {
      if (!label.at || label.weight === 0) continue;
      const key = `${label.orgAId}:${label.orgBId}`;
      const before = byPair.get(key);
      byPair.set(key, {
        a: label.orgAId,
        b: label.orgBId,
        approved: label.weight > 0,
        at: label.at,
        weight: Math.abs(label.weight),
        stored: before?.stored,
        outcome: true,
      });
    }
    const decisions: Decision[] = [];
    let fromReview = 0;
    let fromOutcomes = 0;
    for (const p of byPair.values()) {
      const now = d.matching.pairSignals(p.a, p.b);
      if (!now && !p.stored) continue;
      decisions.push({
        signals: now?.signals ?? storedSignals(p.stored!),
        aboutMissing: now?.aboutMissing ?? false,
        approved: p.approved,
        decidedAt: p.at,
        weight: p.weight,
      });
      if (p.outcome) fromOutcomes++;
      else fromReview++;
    }
    return { decisions, fromReview, fromOutcomes };
  }

  function inUse() {
    const row = d.weights.inUse();
    return {
      source: row ? ('fitted' as const) : ('defaults' as const),
      fitId: row?.id ?? null,
      adoptedAt: row?.adoptedAt ?? null,
      weights: d.matching.weights,
    };
  }

  function view(row: MatchingWeightsRow) {
    const current = d.matching.weights;
    return {
      ...row,
      inUse: !!row.adoptedAt && !row.retiredAt,
      /** Judged against the weights in use now (else it must be fitted again to be adopted). */
      current: same(row.startWeights, current),
    };
  }

  return {
    gather,

    /** What the engine scores with, the defaults, the decisions there are, and the latest fits. */
    state() {
      const { fromReview, fromOutcomes } = gather();
      return {
        inUse: inUse(),
        defaults: DEFAULT_WEIGHTS,
        decisions: { review: fromReview, outcomes: fromOutcomes, needed: DEFAULT_FIT_OPTIONS.minDecisions },
        fits: d.weights.recent(RECENT).map(view),
      };
    },

    /** Fits on the decisions there are now, judges on the latest 30 %, stores the result. */
    fit(by: string) {
      const { decisions, fromReview, fromOutcomes } = gather();
      const approved = decisions.filter((x) => x.approved).length;
      const needed = DEFAULT_FIT_OPTIONS.minDecisions;
      if (decisions.length < needed || approved === 0 || approved === decisions.length) {
        throw invalid(
          `Too few decisions to learn from: ${decisions.length} (${approved} approved); at least ${needed}, some approved and some rejected, are needed`,
          [],
          'too-few-decisions',
          { decisions: decisions.length, approved, needed },
        );
      }
      const start = d.matching.weights;
      const report = fitAndJudge(decisions, start);
      const ordered = [...decisions].sort((a, b) => a.decidedAt.localeCompare(b.decidedAt));
      const test = ordered.slice(report.train);
      const row = d.weights.insert({
        weights: { ...report.weights },
        startWeights: { ...start },
        groups: null,
        fromReview,
        fromOutcomes,
        train: report.train,
        test: report.test,
        splitAt: test[0]?.decidedAt ?? null,
        heldOutStart: finite(report.heldOut.start),
        heldOutFitted: finite(report.heldOut.fitted),
        heldOutDefaults: finite(pairwiseAccuracy(test, DEFAULT_WEIGHTS)),
        better: report.adopt,
        fittedAt: d.now().toISOString(),
        fittedBy: by,
      });
      return view(row);
    },

    /**
     * Puts a fit in use and re-ranks every pair with it: only a fit that ranked the held-out
     * decisions better than the weights in use when it was made, and those are still in use.
     */
    async adopt(id: number, by: string) {
      const row = d.weights.get(id) ?? notFound(`Fit ${id}`).throw();
      // Already in use: nothing to do.
      if (row.adoptedAt && !row.retiredAt) return this.state();
      if (!row.better) {
        throw conflict(
          `Fit ${id} did not rank the held-out decisions better than the weights in use (${row.heldOutFitted ?? '–'} vs ${row.heldOutStart ?? '–'}): it is not adopted`,
          undefined,
          'fit-not-better',
          { id, fitted: row.heldOutFitted ?? '–', start: row.heldOutStart ?? '–' },
        );
      }
      if (!view(row).current) {
        throw conflict(`Fit ${id} was judged against weights that are no longer in use: fit again`, undefined, 'fit-outdated', { id });
      }
      d.weights.adopt(id, by, d.now().toISOString());
      await d.matching.useWeights(row.weights);
      return this.state();
    },

    /** Back to the default weights; every pair is re-ranked with them. */
    async reset(by: string) {
      d.weights.reset(by, d.now().toISOString());
      await d.matching.useWeights(DEFAULT_WEIGHTS);
      return this.state();
    },
  };
}

export type Learning = ReturnType<typeof createLearning>;
