/**
 * Pass 5: compact the agendas. Which pairs meet is settled by passes 1–4 (coverage, then score);
 * this pass only moves meetings in time, to leave each attendee as few breaks as possible per day
 * (breaks.ts), and then the fewest on the worst attendee-day. It never takes a meeting out, so the
 * first two goals cannot suffer.
 *
 * Simulated annealing over three moves, each checked by the plan's own rules (attendees, limits,
 * tables, the interpreter matching, parts of the day, fixed meetings):
 * - move a meeting to another slot it may take;
 * - the same, pushing the meetings of its attendees in that slot back into the slot it left (a swap);
 * - the same, pushing out one meeting that holds the table or interpreter it needs.
 * Most moves start from an attendee-day with a break and aim a meeting of it into the gap; the
 * others are random. Plateau moves are always taken (they let the search wander); worse ones with a
 * probability that cools to 0. The best plan seen is the answer. The budget is a number of moves,
 * not seconds, so the plan never depends on the machine.
 */
import { mulberry32 } from '../../random.ts';
import { FREE, restore, snapshot, type Plan } from '../plan.ts';

export interface CompactOptions {
  /** Moves tried per placed meeting. Default 300. */
  compactMovesPerMeeting: number;
  /** Moves tried at most. Default 400,000. */
  compactMoves: number;
  /** Breaks a worse move may cost at first with probability 1/e, cooling to 0. Default 0.6. */
  compactTemperature: number;
  seed: number;
}

export function compactPass(plan: Plan, options: CompactOptions): void {
  const pr = plan.pr;
  const S = plan.S;
  const A = pr.attendees.length;
  const D = pr.dayLabels.length;
  const P = pr.pairs.length;
  const attAt = plan.attAt;
  const random = mulberry32(options.seed ^ 0x5bd1e995);

  // Breaks per attendee-day (index a·D + d), their histogram (for the worst) and total.
  const br = new Int32Array(A * D);
  const hist = new Int32Array(S + 2);
  const bad: number[] = [];
  const badPos = new Int32Array(A * D).fill(-1);
  let total = 0;
  const count = (a: number, d: number) => {
    let breaks = 0;
    let seen = false;
    let inGap = false;
    for (let s = pr.dayFirst[d]!, last = pr.dayLast[d]!; s <= last; s++) {
      if (attAt[a * S + s] !== FREE) {
        if (inGap) breaks++;
        seen = true;
        inGap = false;
      } else if (seen) inGap = true;
    }
    return breaks;
  };
  const set = (k: number, v: number) => {
    const old = br[k]!;
    if (old === v) return;
    hist[old]!--;
    hist[v]!++;
    total += v - old;
    br[k] = v;
    if (v > 0 && badPos[k] === -1) {
      badPos[k] = bad.length;
      bad.push(k);
    } else if (v === 0 && badPos[k]! >= 0) {
      const last = bad.pop()!;
      if (last !== k) {
        bad[badPos[k]!] = last;
        badPos[last] = badPos[k]!;
      }
      badPos[k] = -1;
    }
  };
  hist[0] = A * D;
  for (let a = 0; a < A; a++) for (let d = 0; d < D; d++) set(a * D + d, count(a, d));
  const worst = () => {
    for (let v = S + 1; v > 0; v--) if (hist[v]! > 0) return v;
    return 0;
  };
  // Total breaks first, then the worst attendee-day: one break outweighs any spread.
  const weight = S + 2;
  const cost = () => total * weight + worst();

  const placed: number[] = [];
  for (let p = 0; p < P; p++) if (plan.isPlaced(p)) placed.push(p);
  if (placed.length === 0 || total === 0) return;

  const allowed = (p: number, c: number, t: number) => {
    const pair = pr.pairs[p]!;
    const combo = pair.combos[c]!;
    if (!pr.attAvail[combo.a * S + t] || !pr.attAvail[combo.b * S + t]) return false;
    return pair.part === 'any' || pr.slotPart[t] === (pair.part === 'morning' ? 0 : 1);
  };

  /** Places q in `prefer` if it fits, else in the first slot it fits in from a random start; false if none. */
  const replace = (q: number, c: number, prefer: number) => {
    if (prefer >= 0 && allowed(q, c, prefer) && plan.fits(q, c, prefer)) {
      plan.place(q, c, prefer);
      return true;
    }
    const slots = pr.pairs[q]!.combos[c]!.slots;
    const from = Math.floor(random() * slots.length);
    for (let k = 0; k < slots.length; k++) {
      const t = slots[(from + k) % slots.length]!;
      if (t !== prefer && allowed(q, c, t) && plan.fits(q, c, t)) {
        plan.place(q, c, t);
        return true;
      }
    }
    return false;
  };

  /** Moves p into slot t, pushing out what stands in the way; false (plan unchanged) if it cannot. */
  const pushed: number[] = [];
  const pushedCombo: number[] = [];
  const push = (q: number) => {
    pushed.push(q);
    pushedCombo.push(plan.pCombo[q]!);
    plan.unplace(q);
  };
  const move = (p: number, t: number): boolean => {
    const s = plan.pSlot[p]!;
    const c = plan.pCombo[p]!;
    if (s === t || !allowed(p, c, t)) return false;
    const combo = pr.pairs[p]!.combos[c]!;
    const mark = plan.mark();
    pushed.length = 0;
    pushedCombo.length = 0;
    plan.unplace(p);
    for (const x of [combo.a, combo.b]) {
      const holder = attAt[x * S + t]!;
      if (holder === FREE) continue;
      if (holder < 0) {
        // A fixed meeting: never moved.
        plan.rollback(mark);
        return false;
      }
      push(holder);
    }
    if (!plan.fits(p, c, t)) {
      // A table or an interpreter is missing: push out one meeting that holds one.
      const holders: number[] = [];
      if (!combo.online && plan.onsite[t]! >= pr.tableCap[t]!) {
        for (const q of plan.slotMembers[t]!) if (!pr.pairs[q]!.combos[plan.pCombo[q]!]!.online) holders.push(q);
      } else if (combo.interps) {
        for (const i of combo.interps) if (plan.interpAt[i * S + t]! >= 0) holders.push(plan.interpAt[i * S + t]!);
      }
      if (holders.length === 0) {
        plan.rollback(mark);
        return false;
      }
      push(holders[Math.floor(random() * holders.length)]!);
      if (!plan.fits(p, c, t)) {
        plan.rollback(mark);
        return false;
      }
    }
    plan.place(p, c, t);
    for (let k = 0; k < pushed.length; k++) {
      if (!replace(pushed[k]!, pushedCombo[k]!, s)) {
        plan.rollback(mark);
        return false;
      }
    }
    return true;
  };

  /** Attendee-days whose breaks a move may have changed, with their values before it. */
  const touched: number[] = [];
  const before: number[] = [];
  const touch = (p: number, s: number) => {
    const combo = pr.pairs[p]!.combos[plan.pCombo[p]!]!;
    const d = pr.slotDay[s]!;
    for (const x of [combo.a, combo.b]) {
      const k = x * D + d;
      if (!touched.includes(k)) {
        touched.push(k);
        before.push(br[k]!);
      }
    }
  };

  const moves = Math.min(options.compactMoves, options.compactMovesPerMeeting * placed.length);
  let current = cost();
  let best = current;
  let bestPlan = snapshot(plan);
  plan.forget();
  for (let m = 0; m < moves && total > 0; m++) {
    let p: number;
    let t: number;
    if (bad.length > 0 && random() < 0.8) {
      // Aim a meeting of an attendee-day with a break into its gap, or next to its other meetings.
      const k = bad[Math.floor(random() * bad.length)]!;
      const a = Math.floor(k / D);
      const d = k % D;
      const first = pr.dayFirst[d]!;
      const last = pr.dayLast[d]!;
      const mine: number[] = [];
      const idle: number[] = [];
      let lo = -1;
      let hi = -1;
      for (let s = first; s <= last; s++) {
        const h = attAt[a * S + s]!;
        if (h !== FREE) {
          if (lo < 0) lo = s;
          hi = s;
          if (h >= 0) mine.push(h);
        }
      }
      for (let s = lo + 1; s < hi; s++) if (attAt[a * S + s] === FREE) idle.push(s);
      if (mine.length === 0 || idle.length === 0) continue;
      p = mine[Math.floor(random() * mine.length)]!;
      t = idle[Math.floor(random() * idle.length)]!;
    } else {
      p = placed[Math.floor(random() * placed.length)]!;
      const slots = pr.pairs[p]!.combos[plan.pCombo[p]!]!.slots;
      t = slots[Math.floor(random() * slots.length)]!;
    }
    const s = plan.pSlot[p]!;
    const mark = plan.mark();
    if (!move(p, t)) continue;
    touched.length = 0;
    before.length = 0;
    touch(p, s);
    touch(p, t);
    for (const q of pushed) {
      touch(q, plan.pSlot[q]!);
      touch(q, t);
    }
    for (const k of touched) set(k, count(Math.floor(k / D), k % D));
    const next = cost();
    const temperature = options.compactTemperature * weight * (1 - m / moves);
    if (next <= current || (temperature > 0 && random() < Math.exp((current - next) / temperature))) {
      current = next;
      plan.forget();
      if (current < best) {
        best = current;
        bestPlan = snapshot(plan);
      }
      continue;
    }
    touched.forEach((k, j) => set(k, before[j]!));
    plan.rollback(mark);
  }
  plan.forget();
  if (current > best) restore(plan, bestPlan);
}
