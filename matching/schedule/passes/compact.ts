/**
 * Pass 5: compact the agendas. Which pairs meet is settled by passes 1–4 (coverage, then score);
 * this pass only moves meetings in time, to leave attendees as few breaks as possible per day
 * (breaks.ts), then the fewest on the worst attendee-day, then the fewest idle minutes. It never
 * takes a meeting out and never changes who attends it, so the first two goals cannot suffer.
 *
 * Simulated annealing over Kempe-chain moves, the classic move of timetabling: a meeting goes from
 * slot s to slot t, the meetings of its attendees in t come to s, theirs in s go to t, and so on
 * until no attendee has two meetings in a slot. Such a move swaps slots s and t in the agenda of
 * every attendee it touches, so its cost is measured before anything changes, and only taken moves
 * are made. Every moved meeting must be allowed in its new slot (availability, parts of the day, a
 * table or an interpreter open there); fixed meetings never move; interpreters are checked by a
 * matching of the two slots' interpreted meetings when a move takes one, and when the target slot
 * has no interpreter left, a second chain takes a meeting holding one the other way.
 *
 * Tables are the one rule the search may break on the way (strategic oscillation): a slot holding
 * more onsite meetings than tables costs a penalty that grows while the plan stays over and shrinks
 * while it is within, so that a crowded morning can be emptied through states the strict rule
 * would forbid (moving a whole agenda to the afternoon one meeting at a time). Only plans within
 * every rule are kept as answers. Moves: half aim a meeting of an attendee-day with a break into
 * its gap or next to its other meetings; a quarter take a meeting from one end of an attendee's
 * day to the other end (the agenda slides by one slot); the rest are random. The search weighs a
 * break as 6 idle slots, so that shrinking a gap counts as progress; the best plan by (breaks,
 * worst attendee-day, idle slots) is the answer. The budget is counted in moves and steps, not
 * seconds, so the plan never depends on the machine; the search also ends after `compactStall`
 * moves per meeting without a better plan (below ~800 the UdG forums lose breaks; 1,600 is kept).
 */
import { mulberry32 } from '../../random.ts';
import { FREE as PLAN_FREE, type Plan } from '../plan.ts';
import { DayBreaks } from './day-breaks.ts';
import { interpreterCheck } from './slot-interpreters.ts';

// Module-level copies: under tsx an imported binding is a getter call, and these sit in the hottest loops.
const FREE = PLAN_FREE;
/** A cell taken by a fixed meeting (the plan's LOCKED). */
const LOCKED = -2;

export interface CompactOptions {
  /** Moves tried per placed meeting. */
  compactMovesPerMeeting: number;
  /** Moves tried at most. */
  compactMoves: number;
  /** Moves tried times meetings placed, at most. */
  compactMoveWork: number;
  /** Steps at most: one per move, one per meeting a move's chain takes. */
  compactBudget: number;
  /** Search cost (a break weighs 6 idle slots) a worse move may add at first with probability 1/e, cooling to 0. */
  compactTemperature: number;
  /** Stop after this many moves per placed meeting without a better plan. */
  compactStall: number;
  seed: number;
}

/** In the search's cost, a break weighs this many idle slots. */
const BREAK_WEIGHT = 6;
/** A chain longer than this is not worth checking: it reshuffles most of two slots. */
const MAX_CHAIN = 40;
/** The table penalty per meeting over: bounds, and how often and how much it adapts. */
const PENALTY_MIN = 2;
const PENALTY_MAX = 400;
const PENALTY_START = BREAK_WEIGHT;
const PENALTY_PERIOD = 64;
const PENALTY_STEP = 1.15;
/** Shares of the moves: aimed at a break, sliding a day, (the rest) random. */
const AIMED = 0.5;
const SLIDING = 0.25;

export function compactPass(plan: Plan, options: CompactOptions): void {
  const pr = plan.pr;
  const S = plan.S;
  const A = pr.attendees.length;
  const D = pr.dayLabels.length;
  const random = mulberry32(options.seed ^ 0x5bd1e995);

  // The placed meetings, indexed 0..n−1, with what they need.
  const pairOf: number[] = [];
  for (let p = 0; p < pr.pairs.length; p++) if (plan.isPlaced(p)) pairOf.push(p);
  const n = pairOf.length;
  if (n === 0) return;
  const ma = new Int32Array(n);
  const mb = new Int32Array(n);
  const onsiteOf = new Uint8Array(n);
  const interpsOf: (Int32Array | null)[] = [];
  const slot = new Int32Array(n);
  const comboIndex = new Int32Array(n);
  const allowed = new Uint8Array(n * S);
  let anyInterpreted = false;
  pairOf.forEach((p, q) => {
    const pair = pr.pairs[p]!;
    const combo = pair.combos[plan.pCombo[p]!]!;
    ma[q] = combo.a;
    mb[q] = combo.b;
    onsiteOf[q] = combo.online ? 0 : 1;
    interpsOf.push(combo.interps);
    if (combo.interps) anyInterpreted = true;
    slot[q] = plan.pSlot[p]!;
    comboIndex[q] = plan.pCombo[p]!;
    for (const s of combo.slots) {
      if (!combo.online && pr.tableCap[s]! <= 0) continue;
      if (combo.interps && !combo.interps.some((i) => pr.interpOpen[i * S + s] === 1)) continue;
      allowed[q * S + s] = 1;
    }
    // Where it is now is allowed, whatever built it.
    allowed[q * S + slot[q]!] = 1;
  });

  // Who is where: local meeting index per attendee and slot, FREE, or LOCKED (a fixed meeting).
  const cell = new Int32Array(A * S);
  for (let k = 0; k < A * S; k++) cell[k] = pr.attFixed[k] ? LOCKED : FREE;
  const onsite = new Int32Array(S);
  for (let q = 0; q < n; q++) {
    cell[ma[q]! * S + slot[q]!] = q;
    cell[mb[q]! * S + slot[q]!] = q;
    onsite[slot[q]!]! += onsiteOf[q]!;
  }
  const cap = pr.tableCap;
  const over = (count: number, s: number) => (count > cap[s]! ? count - cap[s]! : 0);
  let overflow = 0;
  for (let s = 0; s < S; s++) overflow += over(onsite[s]!, s);

  const days = new DayBreaks(pr, cell);
  if (days.totalBreaks === 0) return;
  const { br, gaps, bad } = days;

  // Meetings per slot, for the interpreter check.
  const inSlot: number[][] = Array.from({ length: S }, () => []);
  const posInSlot = new Int32Array(n);
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
  for (let q = 0; q < n; q++) slotAdd(q, slot[q]!);
  const interpretersFit = interpreterCheck(pr, interpsOf, inSlot);

  // The move being built: meetings, the slot each goes to.
  const moved: number[] = [];
  const movedTo: number[] = [];
  const inChain = new Uint8Array(n);
  let movedInterpreted = false;
  /** The Kempe chain of q (in s, to go to t); false when it meets a fixed meeting, a forbidden slot or grows too long. */
  const buildChain = (q0: number, s: number, t: number): boolean => {
    moved.length = 0;
    movedTo.length = 0;
    movedInterpreted = false;
    return extendChain(q0, s, t);
  };
  /** Adds the Kempe chain of q0 (from s to t, or from t to s) to the move between s and t. */
  const extendChain = (q0: number, s: number, t: number): boolean => {
    const first = moved.length;
    moved.push(q0);
    movedTo.push(slot[q0] === s ? t : s);
    inChain[q0] = 1;
    for (let k = first; k < moved.length; k++) {
      const q = moved[k]!;
      const to = movedTo[k]!;
      if (!allowed[q * S + to]) return false;
      if (interpsOf[q]) movedInterpreted = true;
      for (let side = 0; side < 2; side++) {
        const h = cell[(side === 0 ? ma[q]! : mb[q]!) * S + to]!;
        if (h === FREE || (h >= 0 && inChain[h])) continue;
        if (h < 0 || moved.length >= MAX_CHAIN) return false;
        moved.push(h);
        movedTo.push(to === t ? s : t);
        inChain[h] = 1;
      }
    }
    return true;
  };
  /**
   * When the move leaves slot t (or s) more interpreted meetings than its interpreters can take, a
   * second chain from an interpreted meeting there that could use one of the same interpreters,
   * taken the other way. False when there is none or it does not fit.
   */
  const interpreterChain = (q0: number, s: number, t: number): boolean => {
    applySlots();
    const fits = interpretersFit(s) && interpretersFit(t);
    applySlots();
    if (fits) return true;
    const need = interpsOf[q0]!;
    holders.length = 0;
    for (const h of inSlot[t]!) {
      const hs = interpsOf[h];
      if (!inChain[h] && hs && hs.some((i) => need.includes(i))) holders.push(h);
    }
    if (holders.length === 0) return false;
    return extendChain(holders[Math.floor(random() * holders.length)]!, s, t);
  };
  const holders: number[] = [];
  const clearChain = () => {
    for (const q of moved) inChain[q] = 0;
  };
  /** apply() on the slots' member lists alone, all the interpreter check reads (same order, so a second call undoes it). */
  const applySlots = () => {
    for (let k = 0; k < moved.length; k++) {
      const q = moved[k]!;
      const from = slot[q]!;
      slotRemove(q, from);
      slotAdd(q, movedTo[k]!);
      slot[q] = movedTo[k]!;
      movedTo[k] = from;
    }
  };
  /** Makes the built move; movedTo then holds where each meeting came from, so a second call undoes it. */
  const apply = () => {
    for (const q of moved) {
      const from = slot[q]!;
      cell[ma[q]! * S + from] = FREE;
      cell[mb[q]! * S + from] = FREE;
      days.busy(ma[q]!, from, false);
      days.busy(mb[q]!, from, false);
    }
    for (let k = 0; k < moved.length; k++) {
      const q = moved[k]!;
      const to = movedTo[k]!;
      const from = slot[q]!;
      cell[ma[q]! * S + to] = q;
      cell[mb[q]! * S + to] = q;
      days.busy(ma[q]!, to, true);
      days.busy(mb[q]!, to, true);
      onsite[from]! -= onsiteOf[q]!;
      onsite[to]! += onsiteOf[q]!;
      slotRemove(q, from);
      slotAdd(q, to);
      slot[q] = to;
      movedTo[k] = from;
    }
  };

  // The attendee-days a move touches, each once.
  const touched: number[] = [];
  const touchMark = new Int32Array(A * D);
  let touchStamp = 0;
  const touch = (s: number, t: number) => {
    touched.length = 0;
    touchStamp++;
    const ds = pr.slotDay[s]!;
    const dt = pr.slotDay[t]!;
    for (const q of moved) {
      for (let side = 0; side < 2; side++) {
        const a = side === 0 ? ma[q]! : mb[q]!;
        const k = a * D + ds;
        if (touchMark[k] !== touchStamp) {
          touchMark[k] = touchStamp;
          touched.push(k);
        }
        const k2 = a * D + dt;
        if (touchMark[k2] !== touchStamp) {
          touchMark[k2] = touchStamp;
          touched.push(k2);
        }
      }
    }
  };

  // Attendee-days with meetings, for the sliding moves.
  const active: number[] = [];
  for (let a = 0; a < A; a++) {
    for (let d = 0; d < D; d++) {
      let busy = false;
      for (let s = pr.dayFirst[d]!; s <= pr.dayLast[d]! && !busy; s++) if (cell[a * S + s]! >= 0) busy = true;
      if (busy) active.push(a * D + d);
    }
  }

  let penalty = PENALTY_START;
  const better = (x: [number, number, number], y: [number, number, number]) =>
    x[0] < y[0] || (x[0] === y[0] && (x[1] < y[1] || (x[1] === y[1] && x[2] < y[2])));
  const moves = Math.min(options.compactMoves, options.compactMovesPerMeeting * n, Math.floor(options.compactMoveWork / n));
  let best: [number, number, number] = [days.totalBreaks, days.worst(), days.totalGaps];
  let bestSlot = overflow === 0 ? slot.slice() : null;
  if (overflow > 0) best = [Infinity, Infinity, Infinity];
  let work = 0;
  const mine: number[] = [];
  const targets: number[] = [];
  /** The first and last busy slot of attendee-day k (−1 when none), left in lo/hi. */
  let lo = -1;
  let hi = -1;
  const span = (k: number) => {
    const a = (k / D) | 0;
    const d = k - a * D;
    lo = -1;
    hi = -1;
    for (let s = pr.dayFirst[d]!, last = pr.dayLast[d]!; s <= last; s++) {
      if (cell[a * S + s] === FREE) continue;
      if (lo < 0) lo = s;
      hi = s;
    }
  };

  /** The move that last found a better plan, and how many more may pass without one. */
  let lastBetter = 0;
  const stall = options.compactStall * n;
  const noteBest = (m: number) => {
    if (overflow !== 0 || days.totalBreaks > best[0]) return;
    const now: [number, number, number] = [days.totalBreaks, days.worst(), days.totalGaps];
    if (better(now, best)) {
      best = now;
      bestSlot = slot.slice();
      lastBetter = m;
    }
  };

  for (let m = 0; m < moves && work < options.compactBudget && m - lastBetter <= stall; m++) {
    work++;
    if (m % PENALTY_PERIOD === 0 && m > 0) {
      penalty = overflow > 0 ? Math.min(PENALTY_MAX, penalty * PENALTY_STEP) : Math.max(PENALTY_MIN, penalty / PENALTY_STEP);
    }
    let q = -1;
    let t = -1;
    const temperature = options.compactTemperature * (1 - m / moves);
    const draw = random();
    if (bad.length > 0 && draw < AIMED) {
      // Aim a meeting of an attendee-day with a break into its gap, or next to its other meetings.
      const k = bad[Math.floor(random() * bad.length)]!;
      const a = (k / D) | 0;
      const d = k - a * D;
      span(k);
      mine.length = 0;
      targets.length = 0;
      for (let s = lo; s <= hi; s++) if (cell[a * S + s]! >= 0) mine.push(cell[a * S + s]!);
      for (let s = Math.max(lo - 1, pr.dayFirst[d]!); s <= Math.min(hi + 1, pr.dayLast[d]!); s++) if (cell[a * S + s] === FREE) targets.push(s);
      if (mine.length === 0 || targets.length === 0) continue;
      q = mine[Math.floor(random() * mine.length)]!;
      t = targets[Math.floor(random() * targets.length)]!;
    } else if (draw < AIMED + SLIDING) {
      // Slide an attendee's day by one slot: its first meeting after its last, or the reverse.
      const k = active[Math.floor(random() * active.length)]!;
      const a = (k / D) | 0;
      const d = k - a * D;
      span(k);
      if (lo < 0) continue;
      if (random() < 0.5) {
        q = cell[a * S + lo]!;
        t = hi + 1;
      } else {
        q = cell[a * S + hi]!;
        t = lo - 1;
      }
      if (q < 0 || t < pr.dayFirst[d]! || t > pr.dayLast[d]!) continue;
    } else {
      q = Math.floor(random() * n);
      t = Math.floor(random() * S);
    }
    const s = slot[q]!;
    if (s === t || !allowed[q * S + t]) continue;
    const built = buildChain(q, s, t) && !(anyInterpreted && interpsOf[q] && !interpreterChain(q, s, t));
    work += moved.length;
    if (!built) {
      clearChain();
      continue;
    }
    touch(s, t);
    let delta = 0;
    for (const k of touched) {
      const b = days.swapped(k, s, t);
      delta += (b - br[k]!) * BREAK_WEIGHT + (days.idle - gaps[k]!);
    }
    let intoT = 0;
    for (const x of moved) if (onsiteOf[x]) intoT += slot[x] === s ? 1 : -1;
    const overDelta = over(onsite[t]! + intoT, t) + over(onsite[s]! - intoT, s) - over(onsite[t]!, t) - over(onsite[s]!, s);
    delta += penalty * overDelta;
    if (delta > 0 && !(temperature > 0 && random() < Math.exp(-delta / temperature))) {
      clearChain();
      continue;
    }
    apply();
    if (anyInterpreted && movedInterpreted && !(interpretersFit(s) && interpretersFit(t))) {
      apply();
      clearChain();
      continue;
    }
    clearChain();
    overflow += overDelta;
    for (const k of touched) days.update(k);
    noteBest(m);
    if (days.totalBreaks === 0 && overflow === 0 && days.totalGaps === 0) break;
  }
  if (bestSlot === null) return;
  // Back into the plan: take out what moved, then put it back where the best plan had it.
  const movedPairs: number[] = [];
  for (let q = 0; q < n; q++) if (plan.pSlot[pairOf[q]!] !== bestSlot[q]) movedPairs.push(q);
  for (const q of movedPairs) plan.unplace(pairOf[q]!, false);
  for (const q of movedPairs) plan.place(pairOf[q]!, comboIndex[q]!, bestSlot[q]!, false);
}
