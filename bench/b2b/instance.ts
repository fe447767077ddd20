/**
 * The UdG B2B meeting-scheduling instances (Bofill et al., JAIR 74, 2022) as Musubi sessions, and
 * the checks the paper's solutions must pass, done from the outside.
 *
 * Map: business → one attendee of its own organisation; requested meeting → a pair (score 1) that
 * must be placed; session 1 / 2 / 3 → morning / afternoon / any; forbidden → unavailable slots;
 * fixed → a booked meeting; nTables → tables. Slots 1..nMorningSlots are the morning, all one day.
 */
import type { FixedMeeting, ScheduleInput, ScheduleResult } from '../../matching/schedule/types.ts';
import { mulberry32 } from '../../matching/random.ts';

export interface B2bInstance {
  nBusiness: number;
  nTables: number;
  nTotalSlots: number;
  nMorningSlots: number;
  /** [a, b, session] per meeting; session 1 morning, 2 afternoon, 3 either. */
  requested: [number, number, number][];
  /** Per business (1-based order), the slots it cannot attend; empty when absent. */
  forbidden: number[][];
  /** Per meeting, the slot it must take, or 0. */
  fixed: number[];
  /**
   * Per meeting, the meetings named in `precedences` (sets, empty in the originals). Read so that
   * the files load; the scheduler has no order between meetings, so bench/b2b.ts says when a file
   * has any.
   */
  precedences: number[][];
}

type DznValue = number | number[] | number[][];

/** Integers of a comma list; `a..b` stands for a, a+1, …, b (MiniZinc's ranges, e.g. inside a set). */
function ints(text: string): number[] {
  const out: number[] = [];
  for (const token of text.split(',')) {
    const t = token.trim();
    if (!t) continue;
    const range = /^(-?\d+)\s*\.\.\s*(-?\d+)$/.exec(t);
    if (range) for (let v = Number(range[1]); v <= Number(range[2]); v++) out.push(v);
    else out.push(Number(t));
  }
  if (out.some(Number.isNaN)) throw new Error(`cannot read the integers in "${text.trim()}"`);
  return out;
}

/**
 * The small part of MiniZinc's data language these files use: `name = value;` with integers,
 * 1-d arrays of integers or of sets (`[{0,17}, {0}, {}, {3..5}]`), 2-d arrays (`[| 1, 2, 1, | … |]`),
 * and the same arrays written as `array1d(1..n, [...])` or `array2d(1..n, 1..3, [...])`.
 * `%` starts a comment. No package reads .dzn without MiniZinc itself, so it is read here.
 */
export function parseDzn(text: string): Record<string, DznValue> {
  const out: Record<string, DznValue> = {};
  for (const statement of text.replace(/%[^\n]*/g, '').split(';')) {
    const eq = statement.indexOf('=');
    if (eq < 0) continue;
    const name = statement.slice(0, eq).trim();
    let value = statement.slice(eq + 1).trim();
    // array2d(1..rows, 1..cols, [flat]) → rows of cols; array1d(1..n, [list]) → the list.
    const wrapped = /^array([12])d\s*\(([\s\S]*)\)$/.exec(value);
    let columns = 0;
    if (wrapped) {
      const inner = wrapped[2]!;
      const open = inner.indexOf('[');
      if (open < 0) throw new Error(`cannot read ${name}`);
      if (wrapped[1] === '2') {
        const ranges = [...inner.slice(0, open).matchAll(/(-?\d+)\s*\.\.\s*(-?\d+)/g)];
        if (ranges.length < 2) throw new Error(`cannot read the dimensions of ${name}`);
        columns = Number(ranges[1]![2]) - Number(ranges[1]![1]) + 1;
      }
      value = inner.slice(open).trim();
    }
    if (value.startsWith('[|'))
      out[name] = value
        .slice(2, value.lastIndexOf('|]'))
        .split('|')
        .map(ints)
        .filter((row) => row.length > 0);
    else if (value.startsWith('[') && value.includes('{')) out[name] = [...value.matchAll(/\{([^}]*)\}/g)].map((m) => ints(m[1]!));
    else if (value.startsWith('[')) {
      const flat = ints(value.slice(1, value.lastIndexOf(']')));
      out[name] = columns > 0 ? Array.from({ length: Math.ceil(flat.length / columns) }, (_, r) => flat.slice(r * columns, (r + 1) * columns)) : flat;
    } else out[name] = Number(value);
    if (typeof out[name] === 'number' && Number.isNaN(out[name])) throw new Error(`cannot read ${name} = ${value}`);
  }
  return out;
}

export function readInstance(text: string): B2bInstance {
  const d = parseDzn(text);
  const num = (k: string) => {
    if (typeof d[k] !== 'number') throw new Error(`${k} missing`);
    return d[k] as number;
  };
  const nBusiness = num('nBusiness');
  const requested = (d.requested ?? []) as number[][];
  if (requested.some((r) => r.length !== 3)) throw new Error('requested: each row must be a, b, session');
  const forbidden = ((d.forbidden ?? []) as number[][]).map((set) => set.filter((s) => s > 0));
  while (forbidden.length < nBusiness) forbidden.push([]);
  const fixed = (d.fixed ?? []) as number[];
  if (fixed.some((slot) => !Number.isInteger(slot) || slot < 0 || slot > num('nTotalSlots'))) throw new Error('fixed: each entry must be 0 or a slot');
  const precedences = ((d.precedences ?? []) as number[][]).map((set) => (Array.isArray(set) ? set : [set]));
  return {
    nBusiness,
    nTables: num('nTables'),
    nTotalSlots: num('nTotalSlots'),
    nMorningSlots: num('nMorningSlots'),
    requested: requested as [number, number, number][],
    forbidden,
    fixed: requested.map((_, m) => fixed[m] ?? 0),
    precedences: requested.map((_, m) => precedences[m] ?? []),
  };
}

const SLOT_MS = 15 * 60_000;
const PART = { 1: 'morning', 2: 'afternoon', 3: 'any' } as const;
export const meetingKey = (m: number) => `m${m}`;

export function toScheduleInput(inst: B2bInstance): ScheduleInput {
  const slotIds = Array.from({ length: inst.nTotalSlots }, (_, i) => i + 1);
  const slots = slotIds.map((id) => ({
    id,
    start: id * SLOT_MS,
    end: (id + 1) * SLOT_MS,
    day: 1,
    part: id <= inst.nMorningSlots ? ('morning' as const) : ('afternoon' as const),
  }));
  const attendees = Array.from({ length: inst.nBusiness }, (_, i) => ({
    id: i + 1,
    organizationId: i + 1,
    languages: ['en'],
    online: false,
    available: slotIds,
    unavailable: inst.forbidden[i] ?? [],
    maxMeetings: inst.nTotalSlots,
  }));
  const pairs = inst.requested.map(([a, b, session], m) => ({ key: meetingKey(m), orgA: a, orgB: b, score: 1, part: PART[session as 1 | 2 | 3] ?? 'any' }));
  const tablesUsed = new Map<number, number>();
  const fixed: FixedMeeting[] = [];
  inst.fixed.forEach((slot, m) => {
    if (slot <= 0) return;
    const [a, b] = inst.requested[m]!;
    const used = (tablesUsed.get(slot) ?? 0) + 1;
    tablesUsed.set(slot, used);
    fixed.push({ pairKey: meetingKey(m), slotId: slot, attendeeIds: [a, b], tableId: used, interpreterId: null });
  });
  return { slots, tables: Array.from({ length: inst.nTables }, (_, i) => ({ id: i + 1 })), interpreters: [], attendees, pairs, fixed, allowOnline: false };
}

/** The slot of every meeting (fixed ones included), or 0 when the schedule left it out. */
export function meetingSlots(inst: B2bInstance, result: ScheduleResult): number[] {
  const slots = inst.fixed.slice();
  for (const p of result.placements) slots[Number(p.pairKey.slice(1))] = p.slotId;
  return slots;
}

export interface B2bCheck {
  placed: number;
  /** Broken rules: a business twice in a slot, more meetings than tables, wrong part of the day, a forbidden slot, a fixed meeting moved. */
  violations: string[];
  /** Per business, its breaks (idle gaps between consecutive meetings). */
  breaks: number[];
}

/** Checks a schedule (slot per meeting, 0 = not placed) against the instance, from scratch. */
export function check(inst: B2bInstance, slots: readonly number[]): B2bCheck {
  const violations: string[] = [];
  const busy = Array.from({ length: inst.nBusiness + 1 }, () => new Set<number>());
  const perSlot = new Map<number, number>();
  let placed = 0;
  inst.requested.forEach(([a, b, session], m) => {
    const s = slots[m] ?? 0;
    if (s === 0) return;
    placed++;
    if (s < 1 || s > inst.nTotalSlots) violations.push(`meeting ${m}: slot ${s} out of range`);
    if (session === 1 && s > inst.nMorningSlots) violations.push(`meeting ${m}: afternoon slot ${s} for a morning meeting`);
    if (session === 2 && s <= inst.nMorningSlots) violations.push(`meeting ${m}: morning slot ${s} for an afternoon meeting`);
    if (inst.fixed[m]! > 0 && inst.fixed[m] !== s) violations.push(`meeting ${m}: fixed to ${inst.fixed[m]}, placed in ${s}`);
    for (const x of [a, b]) {
      if (busy[x]!.has(s)) violations.push(`business ${x}: two meetings in slot ${s}`);
      busy[x]!.add(s);
      if (inst.forbidden[x - 1]?.includes(s)) violations.push(`business ${x}: forbidden slot ${s}`);
    }
    perSlot.set(s, (perSlot.get(s) ?? 0) + 1);
  });
  for (const [s, n] of perSlot) if (n > inst.nTables) violations.push(`slot ${s}: ${n} meetings at ${inst.nTables} tables`);
  const breaks = busy.slice(1).map((set) => {
    const sorted = [...set].sort((x, y) => x - y);
    let n = 0;
    for (let k = 1; k < sorted.length; k++) if (sorted[k]! - sorted[k - 1]! > 1) n++;
    return n;
  });
  return { placed, violations, breaks };
}

/**
 * A variant of the kind the benchmark's other files are (fixed meetings, forbidden slots), made
 * from `inst` and a plan `slots` that fits it: about a tenth of the meetings fixed in the slot the
 * plan gave them, and for about a third of the businesses up to three forbidden slots among those
 * the plan leaves them free. The plan still fits the variant, so a scheduler must place every
 * meeting without breaking a rule; deterministic for a seed.
 */
export function variantOf(inst: B2bInstance, slots: readonly number[], seed: number): B2bInstance {
  const random = mulberry32(seed);
  const busy = Array.from({ length: inst.nBusiness }, () => new Set<number>());
  inst.requested.forEach(([a, b], m) => {
    busy[a - 1]!.add(slots[m]!);
    busy[b - 1]!.add(slots[m]!);
  });
  return {
    ...inst,
    fixed: inst.requested.map((_, m) => inst.fixed[m] || (random() < 0.1 ? slots[m]! : 0)),
    forbidden: inst.forbidden.map((set, b) => {
      const out = [...set];
      if (random() < 0.3)
        for (let k = 0; k < 3; k++) {
          const s = 1 + Math.floor(random() * inst.nTotalSlots);
          if (!busy[b]!.has(s) && !out.includes(s)) out.push(s);
        }
      return out;
    }),
  };
}
