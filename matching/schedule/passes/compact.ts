/**
 * Pass 5: compact the agendas. Which pairs meet is settled by passes 1–4 (coverage, then score);
 * this pass only moves meetings in time, to leave attendees as few breaks as possible per day
 * (breaks.ts), then the fewest on the worst attendee-day, then the fewest idle minutes. It never
 * takes a meeting out, so the first two goals cannot suffer.
 *
 * Simulated annealing over Kempe-chain moves, the classic move of timetabling: a meeting goes from
 * slot s to slot t, the meetings of its attendees in t come to s, theirs in s go to t, and so on
 * until no attendee has two meetings in a slot. When t has no table to spare, or every interpreter
 * the meeting could use is busy in t, a second chain starts from a meeting in t that holds one and
 * takes it to s. Every moved meeting is checked against the plan's own rules (availability, parts
 * of the day, limits, tables, the interpreter matching); fixed meetings never move. A move swaps
 * slots s and t in the agenda of every attendee it touches, so its cost is measured before the plan
 * is changed, and only taken moves are made. Nine moves in ten start from an attendee-day with a
 * break and aim one of its meetings into the gap or next to its other meetings; the others are
 * random. (Rotating whole slots was tried: 40% of the time for no measurable gain on the UdG
 * instances.) The search weighs a break as 12 idle slots, so that shrinking a gap counts as
 * progress; the best plan by (breaks, worst attendee-day, idle slots) is the answer. The budget is
 * counted in moves and steps, not seconds, so the plan never depends on the machine.
 */
import { mulberry32 } from '../../random.ts';
import { FREE as PLAN_FREE, restore, snapshot, type Plan } from '../plan.ts';

// Module-level copies: under tsx an imported binding is a getter call, and these sit in the hottest loops.
const FREE = PLAN_FREE;

export interface CompactOptions {
  /** Moves tried per placed meeting. */
  compactMovesPerMeeting: number;
  /** Moves tried at most. */
  compactMoves: number;
  /** Steps at most: one per move, one per meeting a move's chains take or scan. */
  compactBudget: number;
  /** Search cost (a break weighs 12 idle slots) a worse move may add at first with probability 1/e, cooling to 0. */
  compactTemperature: number;
  seed: number;
}

/** In the search's cost, a break weighs this many idle slots. */
const BREAK_WEIGHT = 12;
/** A chain longer than this is not worth checking: it reshuffles most of two slots. */
const MAX_CHAIN = 32;

export function compactPass(plan: Plan, options: CompactOptions): void {
  const pr = plan.pr;
  const S = plan.S;
  const A = pr.attendees.length;
  const D = pr.dayLabels.length;
  const attAt = plan.attAt;
  const random = mulberry32(options.seed ^ 0x5bd1e995);

  // Per attendee-day (index a·D + d): breaks and idle slots; breaks' histogram for the worst.
  const br = new Int32Array(A * D);
  const gaps = new Int32Array(A * D);
  const hist = new Int32Array(S + 2);
  const bad: number[] = [];
  const badPos = new Int32Array(A * D).fill(-1);
  let totalBreaks = 0;
  let totalGaps = 0;
  const update = (k: number) => {
    const a = Math.floor(k / D);
    const d = k % D;
    let breaks = 0;
    let idle = 0;
    let run = -1;
    for (let s = pr.dayFirst[d]!, last = pr.dayLast[d]!; s <= last; s++) {
      if (attAt[a * S + s] !== FREE) {
        if (run > 0) {
          breaks++;
          idle += run;
        }
        run = 0;
      } else if (run >= 0) run++;
    }
    const old = br[k]!;
    totalGaps += idle - gaps[k]!;
    gaps[k] = idle;
    if (old === breaks) return;
    hist[old]!--;
    hist[breaks]!++;
    totalBreaks += breaks - old;
    br[k] = breaks;
    if (breaks > 0 && badPos[k] === -1) {
      badPos[k] = bad.length;
      bad.push(k);
    } else if (breaks === 0 && badPos[k]! >= 0) {
      const last = bad.pop()!;
      if (last !== k) {
        bad[badPos[k]!] = last;
        badPos[last] = badPos[k]!;
      }
      badPos[k] = -1;
    }
  };
  hist[0] = A * D;
  for (let k = 0; k < A * D; k++) update(k);
  const worst = () => {
    for (let v = S + 1; v > 0; v--) if (hist[v]! > 0) return v;
    return 0;
  };
  const searchCost = () => totalBreaks * BREAK_WEIGHT + totalGaps;
  /** Lexicographic: breaks, then the worst attendee-day, then idle slots. */
  const better = (x: [number, number, number], y: [number, number, number]) =>
    x[0] < y[0] || (x[0] === y[0] && (x[1] < y[1] || (x[1] === y[1] && x[2] < y[2])));

  const placed: number[] = [];
  for (let p = 0; p < pr.pairs.length; p++) if (plan.isPlaced(p)) placed.push(p);
  if (placed.length === 0 || totalBreaks === 0) return;

  const allowed = (p: number, c: number, t: number) => {
    const pair = pr.pairs[p]!;
    const combo = pair.combos[c]!;
    if (!pr.attAvail[combo.a * S + t] || !pr.attAvail[combo.b * S + t]) return false;
    return pair.part === 'any' || pr.slotPart[t] === (pair.part === 'morning' ? 0 : 1);
  };

  // The meetings a move takes out, with their combos and the slot each goes to.
  const moved: number[] = [];
  const movedCombo: number[] = [];
  const movedTo: number[] = [];
  const inChain = new Uint8Array(pr.pairs.length);
  /** Adds the Kempe chain of p (in s, to go to t) to `moved`; false when it meets a fixed meeting or grows too long. */
  const chain = (p: number, s: number, t: number): boolean => {
    const start = moved.length;
    moved.push(p);
    movedTo.push(t);
    inChain[p] = 1;
    for (let k = start; k < moved.length; k++) {
      const q = moved[k]!;
      const to = movedTo[k]!;
      const combo = pr.pairs[q]!.combos[plan.pCombo[q]!]!;
      for (let side = 0; side < 2; side++) {
        const h = attAt[(side === 0 ? combo.a : combo.b) * S + to]!;
        if (h === FREE || (h >= 0 && inChain[h])) continue;
        if (h < 0 || moved.length >= MAX_CHAIN) return false;
        moved.push(h);
        movedTo.push(to === t ? s : t);
        inChain[h] = 1;
      }
    }
    return true;
  };
  const clearChain = () => {
    for (const q of moved) inChain[q] = 0;
    moved.length = 0;
    movedTo.length = 0;
    movedCombo.length = 0;
  };

  /**
   * The move of p to slot t as Kempe chains, built without touching the plan: false when a chain
   * meets a fixed meeting or grows too long, a meeting may not take its new slot, or a slot would
   * hold more onsite meetings than tables even after a second chain. Interpreters are checked when
   * the move is applied (the matching decides).
   */
  const buildKempe = (p: number, t: number): boolean => {
    const s = plan.pSlot[p]!;
    clearChain();
    if (s === t || !allowed(p, plan.pCombo[p]!, t) || !chain(p, s, t) || !allAllowed(0)) return false;
    const combo = pr.pairs[p]!.combos[plan.pCombo[p]!]!;
    holders.length = 0;
    if (!tablesFit(s, t)) {
      // t has no table to spare: a second chain from an onsite meeting in t, taken to s (a few
      // random draws: a full slot holds up to as many meetings as tables).
      const list = inSlot[t]!;
      for (let k = 0; k < 4 && list.length > 0 && holders.length === 0; k++) {
        const q = list[Math.floor(random() * list.length)]!;
        if (!inChain[q] && !pr.pairs[q]!.combos[plan.pCombo[q]!]!.online) holders.push(q);
      }
    } else if (combo.interps && !combo.interps.some((i) => plan.interpAt[i * S + t] === FREE)) {
      // Every interpreter p could use is busy in t: a second chain from a meeting holding one.
      for (const i of combo.interps) {
        const h = plan.interpAt[i * S + t]!;
        if (h >= 0 && !inChain[h]) holders.push(h);
      }
    } else return true;
    if (holders.length === 0) return false;
    const first = moved.length;
    if (!chain(holders[Math.floor(random() * holders.length)]!, t, s) || !allAllowed(first)) return false;
    return tablesFit(s, t);
  };
  const holders: number[] = [];
  // Meetings per slot as arrays, for drawing one at random (the plan keeps sets).
  const inSlot: number[][] = Array.from({ length: S }, () => []);
  const posInSlot = new Int32Array(pr.pairs.length);
  const slotAdd = (q: number, s: number) => {
    posInSlot[q] = inSlot[s]!.length;
    inSlot[s]!.push(q);
  };
  const slotRemove = (q: number, s: number) => {
    const list = inSlot[s]!;
    const last = list.pop()!;
    if (last !== q) {
      list[posInSlot[q]!] = last;
      posInSlot[last] = posInSlot[q]!;
    }
  };
  for (let q = 0; q < pr.pairs.length; q++) if (plan.isPlaced(q)) slotAdd(q, plan.pSlot[q]!);
  /** Steps spent: one per move, one per meeting in a chain or scanned for a table holder. */
  let work = 0;
  const allAllowed = (from: number): boolean => {
    for (let k = from; k < moved.length; k++) {
      const c = plan.pCombo[moved[k]!]!;
      movedCombo[k] = c;
      if (!allowed(moved[k]!, c, movedTo[k]!)) return false;
    }
    return true;
  };
  const tablesFit = (s: number, t: number): boolean => {
    let intoT = 0;
    for (let k = 0; k < moved.length; k++) {
      if (pr.pairs[moved[k]!]!.combos[movedCombo[k]!]!.online) continue;
      intoT += movedTo[k] === t ? 1 : -1;
    }
    return plan.onsite[t]! + intoT <= pr.tableCap[t]! && plan.onsite[s]! - intoT <= pr.tableCap[s]!;
  };
  /** Applies the built move; false (plan unchanged) when the interpreters cannot follow. */
  const applyMove = (): boolean => {
    const mark = plan.mark();
    for (const q of moved) plan.unplace(q);
    for (let k = 0; k < moved.length; k++) {
      const q = moved[k]!;
      if (!plan.fits(q, movedCombo[k]!, movedTo[k]!)) {
        plan.rollback(mark);
        return false;
      }
      plan.place(q, movedCombo[k]!, movedTo[k]!);
    }
    for (let k = 0; k < moved.length; k++) {
      // Each moved meeting went between the move's two slots.
      const to = movedTo[k]!;
      const from = to === moveS ? moveT : moveS;
      slotRemove(moved[k]!, from);
      slotAdd(moved[k]!, to);
    }
    return true;
  };
  let moveS = 0;
  let moveT = 0;
  /**
   * Breaks and idle slots of attendee-day k if its slots s and t swapped: what a Kempe move does to
   * every attendee it touches (the chain holds all their meetings in s and t).
   */
  let swappedIdle = 0;
  /** Returns the breaks; the idle slots are left in `swappedIdle` (no array per call in the hottest loop). */
  const swapped = (k: number, s: number, t: number): number => {
    const a = Math.floor(k / D);
    const d = k % D;
    let breaks = 0;
    let idle = 0;
    let run = -1;
    for (let u = pr.dayFirst[d]!, last = pr.dayLast[d]!; u <= last; u++) {
      const v = u === s ? t : u === t ? s : u;
      if (attAt[a * S + v] !== FREE) {
        if (run > 0) {
          breaks++;
          idle += run;
        }
        run = 0;
      } else if (run >= 0) run++;
    }
    swappedIdle = idle;
    return breaks;
  };

  const touched: number[] = [];
  const touchKey = (k: number) => {
    if (!touched.includes(k)) touched.push(k);
  };
  /** The attendee-days of the moved meetings' attendees on the days of s and t. */
  const touch = (s: number, t: number) => {
    touched.length = 0;
    for (const q of moved) {
      const combo = pr.pairs[q]!.combos[plan.pCombo[q]!]!;
      touchKey(combo.a * D + pr.slotDay[s]!);
      touchKey(combo.b * D + pr.slotDay[s]!);
      touchKey(combo.a * D + pr.slotDay[t]!);
      touchKey(combo.b * D + pr.slotDay[t]!);
    }
  };
  let temperature = 0;
  const accept = (next: number) => next <= current || (temperature > 0 && random() < Math.exp((current - next) / temperature));
  const moves = Math.min(options.compactMoves, options.compactMovesPerMeeting * placed.length);
  let current = searchCost();
  let best: [number, number, number] = [totalBreaks, worst(), totalGaps];
  let bestPlan = snapshot(plan);
  plan.forget();
  const mine: number[] = [];
  const targets: number[] = [];
  for (let m = 0; m < moves && totalBreaks > 0 && work < options.compactBudget; m++) {
    work++;
    let p: number;
    let t: number;
    if (bad.length > 0 && random() < 0.9) {
      // Aim a meeting of an attendee-day with a break into its gap, or next to its other meetings.
      const k = bad[Math.floor(random() * bad.length)]!;
      const a = Math.floor(k / D);
      const d = k % D;
      mine.length = 0;
      targets.length = 0;
      let lo = -1;
      let hi = -1;
      for (let s = pr.dayFirst[d]!, last = pr.dayLast[d]!; s <= last; s++) {
        const h = attAt[a * S + s]!;
        if (h === FREE) continue;
        if (lo < 0) lo = s;
        hi = s;
        if (h >= 0) mine.push(h);
      }
      for (let s = Math.max(lo - 1, pr.dayFirst[d]!); s <= Math.min(hi + 1, pr.dayLast[d]!); s++) if (attAt[a * S + s] === FREE) targets.push(s);
      if (mine.length === 0 || targets.length === 0) continue;
      p = mine[Math.floor(random() * mine.length)]!;
      t = targets[Math.floor(random() * targets.length)]!;
    } else {
      p = placed[Math.floor(random() * placed.length)]!;
      const slots = pr.pairs[p]!.combos[plan.pCombo[p]!]!.slots;
      t = slots[Math.floor(random() * slots.length)]!;
    }
    const s = plan.pSlot[p]!;
    temperature = options.compactTemperature * (1 - m / moves);
    // A move is measured before it is made: most are not taken.
    moveS = s;
    moveT = t;
    const built = buildKempe(p, t);
    work += moved.length;
    if (!built) continue;
    touch(s, t);
    let next = current;
    for (const k of touched) {
      const b = swapped(k, s, t);
      next += (b - br[k]!) * BREAK_WEIGHT + (swappedIdle - gaps[k]!);
    }
    if (!accept(next) || !applyMove()) continue;
    for (const k of touched) update(k);
    current = searchCost();
    plan.forget();
    const now: [number, number, number] = [totalBreaks, worst(), totalGaps];
    if (better(now, best)) {
      best = now;
      bestPlan = snapshot(plan);
    }
  }
  clearChain();
  plan.forget();
  restore(plan, bestPlan);
}
