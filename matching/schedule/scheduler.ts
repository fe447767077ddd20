/**
 * The automatic meeting scheduler: accepted pairs of organisations → meetings in slots, at tables,
 * with interpreters. Pure: plain data in, plain data out; no clock, no environment, and its only
 * randomness comes from a seeded generator, so the same input always gives the same plan.
 *
 * The problem is a weighted packing with a fairness goal: each pair takes at most one option
 * (attendee of A, attendee of B, slot), and options compete for attendees (one meeting per slot,
 * `maxMeetings` in all), tables and interpreters (per slot). The goal is lexicographic:
 *   0. every pin ("these two must meet") that can be placed;
 *   1. as many organisations with at least one meeting as possible;
 *   2. the highest total pair score;
 *   3. the fewest breaks (idle gaps between two meetings of one attendee on one day, breaks.ts),
 *      then the fewest on the worst attendee-day (the spread max − min, min being 0 for almost
 *      everyone), then the fewest idle minutes.
 * Goals 0–2 decide which pairs meet; goal 3 only when, so a later goal never costs an earlier one.
 *
 * Rules obeyed on the way (types.ts): availability and unavailable slots per attendee, a part of
 * the day per pair (morning / afternoon by the session's own hours, days.ts), booked meetings kept
 * as they are, vetoed organisations never together, organisations that met at an earlier session
 * not proposed again unless one side asked; the meeting rules (languages, interpreters, online)
 * are matching/meeting-rules.ts.
 *
 * State. Tables in a slot are interchangeable, so the plan only counts them and numbers them at the
 * end. Interpreters are not (a ja–en interpreter cannot take a ja–mn meeting), so each slot keeps a
 * bipartite matching of its interpreted meetings to interpreters, grown by augmenting paths: "is
 * there an interpreter for one more meeting here" is then exact, not first-come. Every change is
 * logged, so a tentative move can be rolled back.
 *
 * Passes:
 * 0. Pins, most constrained first (passes/pins.ts); the passes after treat them as booked.
 * 1. Fairness. Without interpreters first, then with: a matching among organisations that have no
 *    meeting yet (Karp–Sipser: one with a single partner left is matched at once, otherwise the
 *    best-scoring pair), then one meeting for each organisation still without, most constrained
 *    first. Scarce interpreters thus go first to meetings that meet two organisations at once.
 * 2. Greedy by score: the other pairs, best first, each into its cheapest option — no interpreter
 *    before an interpreter, online before a table, then the slot with most of that resource left.
 * 3. Alternating chains (as augmenting paths in bipartite matching): an organisation without a
 *    meeting, then each unplaced pair, takes the place of a meeting in its way — an attendee's
 *    meeting in that slot, or one holding the table, interpreter or meeting limit it lacks. The
 *    displaced meeting moves to another slot or attendee if it can; if that leaves an organisation
 *    without a meeting, the chain continues from it. A chain is kept only when it meets more
 *    organisations, or as many with a higher score.
 * 4. Ruin and recreate: take out a few meetings (around an organisation without a meeting, around
 *    a random organisation and its partners, or in one slot), put pairs back greedily (two
 *    organisations without a meeting first, then one, then by score with a little noise), and keep
 *    the result unless it meets fewer organisations or, past a slowly cooling tolerance, scores
 *    less. The best plan seen is the answer. Its neighbourhoods are what finds the swaps of
 *    partners around a cycle that fairness-first construction leaves behind.
 *    Then one more round of chains for score, up to eight steps long.
 *    Before and after ruin and recreate, and after that last round: exchanges along alternating
 *    cycles (passes/exchanges.ts), the best of which Bellman–Ford finds in the residual graph of the
 *    pairs — a dozen organisations all changing partner at once, which the moves above cannot take
 *    in one step. On the Japan–Mongolia benchmark sessions they took the seeds below 99.5 % of the
 *    optimum from 6 of 17 to 1.
 * 5. Compacting (passes/compact.ts): simulated annealing over Kempe-chain moves that move
 *    meetings in time, never out, for goal 3; tables may overflow on the way at a penalty that
 *    adapts (strategic oscillation), never in the answer. Its budget shrinks for large sessions
 *    (`compactMoveWork`), so that 2,000 organisations keep their time.
 * Passes 3–5 stop at a budget counted in steps, not seconds, so that the plan never depends on
 * the machine. bench/schedule.ts measures the result against the exact optimum (CBC on lp.ts), and
 * bench/b2b.ts the breaks against the published optima of the UdG B2B instances. exact.ts runs
 * this scheduler and then HiGHS on lp.ts within a time budget, for a proven gap or the optimum.
 *
 * Files: problem.ts (the input indexed once), plan.ts (the mutable state with its undo log),
 * passes/insert.ts (cheapest option, shared orders), passes/fairness.ts (passes 1 and 2),
 * passes/chains.ts (pass 3), passes/ruin-recreate.ts (pass 4), passes/exchanges.ts (exchanges), passes/pins.ts (pass 0),
 * passes/compact.ts (pass 5, with passes/day-breaks.ts counting breaks as it moves and passes/slot-interpreters.ts checking interpreters), explain.ts (reasons for pairs left out), breaks.ts (counting breaks
 * and idle time), days.ts (days and parts of the day); this file runs them in order and writes the
 * result.
 */
import { explain } from './explain.ts';
import { chainPass } from './passes/chains.ts';
import { fairnessPass, greedyPass, organisationsByConstraint } from './passes/fairness.ts';
import { byScore, compareKeys, NEVER, pairClasses } from './passes/insert.ts';
import { ruinAndRecreate } from './passes/ruin-recreate.ts';
import { exchangePass } from './passes/exchanges.ts';
import { idleReport } from './breaks.ts';
import { compactPass } from './passes/compact.ts';
import { pinsAsFixed, placePins } from './passes/pins.ts';
import { FREE, Plan } from './plan.ts';
import { buildProblem, type Problem } from './problem.ts';
import type { Placement, ScheduleInput, ScheduleResult, Unplaced } from './types.ts';

// The existing API: the problem and the rules were defined here before the split.
export { buildProblem, optionIsOpen, type Combo, type PairInfo, type Problem } from './problem.ts';
export { interpreterCovers, isOnlineMeeting, normaliseLanguages, shareLanguage } from '../meeting-rules.ts';

/** Tuning knobs, each with the default the benchmark was run with. */
export interface SchedulerOptions {
  /** Steps (option checks, augmenting-path visits) the alternating chains may spend. Default 5,000,000. */
  chainBudget?: number;
  /** Rounds of alternating chains at most. Default 3. */
  chainRounds?: number;
  /** Steps a chain may take to meet an organisation without a meeting. Default 8. */
  coverPathLength?: number;
  /** Steps a chain may take to raise the score. Default 3. */
  scorePathLength?: number;
  /** Meetings tried as the one to displace for a shared resource. Default 4. */
  chainCandidates?: number;
  /** Steps a chain may take to raise the score in the last round of chains, after ruin and recreate. Default 8. */
  polishPathLength?: number;
  /** Steps that last round may spend. Default 2,000,000. */
  polishBudget?: number;
  /** Ruin-and-recreate iterations at most (and no more than 1,000 + 40 per pair). Default 8,000. */
  searchIterations?: number;
  /** Steps the ruin-and-recreate pass may spend. Default 15,000,000. */
  searchBudget?: number;
  /** Unplaced pairs, best first, offered each slot a ruin frees room in. Default 10. */
  slotCandidates?: number;
  /** Score loss the ruin-and-recreate pass accepts at first with probability 1/e, falling to 0. Default 0.05. */
  temperature?: number;
  /** Seed of the ruin-and-recreate and compacting passes' generators. Default 1. */
  seed?: number;
  /** Steps (arc checks, option checks) each round of exchanges along alternating cycles may spend. Default 30,000,000. */
  exchangeBudget?: number;
  /**
   * Exchanges: steps times pairs, at most. Default 18,000,000,000: a session of 600 pairs gets the
   * full budget, one of 8,000 a thirteenth (each search costs about nodes × arcs, so large sessions
   * would otherwise spend seconds here for little).
   */
  exchangeWork?: number;
  /** Compacting (pass 5): moves tried per placed meeting. Default 4,800. */
  compactMovesPerMeeting?: number;
  /** Compacting: moves tried at most. Default 1,000,000. */
  compactMoves?: number;
  /**
   * Compacting: moves tried times meetings placed, at most. Default 300,000,000: a session of 300
   * meetings gets the full million moves, one of 3,000 a tenth, so that large sessions keep their time.
   */
  compactMoveWork?: number;
  /** Compacting: steps at most (one per move, one per meeting its chain takes). Default 6,000,000. */
  compactBudget?: number;
  /**
   * Compacting: the search cost (a break weighs 6 idle slots) a worse move may add at first with
   * probability 1/e, cooling to 0. Default 4 (two thirds of a break).
   */
  compactTemperature?: number;
  /**
   * Compacting: stop after this many moves per placed meeting without a better plan. Default 1,600:
   * on the UdG forums the best plan improved at least that often to the end; on the Japan–Mongolia
   * sessions it was found within the first half and the rest was spent for nothing.
   */
  compactStall?: number;
}

export const DEFAULT_SCHEDULER_OPTIONS: Required<SchedulerOptions> = {
  chainBudget: 5_000_000,
  chainRounds: 3,
  coverPathLength: 8,
  scorePathLength: 3,
  chainCandidates: 4,
  polishPathLength: 8,
  polishBudget: 2_000_000,
  searchIterations: 8_000,
  searchBudget: 15_000_000,
  slotCandidates: 10,
  temperature: 0.05,
  seed: 1,
  exchangeBudget: 30_000_000,
  exchangeWork: 18_000_000_000,
  compactMovesPerMeeting: 4_800,
  compactMoves: 1_000_000,
  compactMoveWork: 300_000_000,
  compactBudget: 6_000_000,
  compactTemperature: 4,
  compactStall: 1_600,
};

/** Numbers the tables: in each slot, the session's free tables in id order to meetings in key order. */
function assignTables(plan: Plan): Map<number, number> {
  const tableOf = new Map<number, number>();
  for (let s = 0; s < plan.S; s++) {
    const onsite = [...plan.slotMembers[s]!]
      .filter((p) => !plan.pr.pairs[p]!.combos[plan.pCombo[p]!]!.online)
      .sort((x, y) => compareKeys(plan.pr.pairs[x]!.key, plan.pr.pairs[y]!.key));
    onsite.forEach((p, j) => {
      tableOf.set(p, plan.pr.freeTables[s]![j]!);
    });
  }
  return tableOf;
}

/** Passes 1–4 and a last greedy fill: which pairs meet, for coverage and then score. */
function choosePairs(plan: Plan, opts: Required<SchedulerOptions>) {
  const pr = plan.pr;
  const pairOrder = pr.pairs.map((_, p) => p).sort(byScore(pr));
  const pairClass = pairClasses(pr);
  const orgOrder = organisationsByConstraint(pr, pairClass);

  fairnessPass(plan, orgOrder, pairClass);
  greedyPass(plan, pairOrder);
  plan.forget();
  // Nothing to improve when every pair that could ever meet already does.
  if (pairOrder.some((p) => !plan.isPlaced(p) && pairClass[p]! < NEVER)) {
    chainPass(plan, orgOrder, pairOrder, opts);
    exchangePass(plan, pairClass, opts);
    ruinAndRecreate(plan, opts);
    exchangePass(plan, pairClass, opts);
    // Moves may have left room that no single pair needed a move for.
    greedyPass(plan, pairOrder);
    // Longer chains for score, once: the alternating paths through seven or eight organisations
    // that ruin and recreate does not take out at once.
    chainPass(plan, orgOrder, pairOrder, { ...opts, chainRounds: 1, scorePathLength: opts.polishPathLength, chainBudget: opts.polishBudget });
    exchangePass(plan, pairClass, opts);
  }
  plan.forget();
}

export function scheduleMeetings(input: ScheduleInput, options: SchedulerOptions = {}): ScheduleResult {
  const opts = { ...DEFAULT_SCHEDULER_OPTIONS, ...options };
  const pr = buildProblem(input);
  const plan = new Plan(pr);

  const pins = placePins(plan);
  if (pins.length === 0) choosePairs(plan, opts);
  else {
    // The other pairs are chosen around the pins as if they were booked, then planned beside them.
    const rest = new Plan(buildProblem({ ...input, fixed: [...input.fixed, ...pinsAsFixed(plan, pins)] }));
    choosePairs(rest, opts);
    const index = new Map(pr.pairs.map((pair, p) => [pair.key, p]));
    rest.pr.pairs.forEach((pair, q) => {
      if (rest.isPlaced(q)) plan.place(index.get(pair.key)!, rest.pCombo[q]!, rest.pSlot[q]!);
    });
    plan.forget();
  }
  compactPass(plan, opts);
  return planResult(input, pr, plan);
}

/** The result of a finished plan: placements with numbered tables, reasons for the rest, breaks. */
export function planResult(input: ScheduleInput, pr: Problem, plan: Plan): ScheduleResult {
  const tableOf = assignTables(plan);
  const placed = pr.pairs.map((_, p) => p).filter((p) => plan.isPlaced(p));
  placed.sort((x, y) => plan.pSlot[x]! - plan.pSlot[y]! || compareKeys(pr.pairs[x]!.key, pr.pairs[y]!.key));
  const placements: Placement[] = placed.map((p) => {
    const pair = pr.pairs[p]!;
    const combo = pair.combos[plan.pCombo[p]!]!;
    return {
      pairKey: pair.key,
      slotId: pr.slotIds[plan.pSlot[p]!]!,
      attendeeIds: [pr.attendees[combo.a]!.id, pr.attendees[combo.b]!.id],
      tableId: combo.online ? null : tableOf.get(p)!,
      interpreterId: combo.interps ? pr.interpreterIds[plan.pInterp[p]!]! : null,
      online: combo.online,
    };
  });
  const why = new Map<string, Unplaced>();
  for (const e of pr.excluded) why.set(e.key, { pairKey: e.key, reason: e.reason, detail: e.detail });
  pr.pairs.forEach((pair, p) => {
    if (!plan.isPlaced(p)) why.set(pair.key, { pairKey: pair.key, ...explain(plan, p) });
  });
  // In the order of the input, each pair once.
  const unplaced = [...new Set(input.pairs.map((p) => p.key))].flatMap((k) => why.get(k) ?? []);
  const totalScore = placed.reduce((sum, p) => sum + pr.pairs[p]!.score, 0);
  const S = plan.S;
  return { placements, unplaced, totalScore, ...idleReport(pr, (a, s) => plan.attAt[a * S + s] !== FREE) };
}
