/**
 * Insertion: the cheapest option of a pair that fits the plan now, and the orders every pass shares.
 * Interpreters are the scarcest resource, tables next; an option that needs neither is cheapest.
 */
import { EPSILON as PLAN_EPSILON, FREE as PLAN_FREE, type Plan } from '../plan.ts';
import { optionIsOpen, type Combo, type Problem } from '../problem.ts';

// Module-level copies: under tsx an imported binding is a getter call, and these sit in the hottest loops.
const EPSILON = PLAN_EPSILON;
const FREE = PLAN_FREE;

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
export function bestOption(plan: Plan, p: number, maxClass = NEVER): { c: number; s: number } | null {
  const pr = plan.pr;
  const S = plan.S;
  const combos = pr.pairs[p]!.combos;
  // The plan's arrays in locals: this loop runs for every option of every pair each pass tries.
  const { attAt, onsite, interpreted, interpretersOpen } = plan;
  const tableCap = pr.tableCap;
  let bestC = -1;
  let bestS = -1;
  let bestCost = Infinity;
  for (let c = 0; c < combos.length; c++) {
    const combo = combos[c]!;
    const { a, b, online, interps, slots } = combo;
    if (comboClass(combo) > maxClass) continue;
    if (plan.attCount[a]! >= pr.attMax[a]! || plan.attCount[b]! >= pr.attMax[b]!) continue;
    plan.work += slots.length;
    for (let k = 0; k < slots.length; k++) {
      const s = slots[k]!;
      if (attAt[a * S + s] !== FREE || attAt[b * S + s] !== FREE) continue;
      if (!online && onsite[s]! >= tableCap[s]!) continue;
      if (interps && interpreted[s]! >= interpretersOpen[s]!) continue;
      // The cost first: the augmenting-path search is only worth running for a better option.
      const cost = optionCost(plan, combo, s);
      if (cost >= bestCost - EPSILON) continue;
      if (interps && !plan.findInterpreter(s, interps, p, false)) continue;
      bestCost = cost;
      bestC = c;
      bestS = s;
    }
  }
  return bestC < 0 ? null : { c: bestC, s: bestS };
}

export function insert(plan: Plan, p: number): boolean {
  const option = bestOption(plan, p);
  if (!option) return false;
  plan.place(p, option.c, option.s);
  return true;
}

/** Best score first; equal scores by key, so the order never depends on the input's order. */
export function byScore(pr: Problem) {
  return (x: number, y: number) => pr.pairs[y]!.score - pr.pairs[x]!.score || compareKeys(pr.pairs[x]!.key, pr.pairs[y]!.key);
}

export function compareKeys(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * What an option costs in scarce resources: 0 online without interpreter, 1 at a table, 2 online
 * with an interpreter, 3 at a table with an interpreter. Interpreters are the scarcest.
 */
function comboClass(combo: Combo): number {
  return (combo.interps ? 2 : 0) + (combo.online ? 0 : 1);
}

export const NEVER = 4;

/** The cheapest class of option each pair could ever be held in; NEVER when it has none. */
export function pairClasses(pr: Problem): Int8Array {
  return Int8Array.from(pr.pairs, (pair) => {
    let best = NEVER;
    for (const combo of pair.combos) if (comboClass(combo) < best && combo.slots.some((s) => optionIsOpen(pr, combo, s))) best = comboClass(combo);
    return best;
  });
}

export function partnerOf(pr: Problem, p: number, o: number): number {
  const pair = pr.pairs[p]!;
  return pair.orgA === o ? pair.orgB : pair.orgA;
}
