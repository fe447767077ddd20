/**
 * The scheduling problem as an exact integer program in CPLEX LP format, for an external solver
 * (the benchmark runs CBC on it) to tell how far the scheduler is from the optimum.
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
 */
import { buildProblem, optionIsOpen } from './scheduler.ts';
import type { ScheduleInput } from './types.ts';

export interface LpOptions {
  /** Cover organisations first, then maximise score. Default true; false maximises score alone. */
  fairness?: boolean;
}

export interface LpModel {
  text: string;
  /** Variable name → the pair it places, to read a solver's solution back. */
  columns: Map<string, { pairKey: string; score: number }>;
  /** The objective weight of one covered organisation (0 without fairness). */
  coverageWeight: number;
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
        objective.push(`${pair.score} ${v}`);
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
        interps.forEach((i, j) => push(byInterp, i, ys[j]!));
      }
    }
    for (const [i, ys] of [...byInterp].sort((x, y) => x[0] - y[0])) if (ys.length > 1) row(`interp${i}_s${s}`, ys, '<=', 1);
  });

  let coverageWeight = 0;
  if (fairness) {
    coverageWeight = Math.ceil(pr.pairs.reduce((sum, p) => sum + p.score, 0)) + 1;
    pr.orgPairs.forEach((ps, o) => {
      if (pr.orgFixed[o]! > 0) return;
      const vars = ps.flatMap((p) => pairVars[p]!);
      if (vars.length === 0) return;
      objective.push(`${coverageWeight} cov${o}`);
      binaries.push(`cov${o}`);
      rows.push(` cover${o}: cov${o} ${wrap(vars.map((v) => `- ${v}`))} <= 0`);
    });
  }

  const text = [
    '\\ Musubi meeting schedule: exact model (matching/schedule/lp.ts)',
    'Maximize',
    ` obj: ${objective.length ? wrap(objective.map((t) => `+ ${t}`)) : '0 x_none'}`,
    'Subject To',
    ...(rows.length ? rows : [' none: 0 x_none <= 0']),
    'Binaries',
    ...chunk(binaries.length ? binaries : ['x_none'], TERMS_PER_LINE).map((line) => ` ${line.join(' ')}`),
    'End',
    '',
  ].join('\n');
  return { text, columns, coverageWeight };
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
