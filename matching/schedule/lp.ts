/**
 * The scheduling problem as an exact integer program in CPLEX LP format: solved in-process by HiGHS
 * (exact.ts) for sessions it can finish in the time budget, and by CBC in the benchmark to tell how
 * far the scheduler is from the optimum.
 *
 * Model (same rules as scheduler.ts, built from the same indexed Problem):
 * - x_p_c_s = 1 when pair p meets in slot s with attendee combination c. Only options that can ever
 *   be held exist: both attendees available and without a fixed meeting in s, room under their
 *   limits, a table open in s unless online, an interpreter the meeting can use open in s unless a
 *   language is shared.
 * - Each pair at most once; each attendee at most once per slot and at most maxMeetings − fixed.
 * - Tables are interchangeable within a slot, so a count suffices: onsite meetings in s ≤ open tables.
 * - Interpreters are not interchangeable, so a count per language pair would be wrong when one
 *   interpreter covers several. Exact instead, by Hall's theorem: meetings of slot s can all get a
 *   distinct interpreter iff for every set U of interpreters, the meetings that only U can take
 *   number at most |U|. Meetings with the same set of usable interpreters form a type, and only
 *   unions of types matter, so a slot needs one row per distinct union — a handful with a few
 *   interpreter profiles. With more than MAX_HALL_TYPES types per slot, interpreter assignment
 *   variables y_p_c_s_i replace the Hall rows.
 * - Fairness (default on): cov_o ≤ Σ x over o's pairs for every organisation without a fixed
 *   meeting, and the objective weighs coverage above any possible score, W > Σ scores. This makes
 *   the optimum lexicographic — the most organisations with a meeting, then the highest score —
 *   which is what the scheduler aims at.
 * - Pins weigh more than all the rest together, so the optimum places every pin that can be placed.
 * - Breaks (option `breaks`, the third goal, solved as a second model): the objective becomes the
 *   number of breaks, and a row keeps the first model's objective at its optimum. For attendee a
 *   and slot s of a day, y_a_s = Σ x of a in s (+ 1 for a fixed meeting), l_a_s ≥ y_a_t for every
 *   later t of the day (l_a_s ≥ y_a_s, l_a_s ≥ l_a_s+1), and a break begins at s when a was busy
 *   in s − 1, is free in s and meets again later: b_a_s ≥ y_a_s−1 − y_a_s + l_a_s+1 − 1. Minimising
 *   Σ b pushes every l down to its bound, so Σ b counts the breaks exactly.
 */
import { buildProblem, optionIsOpen } from './scheduler.ts';
import type { ScheduleInput } from './types.ts';

export interface LpOptions {
  /** Cover organisations first, then maximise score. Default true; false maximises score alone. */
  fairness?: boolean;
  /**
   * Minimise breaks instead, keeping the first objective (pins, coverage, score) at least at
   * `keepObjective` — the optimum of the model without this option.
   */
  breaks?: { keepObjective: number };
}

export interface LpModel {
  text: string;
  /** Variable name → the pair it places, to read a solver's solution back. */
  columns: Map<string, { pairKey: string; score: number }>;
  /** The objective weight of one covered organisation (0 without fairness). */
  coverageWeight: number;
  /** The objective weight added to each meeting variable of a pinned pair (0 without pins). */
  pinWeight: number;
  /** Organisation indices with a coverage variable `cov<o>`. */
  coverageOrgs: number[];
}

/** Beyond this many interpreter types in one slot, Hall rows (up to 2^types) give way to y variables. */
const MAX_HALL_TYPES = 12;
const TERMS_PER_LINE = 12;

export function toLp(input: ScheduleInput, options: LpOptions = {}): string {
  return buildLp(input, options).text;
}

export function buildLp(input: ScheduleInput, options: LpOptions = {}): LpModel {
  const fairness = options.fairness ?? true;
  const pr = buildProblem(input);
  const S = pr.S;
  const columns = new Map<string, { pairKey: string; score: number }>();
  const objective: string[] = [];
  const rows: string[] = [];
  const binaries: string[] = [];

  const scoreSum = pr.pairs.reduce((sum, p) => sum + p.score, 0);
  const coverageWeight = fairness ? Math.ceil(scoreSum) + 1 : 0;
  const pinWeight = pr.pairs.some((p) => p.pinned) ? coverageWeight * (pr.orgIds.length + 1) + Math.ceil(scoreSum) + 1 : 0;
  const pairVars: string[][] = pr.pairs.map(() => []);
  const attSlotVars = new Map<number, string[]>();
  const attVars: string[][] = pr.attendees.map(() => []);
  const onsiteVars: string[][] = Array.from({ length: S }, () => []);
  /** Per slot: interpreted variables grouped by the open interpreters they can use. */
  const interpTypes: Map<string, { interps: number[]; vars: string[] }>[] = Array.from({ length: S }, () => new Map());
  const push = <K>(map: Map<K, string[]>, key: K, v: string) => {
    const list = map.get(key);
    if (list) list.push(v);
    else map.set(key, [v]);
  };

  pr.pairs.forEach((pair, p) => {
    pair.combos.forEach((combo, c) => {
      for (const s of combo.slots) {
        if (!optionIsOpen(pr, combo, s)) continue;
        const v = `x${p}_${c}_${s}`;
        columns.set(v, { pairKey: pair.key, score: pair.score });
        objective.push(`${pair.pinned ? pair.score + pinWeight : pair.score} ${v}`);
        binaries.push(v);
        pairVars[p]!.push(v);
        push(attSlotVars, combo.a * S + s, v);
        push(attSlotVars, combo.b * S + s, v);
        attVars[combo.a]!.push(v);
        attVars[combo.b]!.push(v);
        if (!combo.online) onsiteVars[s]!.push(v);
        if (combo.interps) {
          const open = [...combo.interps].filter((i) => pr.interpOpen[i * S + s] === 1).sort((x, y) => x - y);
          const key = open.join(',');
          const type = interpTypes[s]!.get(key);
          if (type) type.vars.push(v);
          else interpTypes[s]!.set(key, { interps: open, vars: [v] });
        }
      }
    });
  });

  const row = (name: string, vars: readonly string[], sense: '<=' | '=', rhs: number) => {
    rows.push(` ${name}: ${wrap(vars.map((v) => `+ ${v}`))} ${sense} ${rhs}`);
  };

  pairVars.forEach((vars, p) => {
    if (vars.length > 1) row(`pair${p}`, vars, '<=', 1);
  });
  for (const [k, vars] of [...attSlotVars].sort((x, y) => x[0] - y[0])) {
    if (vars.length > 1) row(`att${Math.floor(k / S)}_s${k % S}`, vars, '<=', 1);
  }
  attVars.forEach((vars, a) => {
    const room = pr.attMax[a]! - pr.attFixedCount[a]!;
    if (vars.length > room) row(`limit${a}`, vars, '<=', room);
  });
  onsiteVars.forEach((vars, s) => {
    if (vars.length > pr.tableCap[s]!) row(`tables_s${s}`, vars, '<=', pr.tableCap[s]!);
  });

  interpTypes.forEach((types, s) => {
    const list = [...types.values()];
    if (list.length <= MAX_HALL_TYPES) {
      hallRows(list).forEach(({ size, vars }, h) => {
        if (vars.length > size) row(`interp_s${s}_${h}`, vars, '<=', size);
      });
      return;
    }
    // Explicit assignment: each interpreted meeting gets exactly one interpreter, each at most one meeting.
    const byInterp = new Map<number, string[]>();
    for (const { interps, vars } of list) {
      for (const v of vars) {
        const ys = interps.map((i) => `y${v.slice(1)}_${i}`);
        binaries.push(...ys);
        rows.push(` assign_${v}: ${wrap(ys.map((y) => `+ ${y}`))} - ${v} = 0`);
        interps.forEach((i, j) => {
          push(byInterp, i, ys[j]!);
        });
      }
    }
    for (const [i, ys] of [...byInterp].sort((x, y) => x[0] - y[0])) if (ys.length > 1) row(`interp${i}_s${s}`, ys, '<=', 1);
  });

  const coverageOrgs: number[] = [];
  if (fairness) {
    pr.orgPairs.forEach((ps, o) => {
      if (pr.orgFixed[o]! > 0) return;
      const vars = ps.flatMap((p) => pairVars[p]!);
      if (vars.length === 0) return;
      coverageOrgs.push(o);
      objective.push(`${coverageWeight} cov${o}`);
      binaries.push(`cov${o}`);
      rows.push(` cover${o}: cov${o} ${wrap(vars.map((v) => `- ${v}`))} <= 0`);
    });
  }

  let sense = 'Maximize';
  let goal = objective.length ? wrap(objective.map((t) => `+ ${t}`)) : '0 x_none';
  if (options.breaks) {
    rows.push(` keep: ${goal} >= ${options.breaks.keepObjective}`);
    const breaks = breakRows(pr, attSlotVars, attVars, rows);
    sense = 'Minimize';
    goal = breaks.length ? wrap(breaks.map((b) => `+ ${b}`)) : '0 x_none';
  }

  const text = [
    '\\ Musubi meeting schedule: exact model (matching/schedule/lp.ts)',
    sense,
    ` obj: ${goal}`,
    'Subject To',
    ...(rows.length ? rows : [' none: 0 x_none <= 0']),
    'Binaries',
    ...chunk(binaries.length ? binaries : ['x_none'], TERMS_PER_LINE).map((line) => ` ${line.join(' ')}`),
    'End',
    '',
  ].join('\n');
  return { text, columns, coverageWeight, pinWeight, coverageOrgs };
}

/**
 * The rows that count breaks (see the header) for every attendee who may get a new meeting; returns
 * the break variables. Fixed meetings are constants, moved to the right-hand side.
 */
function breakRows(pr: ReturnType<typeof buildProblem>, attSlotVars: Map<number, string[]>, attVars: string[][], rows: string[]): string[] {
  const S = pr.S;
  const breaks: string[] = [];
  const terms = (sign: '+' | '-', vars: readonly string[]) => vars.map((v) => `${sign} ${v}`);
  attVars.forEach((vars, a) => {
    if (vars.length === 0) return;
    for (let d = 0; d < pr.dayFirst.length; d++) {
      const first = pr.dayFirst[d]!;
      const last = pr.dayLast[d]!;
      const x = (s: number) => attSlotVars.get(a * S + s) ?? [];
      const f = (s: number) => pr.attFixed[a * S + s]!;
      for (let s = first; s <= last; s++) {
        rows.push(` later${a}_${s}: l${a}_${s} ${wrap(terms('-', x(s)))} >= ${f(s)}`);
        if (s < last) rows.push(` later${a}_${s}_next: l${a}_${s} - l${a}_${s + 1} >= 0`);
      }
      for (let s = first + 1; s < last; s++) {
        const b = `b${a}_${s}`;
        breaks.push(b);
        rows.push(` break${a}_${s}: ${b} ${wrap([...terms('-', x(s - 1)), ...terms('+', x(s))])} - l${a}_${s + 1} >= ${-1 + f(s - 1) - f(s)}`);
      }
    }
  });
  return breaks;
}

/**
 * Hall's condition per slot: for each distinct union U of types' interpreter sets, every variable
 * whose type fits inside U, at most |U| of them.
 */
function hallRows(types: { interps: number[]; vars: string[] }[]): { size: number; vars: string[] }[] {
  const unions = new Map<string, number[]>();
  for (let mask = 1; mask < 1 << types.length; mask++) {
    const u = new Set<number>();
    types.forEach((t, k) => {
      if (mask & (1 << k)) for (const i of t.interps) u.add(i);
    });
    const sorted = [...u].sort((x, y) => x - y);
    unions.set(sorted.join(','), sorted);
  }
  return [...unions.values()].map((u) => ({
    size: u.length,
    vars: types.filter((t) => t.interps.every((i) => u.includes(i))).flatMap((t) => t.vars),
  }));
}

/** Long rows over several lines: some LP readers cap the line length. */
function wrap(terms: string[]): string {
  return chunk(terms, TERMS_PER_LINE)
    .map((line) => line.join(' '))
    .join('\n   ');
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
