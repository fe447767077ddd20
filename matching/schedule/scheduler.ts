/**
 * The automatic meeting scheduler: accepted pairs of organisations → meetings in slots, at tables,
 * with interpreters. Pure: plain data in, plain data out; no clock, no environment, and its only
 * randomness comes from a seeded generator, so the same input always gives the same plan.
 *
 * The problem is a weighted packing with a fairness goal: each pair takes at most one option
 * (attendee of A, attendee of B, slot), and options compete for attendees (one meeting per slot,
 * `maxMeetings` in all), tables and interpreters (per slot). The goal is lexicographic: first as
 * many organisations with a meeting as possible, then the highest total score.
 *
 * State. Tables in a slot are interchangeable, so the plan only counts them and numbers them at the
 * end. Interpreters are not (a ja–en interpreter cannot take a ja–mn meeting), so each slot keeps a
 * bipartite matching of its interpreted meetings to interpreters, grown by augmenting paths: "is
 * there an interpreter for one more meeting here" is then exact, not first-come. Every change is
 * logged, so a tentative move can be rolled back.
 *
 * Passes:
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
 * Passes 3 and 4 stop at a budget counted in steps, not seconds, so that the plan never depends on
 * the machine. bench/schedule.ts measures the result against the exact optimum (CBC on lp.ts).
 */
import { mulberry32 } from '../random.ts';
import type { FixedMeeting, Placement, ScheduleInput, ScheduleResult, SchedAttendee, Unplaced, UnplacedReason } from './types.ts';

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
  /** Ruin-and-recreate iterations at most (and no more than 1,000 + 40 per pair). Default 20,000. */
  searchIterations?: number;
  /** Steps the ruin-and-recreate pass may spend. Default 30,000,000. */
  searchBudget?: number;
  /** Unplaced pairs, best first, offered each slot a ruin frees room in. Default 30. */
  slotCandidates?: number;
  /** Score loss the ruin-and-recreate pass accepts at first with probability 1/e, falling to 0. Default 0.05. */
  temperature?: number;
  /** Seed of the ruin-and-recreate pass's generator. Default 1. */
  seed?: number;
}

export const DEFAULT_SCHEDULER_OPTIONS: Required<SchedulerOptions> = {
  chainBudget: 5_000_000,
  chainRounds: 3,
  coverPathLength: 8,
  scorePathLength: 3,
  chainCandidates: 4,
  searchIterations: 20_000,
  searchBudget: 30_000_000,
  slotCandidates: 30,
  temperature: 0.05,
  seed: 1,
};

// ---------------------------------------------------------------------------------------------
// Rules shared with the LP model (lp.ts), so that the benchmark's optimum obeys the same rules.
// ---------------------------------------------------------------------------------------------

export function normaliseLanguages(languages: readonly string[]): string[] {
  return [...new Set(languages.map((l) => l.trim().toLowerCase()).filter(Boolean))].sort();
}

export function shareLanguage(a: readonly string[], b: readonly string[]): boolean {
  return a.some((l) => b.includes(l));
}

/** An interpreter covers two people when one of its pairs has a language of each, either way round. */
export function interpreterCovers(pairs: readonly (readonly [string, string])[], a: readonly string[], b: readonly string[]): boolean {
  return pairs.some(([x, y]) => (a.includes(x) && b.includes(y)) || (a.includes(y) && b.includes(x)));
}

export function isOnlineMeeting(allowOnline: boolean, a: SchedAttendee, b: SchedAttendee): boolean {
  return allowOnline && (a.online || b.online);
}

// ---------------------------------------------------------------------------------------------
// Problem: the input indexed once (slots, attendees, interpreters by position) and never changed.
// ---------------------------------------------------------------------------------------------

/** One way to hold a pair's meeting: which two attendees, and what that choice needs. */
export interface Combo {
  /** Attendee index from orgA, attendee index from orgB. */
  a: number;
  b: number;
  online: boolean;
  /** Interpreter indices that can take the meeting, specialists first; null when a language is shared. */
  interps: Int32Array | null;
  /** Slot indices both attendees are available in. */
  slots: Int32Array;
}

export interface PairInfo {
  key: string;
  score: number;
  /** Organisation indices. */
  orgA: number;
  orgB: number;
  combos: Combo[];
}

export interface Problem {
  S: number;
  slotIds: number[];
  attendees: SchedAttendee[];
  /** Normalised languages per attendee index. */
  attLanguages: string[][];
  attOrg: Int32Array;
  attMax: Int32Array;
  /** 1 where the attendee is available in the slot (index a·S + s). */
  attAvail: Uint8Array;
  /** 1 where the attendee already has a fixed meeting in the slot. */
  attFixed: Uint8Array;
  attFixedCount: Int32Array;
  orgIds: number[];
  orgAttendees: number[][];
  /** Fixed meetings per organisation index. */
  orgFixed: Int32Array;
  /** Tables free for new meetings per slot, ids ascending. */
  freeTables: number[][];
  tableCap: Int32Array;
  interpreterIds: number[];
  /** 1 where the interpreter can take a new meeting in the slot (index i·S + s). */
  interpOpen: Uint8Array;
  allowOnline: boolean;
  /** In input order, without pairs already booked and without repeated keys. */
  pairs: PairInfo[];
  /** Pair indices per organisation index. */
  orgPairs: number[][];
}

export function buildProblem(input: ScheduleInput): Problem {
  const slots = [...input.slots].sort((x, y) => x.start - y.start || x.id - y.id);
  const S = slots.length;
  const slotIds = slots.map((s) => s.id);
  const slotIndex = new Map(slotIds.map((id, i) => [id, i]));
  const slotIndices = (ids: readonly number[]) => ids.map((id) => slotIndex.get(id)).filter((s): s is number => s !== undefined);

  const attendees = [...input.attendees].sort((x, y) => x.id - y.id);
  const A = attendees.length;
  const attIndex = new Map(attendees.map((a, i) => [a.id, i]));
  const orgIds = [...new Set([...attendees.map((a) => a.organizationId), ...input.pairs.flatMap((p) => [p.orgA, p.orgB])])].sort((x, y) => x - y);
  const orgIndex = new Map(orgIds.map((id, i) => [id, i]));
  const orgAttendees: number[][] = orgIds.map(() => []);
  const attOrg = new Int32Array(A);
  const attMax = new Int32Array(A);
  const attAvail = new Uint8Array(A * S);
  attendees.forEach((a, i) => {
    const o = orgIndex.get(a.organizationId)!;
    attOrg[i] = o;
    orgAttendees[o]!.push(i);
    attMax[i] = Math.max(0, Math.floor(a.maxMeetings));
    for (const s of slotIndices(a.available)) attAvail[i * S + s] = 1;
  });
  const attLanguages = attendees.map((a) => normaliseLanguages(a.languages));

  const tables = [...input.tables].sort((x, y) => x.id - y.id);
  const tableOpen: boolean[][] = slots.map(() => tables.map(() => false));
  tables.forEach((t, j) => {
    const open = t.available === undefined ? slots.map((_, s) => s) : slotIndices(t.available);
    for (const s of open) tableOpen[s]![j] = true;
  });
  const tablePos = new Map(tables.map((t, j) => [t.id, j]));

  const interpreters = [...input.interpreters].sort((x, y) => x.id - y.id);
  const I = interpreters.length;
  const interpIndex = new Map(interpreters.map((t, i) => [t.id, i]));
  const interpOpen = new Uint8Array(I * S);
  interpreters.forEach((t, i) => {
    for (const s of slotIndices(t.available)) interpOpen[i * S + s] = 1;
  });

  const attFixed = new Uint8Array(A * S);
  const attFixedCount = new Int32Array(A);
  const orgFixed = new Int32Array(orgIds.length);
  for (const f of input.fixed) applyFixed(f);
  function applyFixed(f: FixedMeeting) {
    const s = slotIndex.get(f.slotId);
    for (const id of f.attendeeIds) {
      const a = attIndex.get(id);
      if (a === undefined) continue;
      attFixedCount[a]!++;
      orgFixed[attOrg[a]!]!++;
      if (s !== undefined) attFixed[a * S + s] = 1;
    }
    if (s === undefined) return;
    const j = f.tableId === null ? undefined : tablePos.get(f.tableId);
    if (j !== undefined) tableOpen[s]![j] = false;
    const i = f.interpreterId === null ? undefined : interpIndex.get(f.interpreterId);
    if (i !== undefined) interpOpen[i * S + s] = 0;
  }
  const freeTables = tableOpen.map((open) => tables.filter((_, j) => open[j]).map((t) => t.id));
  const tableCap = Int32Array.from(freeTables, (ids) => ids.length);

  // Specialists first, so that an interpreter of several pairs stays free for the meetings only it can take.
  const interpOrder = interpreters.map((_, i) => i).sort((x, y) => interpreters[x]!.pairs.length - interpreters[y]!.pairs.length || x - y);
  const interpCache = new Map<string, Int32Array | null>();
  const interpretersFor = (a: number, b: number): Int32Array | null => {
    const la = attLanguages[a]!;
    const lb = attLanguages[b]!;
    const key = `${la.join(',')}|${lb.join(',')}`;
    let hit = interpCache.get(key);
    if (hit === undefined) {
      hit = shareLanguage(la, lb) ? null : Int32Array.from(interpOrder.filter((i) => interpreterCovers(interpreters[i]!.pairs, la, lb)));
      interpCache.set(key, hit);
    }
    return hit;
  };

  const fixedKeys = new Set(input.fixed.map((f) => f.pairKey).filter((k): k is string => k !== null));
  const seenKeys = new Set<string>();
  const pairs: PairInfo[] = [];
  for (const p of input.pairs) {
    // A key already booked is kept as booked; a repeated key is the same pair twice.
    if (fixedKeys.has(p.key) || seenKeys.has(p.key)) continue;
    seenKeys.add(p.key);
    const orgA = orgIndex.get(p.orgA)!;
    const orgB = orgIndex.get(p.orgB)!;
    const combos: Combo[] = [];
    for (const a of orgAttendees[orgA]!) {
      for (const b of orgAttendees[orgB]!) {
        if (a === b) continue;
        const common: number[] = [];
        for (let s = 0; s < S; s++) if (attAvail[a * S + s] && attAvail[b * S + s]) common.push(s);
        combos.push({ a, b, online: isOnlineMeeting(input.allowOnline, attendees[a]!, attendees[b]!), interps: interpretersFor(a, b), slots: Int32Array.from(common) });
      }
    }
    pairs.push({ key: p.key, score: p.score, orgA, orgB, combos });
  }
  const orgPairs: number[][] = orgIds.map(() => []);
  pairs.forEach((p, i) => {
    orgPairs[p.orgA]!.push(i);
    if (p.orgB !== p.orgA) orgPairs[p.orgB]!.push(i);
  });

  return {
    S, slotIds, attendees, attLanguages, attOrg, attMax, attAvail, attFixed, attFixedCount, orgIds, orgAttendees, orgFixed,
    freeTables, tableCap, interpreterIds: interpreters.map((t) => t.id), interpOpen, allowOnline: input.allowOnline, pairs, orgPairs,
  };
}

/**
 * Whether an option can ever hold a new meeting, whatever else is planned: the slot is free of the
 * attendees' fixed meetings, they have room under their limits, and the slot has a table (unless
 * online) and an interpreter the meeting can use (unless a language is shared).
 */
export function optionIsOpen(pr: Problem, combo: Combo, s: number): boolean {
  const { a, b } = combo;
  const S = pr.S;
  if (pr.attFixed[a * S + s] || pr.attFixed[b * S + s]) return false;
  if (pr.attMax[a]! - pr.attFixedCount[a]! <= 0 || pr.attMax[b]! - pr.attFixedCount[b]! <= 0) return false;
  if (!combo.online && pr.tableCap[s]! <= 0) return false;
  if (combo.interps && !combo.interps.some((i) => pr.interpOpen[i * S + s] === 1)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Plan: the mutable state the passes work on.
// ---------------------------------------------------------------------------------------------

const FREE = -1;
/** An attendee's fixed meeting, or an interpreter fixed or off duty: never moved. */
const LOCKED = -2;
const EPSILON = 1e-9;

class Plan {
  readonly S: number;
  readonly pSlot: Int32Array;
  readonly pCombo: Int32Array;
  readonly pInterp: Int32Array;
  /** Pair index per attendee and slot, FREE or LOCKED. */
  readonly attAt: Int32Array;
  readonly attCount: Int32Array;
  readonly onsite: Int32Array;
  /** Interpreted meetings per slot, and interpreters on duty and not fixed: when equal, no path can exist. */
  readonly interpreted: Int32Array;
  readonly interpretersOpen: Int32Array;
  /** Pair index per interpreter and slot, FREE or LOCKED. */
  readonly interpAt: Int32Array;
  readonly orgCount: Int32Array;
  /** Placed pairs per slot, in placing order. */
  readonly slotMembers: Set<number>[];
  coverage = 0;
  score = 0;
  /** Steps taken (option checks and augmenting-path visits): the improvement pass's budget. */
  work = 0;
  /** Undo log: a placement to take back (c = FREE), or a removal to restore at (c, s). */
  private readonly log: { p: number; c: number; s: number }[] = [];
  private readonly seen: Int32Array;
  private stamp = 0;

  constructor(readonly pr: Problem) {
    const S = (this.S = pr.S);
    const P = pr.pairs.length;
    this.pSlot = new Int32Array(P).fill(FREE);
    this.pCombo = new Int32Array(P).fill(FREE);
    this.pInterp = new Int32Array(P).fill(FREE);
    this.attAt = Int32Array.from(pr.attFixed, (f) => (f ? LOCKED : FREE));
    this.attCount = Int32Array.from(pr.attFixedCount);
    this.onsite = new Int32Array(S);
    this.interpreted = new Int32Array(S);
    this.interpretersOpen = new Int32Array(S);
    pr.interpOpen.forEach((open, k) => (this.interpretersOpen[k % S]! += open));
    this.interpAt = Int32Array.from(pr.interpOpen, (open) => (open ? FREE : LOCKED));
    this.orgCount = Int32Array.from(pr.orgFixed);
    this.coverage = this.orgCount.reduce((n, c) => n + (c > 0 ? 1 : 0), 0);
    this.slotMembers = Array.from({ length: S }, () => new Set<number>());
    this.seen = new Int32Array(pr.interpreterIds.length);
  }

  isPlaced(p: number): boolean {
    return this.pSlot[p]! !== FREE;
  }

  fits(p: number, c: number, s: number): boolean {
    this.work++;
    const combo = this.pr.pairs[p]!.combos[c]!;
    const { a, b } = combo;
    const S = this.S;
    if (this.attAt[a * S + s] !== FREE || this.attAt[b * S + s] !== FREE) return false;
    if (this.attCount[a]! >= this.pr.attMax[a]! || this.attCount[b]! >= this.pr.attMax[b]!) return false;
    if (!combo.online && this.onsite[s]! >= this.pr.tableCap[s]!) return false;
    if (combo.interps && (this.interpreted[s]! >= this.interpretersOpen[s]! || !this.findInterpreter(s, combo.interps, p, false))) return false;
    return true;
  }

  /** Position in the undo log, to roll back to. */
  mark(): number {
    return this.log.length;
  }

  rollback(mark: number): void {
    while (this.log.length > mark) {
      const { p, c, s } = this.log.pop()!;
      if (c === FREE) this.unplace(p, false);
      else this.place(p, c, s, false);
    }
  }

  /** Drops the undo log once nothing can roll back past this point. */
  forget(): void {
    this.log.length = 0;
  }

  place(p: number, c: number, s: number, record = true): void {
    const pair = this.pr.pairs[p]!;
    const combo = pair.combos[c]!;
    const S = this.S;
    if (combo.interps) {
      if (!this.findInterpreter(s, combo.interps, p, true)) throw new Error(`no interpreter for pair ${pair.key}`);
      this.interpreted[s]!++;
    }
    this.pSlot[p] = s;
    this.pCombo[p] = c;
    this.attAt[combo.a * S + s] = p;
    this.attAt[combo.b * S + s] = p;
    this.attCount[combo.a]!++;
    this.attCount[combo.b]!++;
    if (!combo.online) this.onsite[s]!++;
    this.slotMembers[s]!.add(p);
    this.bumpOrg(pair.orgA, 1);
    this.bumpOrg(pair.orgB, 1);
    this.score += pair.score;
    if (record) this.log.push({ p, c: FREE, s: FREE });
  }

  unplace(p: number, record = true): void {
    const pair = this.pr.pairs[p]!;
    const s = this.pSlot[p]!;
    const c = this.pCombo[p]!;
    const combo = pair.combos[c]!;
    if (record) this.log.push({ p, c, s });
    const S = this.S;
    if (combo.interps) {
      this.interpAt[this.pInterp[p]! * S + s] = FREE;
      this.interpreted[s]!--;
    }
    this.attAt[combo.a * S + s] = FREE;
    this.attAt[combo.b * S + s] = FREE;
    this.attCount[combo.a]!--;
    this.attCount[combo.b]!--;
    if (!combo.online) this.onsite[s]!--;
    this.slotMembers[s]!.delete(p);
    this.bumpOrg(pair.orgA, -1);
    this.bumpOrg(pair.orgB, -1);
    this.score -= pair.score;
    this.pSlot[p] = FREE;
    this.pCombo[p] = FREE;
    this.pInterp[p] = FREE;
  }

  freeInterpreters(s: number, interps: Int32Array): number {
    let n = 0;
    for (const i of interps) if (this.interpAt[i * this.S + s] === FREE) n++;
    return n;
  }

  /**
   * Kuhn's augmenting path over the slot's interpreted meetings: finds (and with `apply`, takes) an
   * interpreter for `owner`, moving other meetings to other interpreters they accept if needed.
   */
  findInterpreter(s: number, interps: Int32Array, owner: number, apply: boolean): boolean {
    this.stamp++;
    return this.augment(s, interps, owner, apply);
  }

  private augment(s: number, interps: Int32Array, owner: number, apply: boolean): boolean {
    const S = this.S;
    this.work++;
    for (const i of interps) {
      if (this.seen[i] !== this.stamp && this.interpAt[i * S + s] === FREE) return this.take(i, s, owner, apply);
    }
    for (const i of interps) {
      const holder = this.interpAt[i * S + s]!;
      if (this.seen[i] === this.stamp || holder < 0) continue;
      this.seen[i] = this.stamp;
      const holderInterps = this.pr.pairs[holder]!.combos[this.pCombo[holder]!]!.interps!;
      if (this.augment(s, holderInterps, holder, apply)) return this.take(i, s, owner, apply);
    }
    return false;
  }

  private take(i: number, s: number, owner: number, apply: boolean): boolean {
    this.seen[i] = this.stamp;
    if (apply) {
      this.interpAt[i * this.S + s] = owner;
      this.pInterp[owner] = i;
    }
    return true;
  }

  private bumpOrg(o: number, delta: number) {
    const before = this.orgCount[o]!;
    this.orgCount[o] = before + delta;
    if (before === 0 && delta > 0) this.coverage++;
    if (before + delta === 0 && delta < 0) this.coverage--;
  }
}

// ---------------------------------------------------------------------------------------------
// Insertion: the cheapest option that fits now.
// ---------------------------------------------------------------------------------------------

/**
 * Lower is better. An option that needs no interpreter beats one that does, then no table beats a
 * table (both are the scarce resources), then the slot with most of that resource still free, so
 * that later pairs find room; then the less busy attendee of a two-person organisation.
 */
function optionCost(plan: Plan, combo: Combo, s: number): number {
  const pr = plan.pr;
  let cost = 0;
  if (combo.interps) cost += 4 - plan.freeInterpreters(s, combo.interps) / (combo.interps.length + 1);
  if (!combo.online) cost += 2 - (pr.tableCap[s]! - plan.onsite[s]!) / (pr.tableCap[s]! + 1);
  cost += (plan.attCount[combo.a]! + plan.attCount[combo.b]!) * 1e-3;
  return cost;
}

/** The cheapest option of `p` that fits now, of class `maxClass` at most. */
function bestOption(plan: Plan, p: number, maxClass = NEVER): { c: number; s: number } | null {
  const pr = plan.pr;
  const S = plan.S;
  const combos = pr.pairs[p]!.combos;
  let best: { c: number; s: number } | null = null;
  let bestCost = Infinity;
  for (let c = 0; c < combos.length; c++) {
    const combo = combos[c]!;
    const { a, b } = combo;
    if (comboClass(combo) > maxClass) continue;
    if (plan.attCount[a]! >= pr.attMax[a]! || plan.attCount[b]! >= pr.attMax[b]!) continue;
    for (const s of combo.slots) {
      plan.work++;
      if (plan.attAt[a * S + s] !== FREE || plan.attAt[b * S + s] !== FREE) continue;
      if (!combo.online && plan.onsite[s]! >= pr.tableCap[s]!) continue;
      if (combo.interps && plan.interpreted[s]! >= plan.interpretersOpen[s]!) continue;
      // The cost first: the augmenting-path search is only worth running for a better option.
      const cost = optionCost(plan, combo, s);
      if (cost >= bestCost - EPSILON) continue;
      if (combo.interps && !plan.findInterpreter(s, combo.interps, p, false)) continue;
      bestCost = cost;
      best = { c, s };
    }
  }
  return best;
}

function insert(plan: Plan, p: number): boolean {
  const option = bestOption(plan, p);
  if (!option) return false;
  plan.place(p, option.c, option.s);
  return true;
}

/** Best score first; equal scores by key, so the order never depends on the input's order. */
function byScore(pr: Problem) {
  return (x: number, y: number) => pr.pairs[y]!.score - pr.pairs[x]!.score || compareKeys(pr.pairs[x]!.key, pr.pairs[y]!.key);
}

function compareKeys(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Passes 1 and 2.
// ---------------------------------------------------------------------------------------------

/**
 * What an option costs in scarce resources: 0 online without interpreter, 1 at a table, 2 online
 * with an interpreter, 3 at a table with an interpreter. Interpreters are the scarcest.
 */
function comboClass(combo: Combo): number {
  return (combo.interps ? 2 : 0) + (combo.online ? 0 : 1);
}

const NEVER = 4;

/** The cheapest class of option each pair could ever be held in; NEVER when it has none. */
function pairClasses(pr: Problem): Int8Array {
  return Int8Array.from(pr.pairs, (pair) => {
    let best = NEVER;
    for (const combo of pair.combos) if (comboClass(combo) < best && combo.slots.some((s) => optionIsOpen(pr, combo, s))) best = comboClass(combo);
    return best;
  });
}

/** Organisations with pairs, those with the fewest pairs that can ever be held first. */
function organisationsByConstraint(pr: Problem, pairClass: Int8Array): number[] {
  const openPairs = pr.orgPairs.map((ps) => ps.filter((p) => pairClass[p]! < NEVER).length);
  return pr.orgIds
    .map((_, o) => o)
    .filter((o) => pr.orgPairs[o]!.length > 0)
    .sort((x, y) => openPairs[x]! - openPairs[y]! || pr.orgPairs[x]!.length - pr.orgPairs[y]!.length || pr.orgIds[x]! - pr.orgIds[y]!);
}

function partnerOf(pr: Problem, p: number, o: number): number {
  const pair = pr.pairs[p]!;
  return pair.orgA === o ? pair.orgB : pair.orgA;
}

/**
 * Fairness first: meet as many organisations as possible before spending resources on score.
 * Without an interpreter first, then with one (a table is rarely what runs out): meetings between
 * two organisations that have none yet, then one meeting for each organisation still without.
 * Scarce interpreters thus go first to meetings that meet two organisations that cannot meet
 * without one.
 */
function fairnessPass(plan: Plan, orgOrder: number[], pairClass: Int8Array) {
  for (const maxClass of [1, 3]) {
    coverTwo(plan, maxClass, pairClass);
    coverOne(plan, orgOrder, maxClass, pairClass);
  }
}

/**
 * A matching among organisations without a meeting, by the Karp–Sipser rule with weights: an
 * organisation with a single partner left is matched to it at once (that never costs the matching
 * its size); otherwise the best-scoring pair between two organisations without a meeting.
 */
function coverTwo(plan: Plan, maxClass: number, pairClass: Int8Array) {
  const pr = plan.pr;
  const O = pr.orgIds.length;
  const eligible = (p: number, o: number) => {
    const x = partnerOf(pr, p, o);
    return x !== o && !plan.isPlaced(p) && pairClass[p]! <= maxClass && plan.orgCount[o] === 0 && plan.orgCount[x] === 0;
  };
  /** Per organisation without a meeting: its pairs to others without one. */
  const degree = new Int32Array(O);
  for (let o = 0; o < O; o++) for (const p of pr.orgPairs[o]!) if (eligible(p, o)) degree[o]!++;
  const cover = (p: number) => {
    const option = bestOption(plan, p, maxClass);
    if (!option) return false;
    const { orgA, orgB } = pr.pairs[p]!;
    // Their partners lose a partner without a meeting.
    for (const u of [orgA, orgB]) for (const q of pr.orgPairs[u]!) if (q !== p && eligible(q, u)) degree[partnerOf(pr, q, u)]!--;
    plan.place(p, option.c, option.s);
    return true;
  };
  const sorted = pr.pairs.map((_, p) => p).sort(byScore(pr));
  const singleTried = new Uint8Array(O);
  let next = 0;
  for (;;) {
    let single = -1;
    for (let u = 0; u < O && single < 0; u++) if (!singleTried[u] && plan.orgCount[u] === 0 && degree[u] === 1) single = u;
    if (single >= 0) {
      singleTried[single] = 1;
      const p = pr.orgPairs[single]!.find((q) => eligible(q, single));
      if (p !== undefined) cover(p);
      continue;
    }
    while (next < sorted.length && !eligible(sorted[next]!, pr.pairs[sorted[next]!]!.orgA)) next++;
    if (next >= sorted.length) return;
    cover(sorted[next++]!);
  }
}

function coverOne(plan: Plan, orgOrder: number[], maxClass: number, pairClass: Int8Array) {
  const order = byScore(plan.pr);
  for (const o of orgOrder) {
    if (plan.orgCount[o]! > 0) continue;
    const candidates = plan.pr.orgPairs[o]!.filter((p) => !plan.isPlaced(p) && pairClass[p]! <= maxClass).sort(order);
    for (const p of candidates) {
      const option = bestOption(plan, p, maxClass);
      if (!option) continue;
      plan.place(p, option.c, option.s);
      break;
    }
  }
}

function greedyPass(plan: Plan, pairOrder: number[]) {
  for (const p of pairOrder) if (!plan.isPlaced(p)) insert(plan, p);
}

// ---------------------------------------------------------------------------------------------
// Pass 3: alternating chains.
// ---------------------------------------------------------------------------------------------

interface Chain {
  plan: Plan;
  /** 'cover': one more organisation met; 'score': a higher score, no organisation losing its meeting. */
  goal: 'cover' | 'score';
  baseCoverage: number;
  baseScore: number;
  /** The search stops when `plan.work` reaches this. */
  workLimit: number;
  /** Meetings tried as the one to displace for a shared resource. */
  candidates: number;
}

function exhausted(chain: Chain): boolean {
  return chain.plan.work >= chain.workLimit;
}

function improved(chain: Chain): boolean {
  const { plan } = chain;
  const met = plan.coverage - chain.baseCoverage;
  if (chain.goal === 'cover') return met > 0;
  return met > 0 || (met === 0 && plan.score > chain.baseScore + EPSILON);
}

/**
 * Places pair `p`, displacing what stands in the way of one of its options: the attendees' own
 * meetings in that slot, and if the option still does not fit, one holder of the resource it lacks.
 * Displaced meetings move elsewhere if they can. If one organisation is left without a meeting,
 * the chain goes on from it, one of its pairs taking the next step — an alternating path, as in
 * bipartite matching, where each organisation is visited once (`visited`). Keeps the plan and
 * returns true at the first improvement; otherwise leaves the plan as it found it.
 */
function extendChain(chain: Chain, p: number, depth: number, visited: Uint8Array): boolean {
  const { plan } = chain;
  const pr = plan.pr;
  const S = plan.S;
  const start = plan.mark();
  if (insert(plan, p)) {
    if (improved(chain)) return true;
    plan.rollback(start);
    return false;
  }
  if (depth === 0) return false;
  const combos = pr.pairs[p]!.combos;
  for (let c = 0; c < combos.length; c++) {
    const combo = combos[c]!;
    for (const s of combo.slots) {
      if (exhausted(chain)) return false;
      if (!optionIsOpen(pr, combo, s)) continue;
      const forced: number[] = [];
      for (const who of [combo.a, combo.b]) {
        const holder = plan.attAt[who * S + s]!;
        if (holder >= 0 && !forced.includes(holder)) forced.push(holder);
      }
      for (const m of forced) plan.unplace(m);
      const choices: (number | null)[] = plan.fits(p, c, s) ? [null] : holdersInTheWay(chain, combo, s);
      for (const choice of choices) {
        const mark = plan.mark();
        if (choice !== null) plan.unplace(choice);
        if (plan.fits(p, c, s)) {
          plan.place(p, c, s);
          const displaced = choice === null ? forced : [...forced, choice];
          for (const m of [...displaced].sort(byScore(pr))) insert(plan, m);
          if (improved(chain)) return true;
          const stranded = [...new Set(displaced.flatMap((m) => [pr.pairs[m]!.orgA, pr.pairs[m]!.orgB]))].filter((o) => plan.orgCount[o] === 0);
          const y = stranded[0];
          if (stranded.length === 1 && depth > 1 && !visited[y!]) {
            visited[y!] = 1;
            const next = pr.orgPairs[y!]!.filter((q) => !plan.isPlaced(q)).sort(byScore(pr));
            for (const q of next) if (extendChain(chain, q, depth - 1, visited)) return true;
          }
        }
        plan.rollback(mark);
      }
      plan.rollback(start);
    }
  }
  return false;
}

/**
 * When the attendees are free but the option still does not fit, the meetings one of which must go:
 * an attendee's meetings when at the limit, the slot's onsite meetings when its tables are taken,
 * the holders of interpreters the pair could use. Those whose organisations keep another meeting
 * first, cheapest first; at most `candidates` of each kind.
 */
function holdersInTheWay(chain: Chain, combo: Combo, s: number): number[] {
  const { plan } = chain;
  const pr = plan.pr;
  const S = plan.S;
  let holders: number[] = [];
  for (const who of [combo.a, combo.b]) {
    if (plan.attCount[who]! < pr.attMax[who]!) continue;
    for (let t = 0; t < S; t++) if (plan.attAt[who * S + t]! >= 0) holders.push(plan.attAt[who * S + t]!);
  }
  if (holders.length === 0 && !combo.online && plan.onsite[s]! >= pr.tableCap[s]!) {
    holders = [...plan.slotMembers[s]!].filter((q) => !pr.pairs[q]!.combos[plan.pCombo[q]!]!.online);
  }
  if (holders.length === 0 && combo.interps) {
    for (const i of combo.interps) if (plan.interpAt[i * S + s]! >= 0) holders.push(plan.interpAt[i * S + s]!);
  }
  const cheapestFirst = [...new Set(holders)].sort(byScore(pr)).reverse();
  const spare = cheapestFirst.filter((q) => plan.orgCount[pr.pairs[q]!.orgA]! > 1 && plan.orgCount[pr.pairs[q]!.orgB]! > 1);
  return [...new Set([...spare.slice(0, chain.candidates), ...cheapestFirst.slice(0, chain.candidates)])];
}

/**
 * Alternating chains, first for every organisation still without a meeting, then for every
 * unplaced pair, best first; rounds until one changes nothing or the work budget is spent.
 */
function chainPass(plan: Plan, orgOrder: number[], pairOrder: number[], options: Required<SchedulerOptions>) {
  const pr = plan.pr;
  const chain: Chain = { plan, goal: 'cover', baseCoverage: 0, baseScore: 0, workLimit: plan.work + options.chainBudget, candidates: options.chainCandidates };
  const visited = new Uint8Array(pr.orgIds.length);
  const attempt = (p: number, goal: Chain['goal'], depth: number, from: number[]) => {
    chain.goal = goal;
    chain.baseCoverage = plan.coverage;
    chain.baseScore = plan.score;
    visited.fill(0);
    for (const o of from) visited[o] = 1;
    const done = extendChain(chain, p, depth, visited);
    plan.forget();
    return done;
  };
  for (let round = 0; round < options.chainRounds && !exhausted(chain); round++) {
    let changed = false;
    for (const o of orgOrder) {
      if (plan.orgCount[o]! > 0) continue;
      for (const p of pr.orgPairs[o]!.filter((q) => !plan.isPlaced(q)).sort(byScore(pr))) {
        if (attempt(p, 'cover', options.coverPathLength, [o])) {
          changed = true;
          break;
        }
      }
    }
    for (const p of pairOrder) {
      if (plan.isPlaced(p)) continue;
      if (attempt(p, 'score', options.scorePathLength, [pr.pairs[p]!.orgA, pr.pairs[p]!.orgB])) changed = true;
    }
    if (!changed) break;
  }
}

// ---------------------------------------------------------------------------------------------
// Pass 4: ruin and recreate.
// ---------------------------------------------------------------------------------------------


interface Removed {
  p: number;
  c: number;
  s: number;
}

function removeMeeting(plan: Plan, p: number, into: Removed[]) {
  into.push({ p, c: plan.pCombo[p]!, s: plan.pSlot[p]! });
  plan.unplace(p);
}

/**
 * Takes some meetings out, by one of four moves drawn at random: what stands in the way of an
 * organisation still without a meeting; the meetings around a random organisation; the
 * interpreted meetings of one slot; a few meetings of one slot. Returns what was taken and the
 * organisations whose pairs should be offered the room.
 */
function ruin(plan: Plan, random: () => number, uncovered: number[]): { removed: Removed[]; focus: number[] } {
  const pr = plan.pr;
  const removed: Removed[] = [];
  const focus: number[] = [];
  const draw = random();
  if (uncovered.length > 0 && draw < 0.4) {
    const o = uncovered[Math.floor(random() * uncovered.length)]!;
    focus.push(o);
    clearWayFor(plan, o, random, removed);
  } else if (draw < 0.88) {
    ruinCluster(plan, random, removed, focus);
  } else if (draw < 0.94) {
    const s = Math.floor(random() * plan.S);
    for (const p of [...plan.slotMembers[s]!]) if (pr.pairs[p]!.combos[plan.pCombo[p]!]!.interps) removeMeeting(plan, p, removed);
  } else {
    const s = Math.floor(random() * plan.S);
    const members = [...plan.slotMembers[s]!];
    const take = Math.min(members.length, 4 + Math.floor(random() * 8));
    for (let k = 0; k < take; k++) {
      const j = Math.floor(random() * members.length);
      removeMeeting(plan, members[j]!, removed);
      members[j] = members[members.length - 1]!;
      members.pop();
    }
  }
  for (const r of removed) focus.push(pr.pairs[r.p]!.orgA, pr.pairs[r.p]!.orgB);
  return { removed, focus };
}

/**
 * The score lost to fairness hides in alternating cycles — A meets B and C meets D where A–D and
 * C–B would score more — among organisations linked by pairs. Takes out the meetings of a few
 * such neighbours at once, breadth first from a random organisation.
 */
function ruinCluster(plan: Plan, random: () => number, removed: Removed[], focus: number[]) {
  const pr = plan.pr;
  const want = 4 + Math.floor(random() * 8);
  const seen = new Set<number>([Math.floor(random() * pr.orgIds.length)]);
  const queue = [...seen];
  while (queue.length > 0 && removed.length < want) {
    const u = queue.shift()!;
    focus.push(u);
    for (const p of pr.orgPairs[u]!) {
      if (plan.isPlaced(p) && removed.length < want) removeMeeting(plan, p, removed);
      const x = partnerOf(pr, p, u);
      if (!seen.has(x) && random() < 0.5) {
        seen.add(x);
        queue.push(x);
      }
    }
  }
}

/**
 * Takes out what stands in the way of one option of one of `o`'s pairs, chosen at random: the
 * attendees' meetings in that slot, a meeting holding an interpreter the pair could use, a meeting
 * at a table, a meeting of an attendee at their limit.
 */
function clearWayFor(plan: Plan, o: number, random: () => number, removed: Removed[]) {
  const pr = plan.pr;
  const S = plan.S;
  const options: { combo: Combo; s: number }[] = [];
  for (const p of pr.orgPairs[o]!) for (const combo of pr.pairs[p]!.combos) for (const s of combo.slots) if (optionIsOpen(pr, combo, s)) options.push({ combo, s });
  if (options.length === 0) return;
  const { combo, s } = options[Math.floor(random() * options.length)]!;
  const takeOne = (list: number[]) => {
    const live = list.filter((q) => plan.isPlaced(q));
    if (live.length > 0) removeMeeting(plan, live[Math.floor(random() * live.length)]!, removed);
  };
  for (const x of [combo.a, combo.b]) {
    const holder = plan.attAt[x * S + s]!;
    if (holder >= 0) removeMeeting(plan, holder, removed);
  }
  for (const x of [combo.a, combo.b]) {
    if (plan.attCount[x]! < pr.attMax[x]!) continue;
    const mine: number[] = [];
    for (let t = 0; t < S; t++) if (plan.attAt[x * S + t]! >= 0) mine.push(plan.attAt[x * S + t]!);
    takeOne(mine);
  }
  if (combo.interps && plan.interpreted[s]! >= plan.interpretersOpen[s]!) {
    takeOne(Array.from(combo.interps, (i) => plan.interpAt[i * S + s]!).filter((q) => q >= 0));
  }
  if (!combo.online && plan.onsite[s]! >= pr.tableCap[s]!) {
    takeOne([...plan.slotMembers[s]!].filter((q) => !pr.pairs[q]!.combos[plan.pCombo[q]!]!.online));
  }
}

/**
 * Re-inserts candidates: first those meeting two organisations without a meeting, then one, then
 * the rest, each group by score with a little noise so that repeated tries differ.
 */
function recreate(plan: Plan, candidates: number[], random: () => number): void {
  const pr = plan.pr;
  const noisy = Float64Array.from(candidates, (p) => pr.pairs[p]!.score * (0.85 + 0.3 * random()));
  const order = Array.from(candidates, (_, k) => k)
    .sort((x, y) => noisy[y]! - noisy[x]! || candidates[x]! - candidates[y]!)
    .map((k) => candidates[k]!);
  // A pair that did not fit will not fit later in the same pass: the plan only fills up.
  const tried = new Set<number>();
  for (const need of [2, 1, 0]) {
    for (const p of order) {
      if (plan.isPlaced(p) || tried.has(p)) continue;
      const pair = pr.pairs[p]!;
      const gain = (plan.orgCount[pair.orgA] === 0 ? 1 : 0) + (plan.orgCount[pair.orgB] === 0 && pair.orgB !== pair.orgA ? 1 : 0);
      if (gain < need) continue;
      tried.add(p);
      insert(plan, p);
    }
  }
}

function ruinAndRecreate(plan: Plan, options: Required<SchedulerOptions>) {
  const pr = plan.pr;
  const random = mulberry32(options.seed);
  const limit = plan.work + options.searchBudget;
  const hasPairs = pr.orgPairs.map((ps) => ps.some((p) => pr.pairs[p]!.combos.some((c) => c.slots.some((s) => optionIsOpen(pr, c, s)))));
  const uncovered = () => pr.orgIds.map((_, o) => o).filter((o) => hasPairs[o] && plan.orgCount[o] === 0);
  let open = uncovered();
  // Per slot, the pairs that could ever meet in it, best first: a slot's freed resources may suit
  // pairs that have nothing to do with the meetings taken out.
  const slotPairs: number[][] = Array.from({ length: plan.S }, () => []);
  for (const p of pr.pairs.map((_, p) => p).sort(byScore(pr))) {
    const slots = new Set<number>();
    for (const combo of pr.pairs[p]!.combos) for (const s of combo.slots) if (optionIsOpen(pr, combo, s)) slots.add(s);
    for (const s of slots) slotPairs[s]!.push(p);
  }
  const start = plan.work;
  let best = snapshot(plan);
  // A small session needs fewer tries than the cap: about forty per pair.
  const iterations = Math.min(options.searchIterations, 1000 + 40 * pr.pairs.length);
  for (let iteration = 0; iteration < iterations && plan.work < limit; iteration++) {
    const coverage = plan.coverage;
    const score = plan.score;
    plan.forget();
    const { removed, focus } = ruin(plan, random, open);
    if (removed.length === 0 && focus.length === 0) continue;
    const candidates = new Set(removed.map((r) => r.p));
    for (const o of new Set([...focus, ...open])) for (const p of pr.orgPairs[o]!) if (!plan.isPlaced(p)) candidates.add(p);
    for (const s of new Set(removed.map((r) => r.s))) {
      let n = 0;
      for (const p of slotPairs[s]!) {
        if (n >= options.slotCandidates) break;
        if (!plan.isPlaced(p) && !candidates.has(p)) {
          candidates.add(p);
          n++;
        }
      }
    }
    recreate(plan, [...candidates], random);
    const progress = Math.max(iteration / iterations, (plan.work - start) / options.searchBudget);
    const temperature = options.temperature * (1 - progress);
    const loss = score - plan.score;
    if (plan.coverage > coverage || (plan.coverage === coverage && (loss <= EPSILON || (temperature > 0 && random() < Math.exp(-loss / temperature))))) {
      if (plan.coverage !== coverage) open = uncovered();
      if (plan.coverage > best.coverage || (plan.coverage === best.coverage && plan.score > best.score + EPSILON)) best = snapshot(plan);
      continue;
    }
    plan.rollback(0);
  }
  plan.forget();
  restore(plan, best);
}

interface Snapshot {
  coverage: number;
  score: number;
  slot: Int32Array;
  combo: Int32Array;
}

function snapshot(plan: Plan): Snapshot {
  return { coverage: plan.coverage, score: plan.score, slot: plan.pSlot.slice(), combo: plan.pCombo.slice() };
}

/** Back to a snapshot: interpreters are re-matched on the way, which always succeeds for a plan that held. */
function restore(plan: Plan, to: Snapshot) {
  for (let p = 0; p < to.slot.length; p++) if (plan.isPlaced(p) && (plan.pSlot[p] !== to.slot[p] || plan.pCombo[p] !== to.combo[p])) plan.unplace(p, false);
  for (let p = 0; p < to.slot.length; p++) if (!plan.isPlaced(p) && to.slot[p]! >= 0) plan.place(p, to.combo[p]!, to.slot[p]!, false);
}

// ---------------------------------------------------------------------------------------------
// Reasons for pairs left out.
// ---------------------------------------------------------------------------------------------

/**
 * The most specific reason: filters from the fixed facts of the session (people, availability,
 * interpreters, tables, limits) to what the plan took, and names the first one that empties the set
 * of options.
 */
function explain(plan: Plan, p: number): { reason: UnplacedReason; detail: string } {
  const pr = plan.pr;
  const S = plan.S;
  const pair = pr.pairs[p]!;
  const missing = [pair.orgA, pair.orgB].filter((o) => pr.orgAttendees[o]!.length === 0).map((o) => pr.orgIds[o]!);
  if (missing.length > 0) {
    return { reason: 'no-attendee', detail: `Organisation ${[...new Set(missing)].join(' and ')} has no attendee.` };
  }
  type Option = { combo: Combo; s: number };
  let options: Option[] = pair.combos.flatMap((combo) => Array.from(combo.slots, (s) => ({ combo, s })));
  if (options.length === 0) return { reason: 'no-common-slot', detail: 'The attendees have no available slot in common.' };

  const langs = (combo: Combo) => `${pr.attLanguages[combo.a]!.join('/')}–${pr.attLanguages[combo.b]!.join('/')}`;
  const interpreterOpen = ({ combo, s }: Option) => !combo.interps || combo.interps.some((i) => pr.interpOpen[i * S + s] === 1);
  const withInterpreter = options.filter(interpreterOpen);
  if (withInterpreter.length === 0) {
    const combo = options[0]!.combo;
    return { reason: 'no-interpreter', detail: `No interpreter for ${langs(combo)} works in a slot both attendees can attend.` };
  }
  options = withInterpreter;

  const withTable = options.filter(({ combo, s }) => combo.online || pr.tableCap[s]! > 0);
  if (withTable.length === 0) {
    const wouldJoinOnline = options.some(({ combo }) => pr.attendees[combo.a]!.online || pr.attendees[combo.b]!.online);
    const online = wouldJoinOnline ? 'this session holds no online meetings' : 'neither attendee joins online';
    return { reason: 'no-table', detail: `No table is open in a slot both attendees can attend, and ${online}.` };
  }
  options = withTable;

  const underLimit = options.filter(({ combo }) => plan.attCount[combo.a]! < pr.attMax[combo.a]! && plan.attCount[combo.b]! < pr.attMax[combo.b]!);
  if (underLimit.length === 0) {
    const full = [...new Set(options.flatMap(({ combo }) => [combo.a, combo.b]))]
      .filter((x) => plan.attCount[x]! >= pr.attMax[x]!)
      .sort((x, y) => x - y)
      .map((x) => `attendee ${pr.attendees[x]!.id} has ${plan.attCount[x]} of ${pr.attMax[x]}`);
    return { reason: 'meeting-limit', detail: `The attendees are at their meeting limit (${full.join('; ')}).` };
  }
  options = underLimit;

  const bothFree = options.filter(({ combo, s }) => plan.attAt[combo.a * S + s] === FREE && plan.attAt[combo.b * S + s] === FREE);
  if (bothFree.length === 0) return { reason: 'no-common-slot', detail: 'Every slot both attendees can attend is taken by their other meetings.' };

  const slotsOf = (list: Option[]) => new Set(list.map((o) => o.s)).size;
  const noTable = bothFree.filter(({ combo, s }) => !combo.online && plan.onsite[s]! >= pr.tableCap[s]!);
  const noInterpreter = bothFree.filter(({ combo, s }) => combo.interps !== null && !plan.findInterpreter(s, combo.interps, p, false));
  const free = slotsOf(bothFree);
  const where = `the ${free} slot${free === 1 ? '' : 's'} that would suit both attendees`;
  // A slot lacking both counts for both; the reason is the resource that blocks more options.
  if (noInterpreter.length === bothFree.length || (noTable.length < bothFree.length && noInterpreter.length >= noTable.length)) {
    const combo = noInterpreter[0]?.combo ?? bothFree[0]!.combo;
    const detail =
      noTable.length === 0
        ? `Every interpreter for ${langs(combo)} is taken in ${where}.`
        : `In ${where}, ${slotsOf(noInterpreter)} have no free interpreter for ${langs(combo)} and ${slotsOf(noTable)} no free table.`;
    return { reason: 'no-interpreter', detail };
  }
  const detail =
    noInterpreter.length === 0
      ? `Every table is taken in ${where}.`
      : `In ${where}, ${slotsOf(noTable)} have no free table and ${slotsOf(noInterpreter)} no free interpreter.`;
  return { reason: 'no-table', detail };
}

// ---------------------------------------------------------------------------------------------
// The scheduler.
// ---------------------------------------------------------------------------------------------

/** Numbers the tables: in each slot, the session's free tables in id order to meetings in key order. */
function assignTables(plan: Plan): Map<number, number> {
  const tableOf = new Map<number, number>();
  for (let s = 0; s < plan.S; s++) {
    const onsite = [...plan.slotMembers[s]!]
      .filter((p) => !plan.pr.pairs[p]!.combos[plan.pCombo[p]!]!.online)
      .sort((x, y) => compareKeys(plan.pr.pairs[x]!.key, plan.pr.pairs[y]!.key));
    onsite.forEach((p, j) => tableOf.set(p, plan.pr.freeTables[s]![j]!));
  }
  return tableOf;
}

export function scheduleMeetings(input: ScheduleInput, options: SchedulerOptions = {}): ScheduleResult {
  const opts = { ...DEFAULT_SCHEDULER_OPTIONS, ...options };
  const pr = buildProblem(input);
  const plan = new Plan(pr);
  const pairOrder = pr.pairs.map((_, p) => p).sort(byScore(pr));
  const pairClass = pairClasses(pr);
  const orgOrder = organisationsByConstraint(pr, pairClass);

  fairnessPass(plan, orgOrder, pairClass);
  greedyPass(plan, pairOrder);
  plan.forget();
  // Nothing to improve when every pair that could ever meet already does.
  if (pairOrder.some((p) => !plan.isPlaced(p) && pairClass[p]! < NEVER)) {
    chainPass(plan, orgOrder, pairOrder, opts);
    ruinAndRecreate(plan, opts);
    // Moves may have left room that no single pair needed a move for.
    greedyPass(plan, pairOrder);
  }

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
  const unplaced: Unplaced[] = pr.pairs
    .map((pair, p) => ({ pair, p }))
    .filter(({ p }) => !plan.isPlaced(p))
    .map(({ pair, p }) => ({ pairKey: pair.key, ...explain(plan, p) }));
  const totalScore = placed.reduce((sum, p) => sum + pr.pairs[p]!.score, 0);
  return { placements, unplaced, totalScore };
}
