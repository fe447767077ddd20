/**
 * Pass 4: ruin and recreate. Takes out a few meetings (around an organisation without a meeting,
 * around a random organisation and its partners, or in one slot), puts pairs back greedily, and
 * keeps the result unless it meets fewer organisations or, past a slowly cooling tolerance, scores
 * less. Its neighbourhoods find the swaps of partners around a cycle that fairness-first
 * construction leaves behind.
 */
import { mulberry32 } from '../../random.ts';
import { FREE as PLAN_FREE, EPSILON as PLAN_EPSILON, restore, snapshot, type Plan } from '../plan.ts';
import { optionIsOpen, type Combo } from '../problem.ts';
import type { SchedulerOptions } from '../scheduler.ts';
import { byScore, insert, partnerOf } from './insert.ts';

// Module-level copies: under tsx an imported binding is a getter call, and these sit in the hottest loops.
const EPSILON = PLAN_EPSILON;
const FREE = PLAN_FREE;

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
export function ruin(plan: Plan, random: () => number, uncovered: number[]): { removed: Removed[]; focus: number[] } {
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
  for (const p of pr.orgPairs[o]!)
    for (const combo of pr.pairs[p]!.combos) for (const s of combo.slots) if (optionIsOpen(pr, combo, s)) options.push({ combo, s });
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
export function recreate(plan: Plan, candidates: number[], random: () => number): void {
  const pr = plan.pr;
  const noisy = Float64Array.from(candidates, (p) => pr.pairs[p]!.score * (0.85 + 0.3 * random()));
  const order = Array.from(candidates, (_, k) => k)
    .sort((x, y) => noisy[y]! - noisy[x]! || candidates[x]! - candidates[y]!)
    .map((k) => candidates[k]!);
  // A pair that did not fit will not fit later in the same pass: the plan only fills up.
  const tried = triedMarks(pr.pairs.length);
  const stamp = ++tried.stamp;
  const { pSlot, orgCount } = plan;
  for (let need = 2; need >= 0; need--) {
    for (let k = 0; k < order.length; k++) {
      const p = order[k]!;
      if (pSlot[p] !== FREE || tried.marks[p] === stamp) continue;
      const pair = pr.pairs[p]!;
      const gain = (orgCount[pair.orgA] === 0 ? 1 : 0) + (orgCount[pair.orgB] === 0 && pair.orgB !== pair.orgA ? 1 : 0);
      if (gain < need) continue;
      tried.marks[p] = stamp;
      insert(plan, p);
    }
  }
}

/**
 * Marks of the pairs a recreate tried, by stamp: one array for all the calls of a search instead of
 * a set per call (ruin and recreate runs thousands of them). Only the stamp changes between calls.
 */
let triedCache: { marks: Int32Array; stamp: number } = { marks: new Int32Array(0), stamp: 0 };
function triedMarks(pairs: number) {
  if (triedCache.marks.length < pairs || triedCache.stamp > 2_000_000_000) triedCache = { marks: new Int32Array(pairs), stamp: 0 };
  return triedCache;
}

export function ruinAndRecreate(plan: Plan, options: Required<SchedulerOptions>) {
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
  const pairMark = new Int32Array(pr.pairs.length);
  const orgMark = new Int32Array(pr.orgIds.length);
  const slotMark = new Int32Array(plan.S);
  let candidateStamp = 0;
  // A small session needs fewer tries than the cap: about forty per pair.
  const iterations = Math.min(options.searchIterations, 1000 + 40 * pr.pairs.length);
  for (let iteration = 0; iteration < iterations && plan.work < limit; iteration++) {
    const coverage = plan.coverage;
    const score = plan.score;
    plan.forget();
    const { removed, focus } = ruin(plan, random, open);
    if (removed.length === 0 && focus.length === 0) continue;
    // The candidates in the order first met (the order recreate's noise is drawn in), each once:
    // marks by stamp rather than sets, as this runs thousands of times.
    const stamp = ++candidateStamp;
    const candidates: number[] = [];
    const add = (p: number) => {
      if (pairMark[p] === stamp) return false;
      pairMark[p] = stamp;
      candidates.push(p);
      return true;
    };
    for (const r of removed) add(r.p);
    for (const list of [focus, open]) {
      for (const o of list) {
        if (orgMark[o] === stamp) continue;
        orgMark[o] = stamp;
        for (const p of pr.orgPairs[o]!) if (!plan.isPlaced(p)) add(p);
      }
    }
    for (const r of removed) {
      if (slotMark[r.s] === stamp) continue;
      slotMark[r.s] = stamp;
      let n = 0;
      for (const p of slotPairs[r.s]!) {
        if (n >= options.slotCandidates) break;
        if (!plan.isPlaced(p) && add(p)) n++;
      }
    }
    recreate(plan, candidates, random);
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
