/**
 * Pass 5: compact the agendas. Which pairs meet is settled by passes 1–4 (coverage, then score);
 * this pass only moves meetings in time, to leave attendees as few breaks as possible per day
 * (breaks.ts), then the fewest on the worst attendee-day, then the fewest idle minutes. It never
 * takes a meeting out, so the first two goals cannot suffer.
 *
 * Simulated annealing over Kempe-chain moves, the classic move of timetabling: a meeting goes from
 * slot s to slot t, the meetings of its attendees in t come to s, theirs in s go to t, and so on
 * until no attendee has two meetings in a slot. When t has no table or interpreter to spare, a
 * second chain starts from a meeting in t that holds one and takes it to s. Every moved meeting is
 * checked against the plan's own rules (availability, parts of the day, limits, tables, the
 * interpreter matching); fixed meetings never move. Most moves start from an attendee-day with a
 * break and aim one of its meetings into the gap or next to its other meetings; the others are
 * random. The search weighs a break as 12 idle slots, so that shrinking a gap counts as
 * progress; the best plan by (breaks, worst attendee-day, idle slots) is the answer. The budget is a
 * number of moves, not seconds, so the plan never depends on the machine.
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
  const better = (x: [number, number, number], y: [number, number, number]) => x[0] < y[0] || (x[0] === y[0] && (x[1] < y[1] || (x[1] === y[1] && x[2] < y[2])));

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
      for (const x of [combo.a, combo.b]) {
        const h = attAt[x * S + to]!;
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

  /** Tries the move; on success the plan holds it (and the log can undo it), else the plan is unchanged. */
  const kempe = (p: number, t: number): boolean => {
    const s = plan.pSlot[p]!;
    if (s === t || !allowed(p, plan.pCombo[p]!, t)) return false;
    clearChain();
    if (!chain(p, s, t)) return false;
    for (const q of moved) movedCombo.push(plan.pCombo[q]!);
    const mark = plan.mark();
    for (const q of moved) plan.unplace(q);
    let ok = true;
    for (let k = 0; k < moved.length && ok; k++) {
      const q = moved[k]!;
      const c = movedCombo[k]!;
      const to = movedTo[k]!;
      if (allowed(q, c, to) && plan.fits(q, c, to)) plan.place(q, c, to);
      else ok = false;
    }
    if (ok) return true;
    // Most often t lacks a table or interpreter: a second chain from a meeting in t that holds one.
    plan.rollback(mark);
    const combo = pr.pairs[p]!.combos[plan.pCombo[p]!]!;
    const holders: number[] = [];
    for (const q of plan.slotMembers[t]!) {
      if (inChain[q]) continue;
      const qc = pr.pairs[q]!.combos[plan.pCombo[q]!]!;
      if ((!combo.online && !qc.online) || (combo.interps && qc.interps)) holders.push(q);
    }
    if (holders.length === 0) return false;
    const q = holders[Math.floor(random() * holders.length)]!;
    const first = moved.length;
    if (!chain(q, t, s)) return false;
    for (let k = first; k < moved.length; k++) movedCombo.push(plan.pCombo[moved[k]!]!);
    for (let k = 0; k < moved.length; k++) if (plan.pSlot[moved[k]!] !== (movedTo[k] === t ? s : t)) return false;
    for (const x of moved) plan.unplace(x);
    for (let k = 0; k < moved.length; k++) {
      const x = moved[k]!;
      if (!allowed(x, movedCombo[k]!, movedTo[k]!) || !plan.fits(x, movedCombo[k]!, movedTo[k]!)) {
        plan.rollback(mark);
        return false;
      }
      plan.place(x, movedCombo[k]!, movedTo[k]!);
    }
    return true;
  };

  /**
   * Rotates whole slots of one day: the meetings of slot i go to j and those of the slots between
   * move one slot towards i. The slots keep their company, so only their order changes: the move
   * that lines up a morning's meetings with the afternoon's. False (plan unchanged) if a meeting may
   * not take its new slot or a slot holds a fixed meeting.
   */
  const rotate = (i: number, j: number): boolean => {
    if (i === j || pr.slotDay[i] !== pr.slotDay[j]) return false;
    clearChain();
    const step = i < j ? 1 : -1;
    for (let s = i; s !== j + step; s += step) {
      const to = s === i ? j : s - step;
      for (const q of plan.slotMembers[s]!) {
        moved.push(q);
        movedTo.push(to);
        movedCombo.push(plan.pCombo[q]!);
      }
    }
    // A fixed meeting cannot move with its slot.
    for (let s = Math.min(i, j); s <= Math.max(i, j); s++) if (plan.hasLocked(s)) return false;
    const mark = plan.mark();
    for (const q of moved) plan.unplace(q);
    for (let k = 0; k < moved.length; k++) {
      const q = moved[k]!;
      if (!allowed(q, movedCombo[k]!, movedTo[k]!) || !plan.fits(q, movedCombo[k]!, movedTo[k]!)) {
        plan.rollback(mark);
        return false;
      }
      plan.place(q, movedCombo[k]!, movedTo[k]!);
    }
    return true;
  };

  const touched: number[] = [];
  const moves = Math.min(options.compactMoves, options.compactMovesPerMeeting * placed.length);
  let current = searchCost();
  let best: [number, number, number] = [totalBreaks, worst(), totalGaps];
  let bestPlan = snapshot(plan);
  plan.forget();
  for (let m = 0; m < moves && totalBreaks > 0; m++) {
    let p: number;
    let t: number;
    if (bad.length > 0 && random() < 0.7) {
      // Aim a meeting of an attendee-day with a break into its gap, or next to its other meetings.
      const k = bad[Math.floor(random() * bad.length)]!;
      const a = Math.floor(k / D);
      const d = k % D;
      const mine: number[] = [];
      const targets: number[] = [];
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
    const mark = plan.mark();
    if (random() < 0.05 ? !rotate(s, t) : !kempe(p, t)) continue;
    // Only the attendees of moved meetings, on the days of s and t, can have changed.
    touched.length = 0;
    for (const q of moved) {
      const combo = pr.pairs[q]!.combos[plan.pCombo[q]!]!;
      for (const x of [combo.a, combo.b]) for (const d of [pr.slotDay[s]!, pr.slotDay[t]!]) if (!touched.includes(x * D + d)) touched.push(x * D + d);
    }
    for (const k of touched) update(k);
    const next = searchCost();
    const temperature = options.compactTemperature * (1 - m / moves);
    if (next <= current || (temperature > 0 && random() < Math.exp((current - next) / temperature))) {
      current = next;
      plan.forget();
      const now: [number, number, number] = [totalBreaks, worst(), totalGaps];
      if (better(now, best)) {
        best = now;
        bestPlan = snapshot(plan);
      }
      continue;
    }
    plan.rollback(mark);
    for (const k of touched) update(k);
  }
  clearChain();
  plan.forget();
  restore(plan, bestPlan);
}
