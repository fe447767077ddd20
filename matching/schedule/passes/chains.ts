/**
 * Pass 3: alternating chains (as augmenting paths in bipartite matching). An organisation without a
 * meeting, then each unplaced pair, takes the place of a meeting in its way; the displaced meeting
 * moves elsewhere if it can, and if that leaves an organisation without a meeting the chain goes on
 * from it. A chain is kept only when it meets more organisations, or as many with a higher score.
 */
import { EPSILON as PLAN_EPSILON, type Plan } from '../plan.ts';
import { optionIsOpen, type Combo } from '../problem.ts';
import type { SchedulerOptions } from '../scheduler.ts';
import { byScore, insert } from './insert.ts';

// Module-level copies: under tsx an imported binding is a getter call, and these sit in the hottest loops.
const EPSILON = PLAN_EPSILON;

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
  /** Each pair's position in the order by score (best first): sorting by it is sorting by score. */
  rank: Int32Array;
}

// Module-level copy: under tsx an imported binding is a getter call, and this sits in the hottest loop.
const isOpen = optionIsOpen;

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
  const { rank } = chain;
  const byRank = (x: number, y: number) => rank[x]! - rank[y]!;
  for (let c = 0; c < combos.length; c++) {
    const combo = combos[c]!;
    const slots = combo.slots;
    for (let k = 0; k < slots.length; k++) {
      const s = slots[k]!;
      if (exhausted(chain)) return false;
      if (!isOpen(pr, combo, s)) continue;
      // The attendees' own meetings in the slot go first (one meeting when they meet each other).
      const holderA = plan.attAt[combo.a * S + s]!;
      let holderB = plan.attAt[combo.b * S + s]!;
      if (holderB === holderA) holderB = -1;
      if (holderA >= 0) plan.unplace(holderA);
      if (holderB >= 0) plan.unplace(holderB);
      const choices: number[] = plan.fits(p, c, s) ? NONE : holdersInTheWay(chain, combo, s);
      for (const choice of choices) {
        const mark = plan.mark();
        if (choice >= 0) plan.unplace(choice);
        if (plan.fits(p, c, s)) {
          plan.place(p, c, s);
          const displaced: number[] = [];
          if (holderA >= 0) displaced.push(holderA);
          if (holderB >= 0) displaced.push(holderB);
          if (choice >= 0) displaced.push(choice);
          for (const m of displaced.slice().sort(byRank)) insert(plan, m);
          if (improved(chain)) return true;
          // One organisation left without a meeting: the chain goes on from it.
          let stranded = -1;
          let count = 0;
          for (const m of displaced) {
            for (const o of [pr.pairs[m]!.orgA, pr.pairs[m]!.orgB]) {
              if (plan.orgCount[o] !== 0 || o === stranded) continue;
              if (count === 0) stranded = o;
              count++;
            }
          }
          if (count === 1 && depth > 1 && !visited[stranded]) {
            visited[stranded] = 1;
            const next = pr.orgPairs[stranded]!.filter((q) => !plan.isPlaced(q)).sort(byRank);
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

/** The one choice when the pair fits once the attendees' own meetings are out: no further meeting to take. */
const NONE = [-1];

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
  const { rank } = chain;
  const cheapestFirst = [...new Set(holders)].sort((x, y) => rank[y]! - rank[x]!);
  const spare = cheapestFirst.filter((q) => plan.orgCount[pr.pairs[q]!.orgA]! > 1 && plan.orgCount[pr.pairs[q]!.orgB]! > 1);
  return [...new Set([...spare.slice(0, chain.candidates), ...cheapestFirst.slice(0, chain.candidates)])];
}

/**
 * Alternating chains, first for every organisation still without a meeting, then for every
 * unplaced pair, best first; rounds until one changes nothing or the work budget is spent.
 */
export function chainPass(plan: Plan, orgOrder: number[], pairOrder: number[], options: Required<SchedulerOptions>) {
  const pr = plan.pr;
  const rank = new Int32Array(pr.pairs.length);
  pr.pairs
    .map((_, p) => p)
    .sort(byScore(pr))
    .forEach((p, k) => {
      rank[p] = k;
    });
  const chain: Chain = {
    plan,
    goal: 'cover',
    baseCoverage: 0,
    baseScore: 0,
    workLimit: plan.work + options.chainBudget,
    candidates: options.chainCandidates,
    rank,
  };
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
