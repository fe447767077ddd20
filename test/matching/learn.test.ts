import { describe, expect, it } from 'vitest';
import { CONCEPT_GROUPS, fitAndJudge, fitGroupWeights, fitWeights, pairwiseAccuracy, shouldAdopt, splitByTime, type Decision } from '../../matching/learn.ts';
import { DEFAULT_WEIGHTS } from '../../matching/score.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 9, minute)).toISOString();

/** Matchmakers who approve the pairs that share SDGs, even when the texts say a little less. */
function decisions(count: number): Decision[] {
  return Array.from({ length: count }, (_, i) => {
    const approved = i % 3 === 0;
    const text = approved ? 0.2 : 0.22 + (i % 5) * 0.01;
    return { approved, decidedAt: at(count - i), signals: { fwd: text, back: text, about: 0.1, sdgs: approved ? 1 : 0, kinds: 1, language: 0 } };
  });
}

describe('learning the weights from decisions', () => {
  it('measures how often an approved pair is scored above a rejected one', () => {
    expect(pairwiseAccuracy(decisions(30), DEFAULT_WEIGHTS)).toBeLessThan(0.5);
    expect(pairwiseAccuracy([], DEFAULT_WEIGHTS)).toBeNaN();
  });

  it('counts each (approved, rejected) couple by the product of their weights', () => {
    const signals = (text: number) => ({ fwd: text, back: text, about: 0, sdgs: 0, kinds: 1, language: 1 });
    const list: Decision[] = [
      { approved: true, decidedAt: at(1), signals: signals(0.5) },
      { approved: false, decidedAt: at(2), signals: signals(0.3) },
      // Wrongly ranked above the approved pair, but it weighs a quarter of the other.
      { approved: false, decidedAt: at(3), signals: signals(0.7), weight: 0.25 },
    ];
    expect(pairwiseAccuracy(list, DEFAULT_WEIGHTS)).toBeCloseTo(1 / 1.25, 10);
    expect(
      pairwiseAccuracy(
        list.map((d) => ({ ...d, weight: 1 })),
        DEFAULT_WEIGHTS,
      ),
    ).toBeCloseTo(0.5, 10);
    // A tie counts half; a decision of weight 0 does not count.
    expect(pairwiseAccuracy([list[0]!, { ...list[1]!, signals: signals(0.5) }], DEFAULT_WEIGHTS)).toBe(0.5);
    expect(pairwiseAccuracy([list[0]!, list[1]!, { ...list[2]!, weight: 0 }], DEFAULT_WEIGHTS)).toBe(1);
  });

  it('splits by decision time: the earlier decisions to fit, the later ones to judge', () => {
    const { train, test } = splitByTime(decisions(10), 0.7);
    expect(train).toHaveLength(7);
    expect(train.every((d) => test.every((e) => d.decidedAt <= e.decidedAt))).toBe(true);
  });

  it('fits weights that rank the held-out decisions better, and says to adopt them', () => {
    const report = fitAndJudge(decisions(90));
    // The structured fit (where the SDGs are) gets a larger share of the score.
    expect(report.weights.structure).toBeGreaterThan(DEFAULT_WEIGHTS.structure);
    expect(report.heldOut).toEqual({ start: 0, fitted: 1 });
    expect(report.adopt).toBe(true);
  });

  it('keeps the weights in use when there is too little to learn from, and never adopts what is not better', () => {
    expect(fitWeights(decisions(5))).toEqual(DEFAULT_WEIGHTS);
    expect(fitWeights(decisions(30).map((d) => ({ ...d, approved: true })))).toEqual(DEFAULT_WEIGHTS);
    expect(shouldAdopt({ start: 0.8, fitted: 0.8 })).toBe(false);
    expect(shouldAdopt({ start: 0.8, fitted: NaN })).toBe(false);
  });

  it('fits the concept-group weights when the decisions follow a group, and keeps them with too little to learn from', () => {
    const list = decisions(60);
    // Approved pairs share only a place concept: their text signals grow with the place weight.
    const under = (groups: Readonly<Record<string, number>>) =>
      list.map((d) => (d.approved ? { fwd: 0.1 * groups.place!, back: 0.1 * groups.place!, about: 0 } : { fwd: 0.06, back: 0.06, about: 0 }));
    const start = { place: 0.2, role: 0.5 };
    const fitted = fitGroupWeights(list, under, start);
    expect(Object.keys(fitted).sort()).toEqual([...CONCEPT_GROUPS].sort());
    expect(fitted.place).toBeGreaterThan(0.6);
    expect(fitted.role).toBe(0.5);
    expect(fitted.industry).toBe(1);
    expect(fitGroupWeights(list.slice(0, 5), under, start)).toEqual({ ...Object.fromEntries(CONCEPT_GROUPS.map((g) => [g, 1])), ...start });
  });
});
