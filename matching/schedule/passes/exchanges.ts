/**
 * Exchanges along alternating cycles, for score (goal 2), never at the cost of coverage (goal 1).
 * Which pairs meet is, once the slots are set aside, a weighted b-matching: an improvement is an
 * alternating path or cycle — pairs that do not meet taking the place of pairs that do, each
 * organisation on the way giving up one meeting for another, the two ends (if any) gaining one or
 * giving one up. Ruin and recreate finds the short ones; the optimum is often a long one (a dozen
 * organisations with one meeting each, all changing partner), out of its reach. The best such cycle
 * is a negative cycle of the residual graph, which Bellman–Ford finds exactly:
 *
 * - organisations are coloured in two sides along their pairs (Japanese–Mongolian pairs always
 *   are); a pair whose two organisations got the same side is left out of the graph;
 * - a pair that does not meet is an arc from its side-0 organisation to its side-1 one, costing
 *   −score; a pair that meets (not pinned) the reverse arc, costing +score;
 * - a hub stands for "one meeting more or less": arcs hub → side 0 and side 1 → hub for an
 *   organisation with room for one more, side 0 → hub and hub → side 1 for one with two meetings
 *   or more (so no organisation loses its only meeting);
 * - interpreters are the resource the graph cannot otherwise see, and they are usually all taken:
 *   each node exists at LEVELS levels (interpreters taken so far on the cycle, −2…2), a pair that
 *   needs one moves a level up when added and down when taken out, and a cycle must come back to
 *   its level (at the hub it may also leave interpreters freed unused).
 *
 * A cycle found is made on the plan: its meetings out, its pairs in — each into its cheapest
 * option, or else where only meetings that can move stand in its way (its attendees' own, one
 * holding the interpreter or table it lacks), those moved on in turn, two levels deep. It is kept
 * when every pair found a place, the score rose and no organisation lost its last meeting; rolled
 * back otherwise, and then the pair that failed is not offered again until an exchange succeeds.
 * The budget is counted in steps (arc checks, option checks), so the plan never depends on the
 * machine.
 */
import { EPSILON as PLAN_EPSILON, FREE as PLAN_FREE, type Plan } from '../plan.ts';
import { bestOption, NEVER } from './insert.ts';

const EPSILON = PLAN_EPSILON;
const FREE = PLAN_FREE;
/** Interpreters a cycle may take on the way before giving them back: levels −K..K, K = (LEVELS − 1) / 2. */
const LEVELS = 5;
/** Meetings tried as the one to move out of a slot for the interpreter or table a pair lacks there. */
const MAX_HOLDERS = 8;
/** How deep a pair's way may be cleared: 1 moves meetings in its way, 2 also those in theirs. */
const REPAIR_DEPTH = 2;
/** Steps (option checks) clearing the way for one exchange may take. */
const REPAIR_WORK = 50_000;

export interface ExchangeOptions {
  /** Steps (Bellman–Ford's arc checks, option checks clearing the way) the pass may spend. */
  exchangeBudget: number;
  /** Steps times pairs, at most. */
  exchangeWork: number;
}

export function exchangePass(plan: Plan, pairClass: Int8Array, options: ExchangeOptions): void {
  const pr = plan.pr;
  const O = pr.orgIds.length;
  const P = pr.pairs.length;
  const side = twoSides(plan, O);
  const hub = O;
  const V = (O + 1) * LEVELS;
  const interpreted = Uint8Array.from(pr.pairs, (pair) => (pair.combos.every((c) => c.interps) ? 1 : 0));
  const usable = Uint8Array.from(pr.pairs, (pair, p) => (side[pair.orgA] !== side[pair.orgB] && !pair.pinned && pairClass[p]! < NEVER ? 1 : 0));
  const banned = new Uint8Array(P);
  const maxArcs = (P + 2 * O) * LEVELS + LEVELS;
  const from = new Int32Array(maxArcs);
  const to = new Int32Array(maxArcs);
  const cost = new Float64Array(maxArcs);
  const arcPair = new Int32Array(maxArcs);
  const dist = new Float64Array(V);
  const pred = new Int32Array(V);
  const predArc = new Int32Array(V);
  const mark = new Int32Array(V);
  let budget = Math.min(options.exchangeBudget, options.exchangeWork / Math.max(1, P));
  let repairLimit = 0;
  let m = 0;

  const S = plan.S;
  /** Room for one more meeting in the organisation: an attendee under their limit with a free slot. */
  const room = (o: number) =>
    pr.orgAttendees[o]!.some((a) => {
      if (plan.attCount[a]! >= pr.attMax[a]!) return false;
      for (let s = 0; s < S; s++) if (pr.attAvail[a * S + s] && plan.attAt[a * S + s] === FREE) return true;
      return false;
    });
  /** Adds arc u → v at every level, moving `delta` levels (interpreters taken). */
  const arc = (u: number, v: number, c: number, delta: number, p: number) => {
    for (let level = 0; level < LEVELS; level++) {
      const next = level + delta;
      if (next < 0 || next >= LEVELS) continue;
      from[m] = u * LEVELS + level;
      to[m] = v * LEVELS + next;
      cost[m] = c;
      arcPair[m++] = p;
    }
  };

  /** The arcs of the residual graph; returns how many. */
  const build = (): number => {
    m = 0;
    for (let p = 0; p < P; p++) {
      if (!usable[p]) continue;
      const pair = pr.pairs[p]!;
      const [l, r] = side[pair.orgA] === 0 ? [pair.orgA, pair.orgB] : [pair.orgB, pair.orgA];
      if (plan.isPlaced(p)) arc(r, l, pair.score, -interpreted[p]!, p);
      else if (!banned[p]) arc(l, r, -pair.score, interpreted[p]!, p);
    }
    for (let o = 0; o < O; o++) {
      // Gain: into side 0 from the hub, out of side 1 to it; loss the other way.
      if (room(o)) {
        if (side[o] === 0) arc(hub, o, 0, 0, -1);
        else arc(o, hub, 0, 0, -1);
      }
      if (plan.orgCount[o]! - pr.orgFixed[o]! >= 1 && plan.orgCount[o]! >= 2) {
        if (side[o] === 0) arc(o, hub, 0, 0, -1);
        else arc(hub, o, 0, 0, -1);
      }
    }
    // At the hub, interpreters freed may go unused.
    for (let level = 1; level < LEVELS; level++) {
      from[m] = hub * LEVELS + level - 1;
      to[m] = hub * LEVELS + level;
      cost[m] = 0;
      arcPair[m++] = -1;
    }
    return m;
  };

  /** A negative cycle as its arcs (pair indices, −1 for hub arcs), or null. */
  const negativeCycle = (arcs: number): number[] | null => {
    dist.fill(0);
    pred.fill(-1);
    for (let round = 0; round < V && budget > 0; round++) {
      let changed = false;
      budget -= arcs;
      for (let k = 0; k < arcs; k++) {
        const d = dist[from[k]!]! + cost[k]!;
        if (d < dist[to[k]!]! - EPSILON) {
          dist[to[k]!] = d;
          pred[to[k]!] = from[k]!;
          predArc[to[k]!] = k;
          changed = true;
        }
      }
      if (!changed) return null;
      const cycle = cycleInPredecessors();
      if (cycle) return cycle;
    }
    return null;
  };
  /** A negative cycle of the predecessor graph, if any. */
  const cycleInPredecessors = (): number[] | null => {
    mark.fill(-1);
    for (let v0 = 0; v0 < V; v0++) {
      let v = v0;
      while (v >= 0 && mark[v] === -1) {
        mark[v] = v0;
        v = pred[v]!;
      }
      if (v < 0 || mark[v] !== v0) continue;
      const arcs: number[] = [];
      let u = v;
      let total = 0;
      do {
        const k = predArc[u]!;
        arcs.push(k);
        total += cost[k]!;
        u = pred[u]!;
      } while (u !== v);
      if (total < -EPSILON) return arcs.map((k) => arcPair[k]!);
    }
    return null;
  };

  /** Makes the exchange on the plan; false (and nothing changed) when a pair finds no place. */
  const make = (pairs: number[]): boolean => {
    const before = plan.score;
    const coverage = plan.coverage;
    const start = plan.mark();
    const adding: number[] = [];
    const taking: number[] = [];
    for (const p of pairs) if (p >= 0) (plan.isPlaced(p) ? taking : adding).push(p);
    if (new Set(pairs.filter((p) => p >= 0)).size !== adding.length + taking.length) {
      banned[adding[0]!] = 1;
      return false;
    }
    for (const p of taking) plan.unplace(p);
    const work0 = plan.work;
    repairLimit = work0 + REPAIR_WORK;
    adding.sort((x, y) => optionsOf(x) - optionsOf(y));
    const failed = adding.find((p) => !placeMovingOthers(p, REPAIR_DEPTH));
    budget -= plan.work - work0;
    if (failed === undefined && plan.score > before + EPSILON && plan.coverage >= coverage) return true;
    plan.rollback(start);
    banned[failed ?? adding[0]!] = 1;
    return false;
  };
  /**
   * Places p into its cheapest option, or else into an option where only meetings that can move
   * stand in the way — its attendees' own meetings there, and one meeting holding the interpreter
   * or table it lacks — moving those to their cheapest other option. False, with nothing changed,
   * when neither works.
   */
  const placeMovingOthers = (p: number, depth: number): boolean => {
    const option = bestOption(plan, p);
    if (option) {
      plan.place(p, option.c, option.s);
      return true;
    }
    if (depth === 0 || plan.work > repairLimit) return false;
    const combos = pr.pairs[p]!.combos;
    for (let c = 0; c < combos.length; c++) {
      const { a, b, slots, interps, online } = combos[c]!;
      if (plan.attCount[a]! >= pr.attMax[a]! || plan.attCount[b]! >= pr.attMax[b]!) continue;
      for (const s of slots) {
        const qa = plan.attAt[a * S + s]!;
        const qb = plan.attAt[b * S + s]!;
        if (qa < FREE || qb < FREE) continue;
        const movers = [qa, qb].filter((q, k) => q !== FREE && (k === 0 || q !== qa));
        if (movers.some((q) => pr.pairs[q]!.pinned)) continue;
        const start = plan.mark();
        for (const q of movers) plan.unplace(q);
        if (placeWith(p, c, s, movers, depth)) return true;
        // One more meeting of the slot holding what p lacks: an interpreter, or a table.
        const holders = [...plan.slotMembers[s]!].filter((q) => {
          const held = pr.pairs[q]!.combos[plan.pCombo[q]!]!;
          return !pr.pairs[q]!.pinned && (interps ? held.interps?.some((i) => interps.includes(i)) === true : !online && !held.online);
        });
        for (const h of holders.slice(0, MAX_HOLDERS)) {
          const inner = plan.mark();
          plan.unplace(h);
          if (placeWith(p, c, s, [...movers, h], depth)) return true;
          plan.rollback(inner);
        }
        plan.rollback(start);
      }
    }
    return false;
  };
  /** Places p in (c, s) and the taken-out meetings `movers` each into its cheapest option; false, with the plan as found, when one does not fit. */
  const placeWith = (p: number, c: number, s: number, movers: number[], depth: number): boolean => {
    if (!plan.fits(p, c, s)) return false;
    const start = plan.mark();
    plan.place(p, c, s);
    for (const q of movers) {
      if (!placeMovingOthers(q, depth - 1)) {
        plan.rollback(start);
        return false;
      }
    }
    return true;
  };
  const optionsOf = (p: number) => pr.pairs[p]!.combos.reduce((n, c) => n + c.slots.length, 0);

  while (budget > 0) {
    const cycle = negativeCycle(build());
    if (!cycle) return;
    if (make(cycle)) banned.fill(0);
  }
}

/** Side 0 or 1 per organisation, alternating along the pairs from each uncoloured one (a depth-first walk). */
function twoSides(plan: Plan, O: number): Uint8Array {
  const pr = plan.pr;
  const side = new Uint8Array(O).fill(2);
  const queue: number[] = [];
  for (let o0 = 0; o0 < O; o0++) {
    if (side[o0] !== 2) continue;
    side[o0] = 0;
    queue.push(o0);
    while (queue.length > 0) {
      const o = queue.pop()!;
      for (const p of pr.orgPairs[o]!) {
        const pair = pr.pairs[p]!;
        const other = pair.orgA === o ? pair.orgB : pair.orgA;
        if (side[other] === 2) {
          side[other] = 1 - side[o]!;
          queue.push(other);
        }
      }
    }
  }
  return side;
}
