/**
 * Passes 1 and 2: fairness (meet as many organisations as possible before spending resources on
 * score), then greedy by score.
 */
import type { Plan } from '../plan.ts';
import type { Problem } from '../problem.ts';
import { bestOption, byScore, insert, NEVER, partnerOf } from './insert.ts';

/** Organisations with pairs, those with the fewest pairs that can ever be held first. */
export function organisationsByConstraint(pr: Problem, pairClass: Int8Array): number[] {
  const openPairs = pr.orgPairs.map((ps) => ps.filter((p) => pairClass[p]! < NEVER).length);
  return pr.orgIds
    .map((_, o) => o)
    .filter((o) => pr.orgPairs[o]!.length > 0)
    .sort((x, y) => openPairs[x]! - openPairs[y]! || pr.orgPairs[x]!.length - pr.orgPairs[y]!.length || pr.orgIds[x]! - pr.orgIds[y]!);
}

/**
 * Fairness first: meet as many organisations as possible before spending resources on score.
 * Without an interpreter first, then with one (a table is rarely what runs out): meetings between
 * two organisations that have none yet, then one meeting for each organisation still without.
 * Scarce interpreters thus go first to meetings that meet two organisations that cannot meet
 * without one.
 */
export function fairnessPass(plan: Plan, orgOrder: number[], pairClass: Int8Array) {
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

export function greedyPass(plan: Plan, pairOrder: number[]) {
  for (const p of pairOrder) if (!plan.isPlaced(p)) insert(plan, p);
}
