/**
 * Proof of quality: the session solved exactly by HiGHS (an open-source MILP solver, compiled to
 * WebAssembly, run in-process) on the model of lp.ts, within a time budget.
 *
 * 1. The heuristic (scheduler.ts) runs first; its plan is the answer whenever the solver finds
 *    nothing better in time, and it is handed to the solver as a starting solution.
 * 2. HiGHS solves the first model (pins, then organisations met, then score). Its proven bound
 *    says how far any plan could go: the result carries "within X% of the best possible".
 * 3. When that was proved optimal with time to spare, a second model minimises breaks with the
 *    first objective kept at its optimum; otherwise the compacting pass (passes/compact.ts) orders
 *    the chosen meetings in time, as in the heuristic.
 *
 * The solver's time limit is wall-clock time, so unlike the heuristic this path may give another
 * (equally good or better) plan on a slower machine; the quality report says which path answered.
 */
import highsImport from 'highs';
import { buildLp, type LpModel } from './lp.ts';
import { Plan } from './plan.ts';
import { buildProblem } from './problem.ts';
import { DEFAULT_SCHEDULER_OPTIONS, planResult, scheduleMeetings, type SchedulerOptions } from './scheduler.ts';
import { compactPass } from './passes/compact.ts';
import type { ScheduleInput, ScheduleResult } from './types.ts';

export interface ExactOptions extends SchedulerOptions {
  /** Wall-clock seconds HiGHS may spend in all (both models), after the heuristic. Default 2. */
  timeLimitSeconds?: number;
  /** HiGHS stops once its plan is proved within this share of the bound. Default 1e-4. */
  mipRelGap?: number;
  /** Models with more meeting variables than this are left to the heuristic alone. Default 60,000. */
  maxVariables?: number;
  /**
   * The breaks model is tried only up to this many meeting variables (default 3,000): beyond, HiGHS
   * seldom finishes it in seconds (on the UdG forums, 150–300 meetings over 20 slots, it did not in
   * 2 s), and the compacting pass does better with the time.
   */
  maxBreaksVariables?: number;
}

export const DEFAULT_EXACT_OPTIONS = { timeLimitSeconds: 2, mipRelGap: 1e-4, maxVariables: 60_000, maxBreaksVariables: 3_000 };

export interface ScheduleQuality {
  /** Which path gave the plan: the solver's, or the heuristic's when the solver did not beat it. */
  method: 'exact' | 'heuristic';
  /** The solver proved that no plan does better (pins, organisations met, score). */
  optimal: boolean;
  /** Whether breaks were minimised exactly too (second model), rather than by the compacting pass. */
  breaksOptimal: boolean;
  /** The plan's value in the model's terms (pins, then organisations met, then score, weighted). */
  objective: number;
  /** The best value any plan could have, as far as the solver proved; null when it did not run. */
  bound: number | null;
  /** (bound − objective) / bound: 0 when proved optimal; null without a bound. */
  gap: number | null;
  /** For people: "optimal", "within 0.4% of the best possible", or why there is no figure. */
  summary: string;
  seconds: number;
}

export type QualifiedResult = ScheduleResult & { quality: ScheduleQuality };

// highs types its ESM build as CommonJS: TypeScript sees the loader one `.default` deeper than
// Node's ESM import gives it. Take whichever is the function.
type Loader = typeof highsImport.default;
const highsLoader: Loader = (highsImport as unknown as { default?: Loader }).default ?? (highsImport as unknown as Loader);
type Highs = Awaited<ReturnType<typeof highsLoader>>;
let solver: Promise<Highs> | undefined;
/** One WebAssembly instance per process: loading it costs ~0.1 s; each solve gets a fresh model. */
const loadSolver = () => (solver ??= highsLoader());

const MODEL_OPTIMAL = 7;

interface Solved {
  status: number;
  objective: number;
  bound: number | null;
  /** Meeting variables at 1: [pair index, combo, slot]. */
  chosen: [number, number, number][];
  seconds: number;
}

function solve(highs: Highs, model: LpModel, seconds: number, gap: number, start?: readonly string[]): Solved {
  const t0 = performance.now();
  return highs.withModel({ format: 'lp', data: model.text }, (m) => {
    m.options.set({ time_limit: Math.max(0.05, seconds), mip_rel_gap: gap, output_flag: false });
    if (start && start.length > 0) {
      const indices = start.map((name) => m.getColByName(name));
      m.setSolution({ indices, values: indices.map(() => 1) });
    }
    m.run();
    const status = m.getModelStatus();
    const values = m.getSolution().colValue;
    const chosen: [number, number, number][] = [];
    values.forEach((v, j) => {
      if (v < 0.5) return;
      const match = /^x(\d+)_(\d+)_(\d+)$/.exec(m.getColName(j));
      if (match) chosen.push([Number(match[1]), Number(match[2]), Number(match[3])]);
    });
    let bound: number | null = Number(m.info.get('mip_dual_bound'));
    if (!Number.isFinite(bound)) bound = null;
    return { status, objective: m.getObjectiveValue(), bound, chosen, seconds: (performance.now() - t0) / 1000 };
  });
}

/**
 * The heuristic's plan, then the solver's within the time budget when it does better: see the
 * header. Async only because the solver's WebAssembly loads asynchronously.
 */
export async function planSchedule(input: ScheduleInput, options: ExactOptions = {}): Promise<QualifiedResult> {
  const opts = { ...DEFAULT_SCHEDULER_OPTIONS, ...DEFAULT_EXACT_OPTIONS, ...options };
  const t0 = performance.now();
  const heuristic = scheduleMeetings(input, options);
  const model = buildLp(input, { fairness: true });
  const pr = buildProblem(input);
  const value = objectiveOf(pr, model, heuristic);
  const report = (quality: Omit<ScheduleQuality, 'seconds'>) => ({ ...quality, seconds: (performance.now() - t0) / 1000 });
  if (model.columns.size > opts.maxVariables) {
    return {
      ...heuristic,
      quality: report({
        method: 'heuristic',
        optimal: false,
        breaksOptimal: false,
        objective: value,
        bound: null,
        gap: null,
        summary: `not checked: ${model.columns.size} possible meetings is more than the solver takes (${opts.maxVariables})`,
      }),
    };
  }

  const highs = await loadSolver();
  const solverStart = performance.now();
  const left = () => opts.timeLimitSeconds - (performance.now() - solverStart) / 1000;
  // Every pair the rules allow is placed: no plan does better on goals 0–2, no need to ask.
  const everyPair = heuristic.unplaced.every((u) => u.reason === 'vetoed' || u.reason === 'met-before');
  const start = startingSolution(pr, model, heuristic);
  const first: Solved = everyPair
    ? { status: MODEL_OPTIMAL, objective: value, bound: value, chosen: [], seconds: 0 }
    : solve(highs, model, left(), opts.mipRelGap, start);
  const optimal = first.status === MODEL_OPTIMAL;
  const bound = first.bound ?? (optimal ? first.objective : null);
  const better = first.chosen.length > 0 && first.objective > value + 1e-6;
  const gapOf = (v: number) => (bound === null ? null : bound <= 0 ? 0 : Math.max(0, (bound - v) / bound));
  const summary = (v: number) => {
    const g = gapOf(v);
    if (g === null) return 'no bound: the solver ran out of time before it had one';
    if (g < 1e-9) return 'optimal';
    return `within ${(100 * g).toFixed(g < 0.001 ? 3 : 2)}% of the best possible`;
  };
  if (!better && !(optimal && left() > 0.1)) {
    return {
      ...heuristic,
      quality: report({
        method: 'heuristic',
        optimal: gapOf(value) === 0,
        breaksOptimal: false,
        objective: value,
        bound,
        gap: gapOf(value),
        summary: summary(value),
      }),
    };
  }

  // The solver's choice of meetings (or the heuristic's, when as good), then breaks.
  const chosen = better ? first.chosen : chosenOf(pr, heuristic);
  const objective = better ? first.objective : value;
  let plan = planOf(pr, chosen);
  let breaksOptimal = false;
  if (optimal && left() > 0.1 && model.columns.size <= opts.maxBreaksVariables) {
    const keep = objective - 1e-6 * Math.max(1, Math.abs(objective));
    const second = solve(
      highs,
      buildLp(input, { fairness: true, breaks: { keepObjective: keep } }),
      left(),
      0,
      chosen.map(([p, c, s]) => `x${p}_${c}_${s}`),
    );
    if (second.chosen.length > 0 && second.status === MODEL_OPTIMAL) {
      plan = planOf(pr, second.chosen);
      breaksOptimal = true;
    }
  }
  // The heuristic's own plan is compacted already.
  if (!breaksOptimal && better) compactPass(plan, opts);
  const result = planResult(input, pr, plan);
  return {
    ...result,
    quality: report({ method: better ? 'exact' : 'heuristic', optimal, breaksOptimal, objective, bound, gap: gapOf(objective), summary: summary(objective) }),
  };
}

/** A plan holding exactly the given meetings. */
function planOf(pr: ReturnType<typeof buildProblem>, chosen: readonly [number, number, number][]): Plan {
  const plan = new Plan(pr);
  for (const [p, c, s] of chosen) plan.place(p, c, s);
  plan.forget();
  return plan;
}

/** The heuristic's placements as [pair, combo, slot] of the problem. */
function chosenOf(pr: ReturnType<typeof buildProblem>, result: ScheduleResult): [number, number, number][] {
  const pairIndex = new Map(pr.pairs.map((p, i) => [p.key, i]));
  const slotIndex = new Map(pr.slotIds.map((id, s) => [id, s]));
  const attIndex = new Map(pr.attendees.map((a, i) => [a.id, i]));
  return result.placements.map((m) => {
    const p = pairIndex.get(m.pairKey)!;
    const [a, b] = m.attendeeIds.map((id) => attIndex.get(id)!);
    const c = pr.pairs[p]!.combos.findIndex((combo) => combo.a === a && combo.b === b);
    return [p, c, slotIndex.get(m.slotId)!];
  });
}

/** The heuristic's plan as the model's variables at 1: meetings and covered organisations. */
function startingSolution(pr: ReturnType<typeof buildProblem>, model: LpModel, result: ScheduleResult): string[] {
  const chosen = chosenOf(pr, result);
  const covered = new Set(chosen.flatMap(([p]) => [pr.pairs[p]!.orgA, pr.pairs[p]!.orgB]));
  return [...chosen.map(([p, c, s]) => `x${p}_${c}_${s}`), ...model.coverageOrgs.filter((o) => covered.has(o)).map((o) => `cov${o}`)];
}

/** A plan's value in the model's terms: pins, organisations met (without fixed meetings), score. */
function objectiveOf(pr: ReturnType<typeof buildProblem>, model: LpModel, result: ScheduleResult): number {
  const chosen = chosenOf(pr, result);
  const covered = new Set(chosen.flatMap(([p]) => [pr.pairs[p]!.orgA, pr.pairs[p]!.orgB]));
  let value = 0;
  for (const [p] of chosen) value += pr.pairs[p]!.score + (pr.pairs[p]!.pinned ? model.pinWeight : 0);
  return value + model.coverageWeight * model.coverageOrgs.filter((o) => covered.has(o)).length;
}
