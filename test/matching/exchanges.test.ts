import { describe, expect, it } from 'vitest';
import { exchangePass } from '../../matching/schedule/passes/exchanges.ts';
import { greedyPass } from '../../matching/schedule/passes/fairness.ts';
import { byScore, pairClasses } from '../../matching/schedule/passes/insert.ts';
import { Plan } from '../../matching/schedule/plan.ts';
import { buildProblem } from '../../matching/schedule/problem.ts';
import { DEFAULT_SCHEDULER_OPTIONS, planResult } from '../../matching/schedule/scheduler.ts';
import type { ScheduleInput } from '../../matching/schedule/types.ts';
import { checkPlan, jaMn, pair, person, randomSession, session, slots } from './schedule-fixtures.ts';

/** A plan holding exactly the given pairs (by key), each in its cheapest option, in that order. */
function planWith(input: ScheduleInput, keys: string[]) {
  const pr = buildProblem(input);
  const plan = new Plan(pr);
  for (const key of keys) {
    const p = pr.pairs.findIndex((pair) => pair.key === key);
    greedyPass(plan, [p]);
    expect(plan.isPlaced(p), key).toBe(true);
  }
  plan.forget();
  return { pr, plan };
}

const placedKeys = (plan: Plan) =>
  plan.pr.pairs
    .filter((_, p) => plan.isPlaced(p))
    .map((pair) => pair.key)
    .sort();

describe('exchanges along alternating cycles', () => {
  it('swaps every partner around a cycle of eight organisations, each of which takes one meeting', () => {
    // Japanese 1, 3, 5, 7 and Mongolian 2, 4, 6, 8, one meeting each. The plan holds the four weak
    // pairs; the four strong ones need every organisation to change partner at once.
    const input = session({
      tables: [1, 2, 3, 4].map((id) => ({ id })),
      attendees: [1, 2, 3, 4, 5, 6, 7, 8].map((o) => person(o, o, ['en'], { maxMeetings: 1 })),
      pairs: [pair(1, 2, 0.5), pair(3, 4, 0.5), pair(5, 6, 0.5), pair(7, 8, 0.5), pair(3, 2, 0.9), pair(5, 4, 0.9), pair(7, 6, 0.9), pair(1, 8, 0.9)],
    });
    const { pr, plan } = planWith(input, ['1-2', '3-4', '5-6', '7-8']);
    exchangePass(plan, pairClasses(pr), DEFAULT_SCHEDULER_OPTIONS);
    expect(placedKeys(plan)).toEqual(['1-8', '3-2', '5-4', '7-6']);
    expect(plan.coverage).toBe(8);
    expect(plan.score).toBeCloseTo(3.6, 9);
    expect(checkPlan(input, planResult(input, pr, plan))).toEqual([]);
  });

  it('trades an interpreted meeting for a better one when the only interpreter is taken, and never takes an organisation’s only meeting', () => {
    // One ja–mn interpreter, in slot 1 only. 1–2 holds it; 3–2 scores more and needs it too. 1 has
    // another meeting (1–4, in English), so it may give 1–2 up, and 3 is met for the first time.
    const input = session({
      tables: [1, 2, 3].map((id) => ({ id })),
      interpreters: [jaMn(9, [1])],
      attendees: [person(1, 1, ['ja', 'en']), person(2, 2, ['mn']), person(3, 3, ['ja']), person(4, 4, ['mn', 'en']), person(5, 5, ['ja', 'en'])],
      pairs: [pair(1, 2, 0.3), pair(1, 4, 0.6), pair(3, 2, 0.8), pair(5, 4, 0.2)],
      slots: slots(2),
    });
    const { pr, plan } = planWith(input, ['1-2', '1-4']);
    const coverage = plan.coverage;
    exchangePass(plan, pairClasses(pr), DEFAULT_SCHEDULER_OPTIONS);
    expect(placedKeys(plan)).toContain('3-2');
    expect(placedKeys(plan)).not.toContain('1-2');
    expect(plan.coverage).toBeGreaterThan(coverage);
    expect(checkPlan(input, planResult(input, pr, plan))).toEqual([]);
  });

  it('never takes a pinned meeting out, even for a better cycle', () => {
    // Swapping partners (1–4 and 3–2) would score 1.8 against 0.2, but 1–2 is pinned.
    const input = session({
      tables: [1, 2].map((id) => ({ id })),
      attendees: [1, 2, 3, 4].map((o) => person(o, o, ['en'], { maxMeetings: 1 })),
      pairs: [{ ...pair(1, 2, 0.1), pinned: true }, pair(3, 4, 0.1), pair(1, 4, 0.9), pair(3, 2, 0.9)],
    });
    const { pr, plan } = planWith(input, ['1-2', '3-4']);
    exchangePass(plan, pairClasses(pr), DEFAULT_SCHEDULER_OPTIONS);
    expect(placedKeys(plan)).toEqual(['1-2', '3-4']);
  });

  it('keeps every rule with pairs that cannot be two-coloured (a triangle of organisations)', () => {
    const input = session({
      tables: [1, 2, 3].map((id) => ({ id })),
      slots: slots(3),
      attendees: [1, 2, 3, 4].map((o) => person(o, o, ['en'], { maxMeetings: 2, available: [1, 2, 3] })),
      pairs: [pair(1, 2, 0.1), pair(2, 3, 0.9), pair(1, 3, 0.8), pair(3, 4, 0.5), pair(1, 4, 0.7)],
    });
    const { pr, plan } = planWith(input, ['1-2', '3-4']);
    exchangePass(plan, pairClasses(pr), DEFAULT_SCHEDULER_OPTIONS);
    expect(plan.score).toBeGreaterThan(0.6);
    expect(checkPlan(input, planResult(input, pr, plan))).toEqual([]);
  });

  it('never lowers the score or coverage and keeps every rule, on random sessions from a greedy plan', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const input = randomSession(seed);
      const pr = buildProblem(input);
      const plan = new Plan(pr);
      greedyPass(plan, pr.pairs.map((_, p) => p).sort(byScore(pr)));
      plan.forget();
      const [score, coverage] = [plan.score, plan.coverage];
      exchangePass(plan, pairClasses(pr), DEFAULT_SCHEDULER_OPTIONS);
      expect(plan.score, `seed ${seed}`).toBeGreaterThanOrEqual(score - 1e-9);
      expect(plan.coverage, `seed ${seed}`).toBeGreaterThanOrEqual(coverage);
      expect(checkPlan(input, planResult(input, pr, plan)), `seed ${seed}`).toEqual([]);
    }
  });

  it('spends nothing with a budget of 0', () => {
    const input = randomSession(3);
    const pr = buildProblem(input);
    const plan = new Plan(pr);
    greedyPass(plan, pr.pairs.map((_, p) => p).sort(byScore(pr)));
    const before = placedKeys(plan);
    exchangePass(plan, pairClasses(pr), { ...DEFAULT_SCHEDULER_OPTIONS, exchangeBudget: 0 });
    expect(placedKeys(plan)).toEqual(before);
  });
});
