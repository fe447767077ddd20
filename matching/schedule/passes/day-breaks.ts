/**
 * The compacting pass's bookkeeping of breaks (breaks.ts) per attendee-day, kept up to date move by
 * move: breaks and idle slots of each attendee-day, their totals, a histogram for the worst
 * attendee-day, and the list of attendee-days with a break (where most moves aim).
 *
 * When every day has at most 31 slots, an attendee-day's busy slots are a bit mask (bit s − the
 * day's first slot): its breaks are its blocks of ones less one, its idle slots the span less the
 * ones, a few bit operations instead of a scan of the day.
 */
import { FREE as PLAN_FREE } from '../plan.ts';
import type { Problem } from '../problem.ts';

// Module-level copy: under tsx an imported binding is a getter call, and this sits in hot loops.
const FREE = PLAN_FREE;

export class DayBreaks {
  readonly D: number;
  /** Breaks and idle slots per attendee-day (index a·D + d). */
  readonly br: Int32Array;
  readonly gaps: Int32Array;
  totalBreaks = 0;
  totalGaps = 0;
  /** Attendee-days with a break, in no order. */
  readonly bad: number[] = [];
  /** Idle slots of the last attendee-day measured. */
  idle = 0;
  private readonly badPos: Int32Array;
  private readonly hist: Int32Array;
  private readonly useMasks: boolean;
  private readonly mask: Int32Array;
  private readonly bitOf: Int32Array;

  /** `cell`: who is busy per attendee and slot (index a·S + s), FREE when nobody; read, never written. */
  constructor(
    private readonly pr: Problem,
    private readonly cell: Int32Array,
  ) {
    const A = pr.attendees.length;
    const D = pr.dayLabels.length;
    const S = pr.S;
    this.D = D;
    this.br = new Int32Array(A * D);
    this.gaps = new Int32Array(A * D);
    this.badPos = new Int32Array(A * D).fill(-1);
    this.hist = new Int32Array(S + 2);
    let longest = 0;
    for (let d = 0; d < D; d++) longest = Math.max(longest, pr.dayLast[d]! - pr.dayFirst[d]! + 1);
    this.useMasks = longest <= 31;
    this.mask = new Int32Array(this.useMasks ? A * D : 0);
    this.bitOf = Int32Array.from({ length: S }, (_, s) => (this.useMasks ? 1 << (s - pr.dayFirst[pr.slotDay[s]!]!) : 0));
    if (this.useMasks) for (let a = 0; a < A; a++) for (let s = 0; s < S; s++) if (cell[a * S + s] !== FREE) this.busy(a, s, true);
    this.hist[0] = A * D;
    for (let k = 0; k < A * D; k++) this.update(k);
  }

  /** Keeps the masks in step with the cells: attendee a is now busy (or free) in slot s. */
  busy(a: number, s: number, on: boolean): void {
    if (!this.useMasks) return;
    const k = a * this.D + this.pr.slotDay[s]!;
    if (on) this.mask[k]! |= this.bitOf[s]!;
    else this.mask[k]! &= ~this.bitOf[s]!;
  }

  /** The most breaks of one attendee-day. */
  worst(): number {
    for (let v = this.hist.length - 1; v > 0; v--) if (this.hist[v]! > 0) return v;
    return 0;
  }

  /** Re-counts attendee-day k after a move. */
  update(k: number): void {
    const breaks = this.useMasks ? this.maskBreaks(this.mask[k]!) : this.scan(k, -1, -1);
    const { br, gaps, bad, badPos } = this;
    this.totalGaps += this.idle - gaps[k]!;
    gaps[k] = this.idle;
    const old = br[k]!;
    if (old === breaks) return;
    this.hist[old]!--;
    this.hist[breaks]!++;
    this.totalBreaks += breaks - old;
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
  }

  /** Breaks of attendee-day k if its slots s and t swapped (idle slots in `idle`); nothing changes. */
  swapped(k: number, s: number, t: number): number {
    if (!this.useMasks) return this.scan(k, s, t);
    const D = this.D;
    const S = this.pr.S;
    const a = (k / D) | 0;
    const d = k - a * D;
    let m = this.mask[k]!;
    const busyS = this.cell[a * S + s] !== FREE;
    const busyT = this.cell[a * S + t] !== FREE;
    if (this.pr.slotDay[s] === d) m = busyT ? m | this.bitOf[s]! : m & ~this.bitOf[s]!;
    if (this.pr.slotDay[t] === d) m = busyS ? m | this.bitOf[t]! : m & ~this.bitOf[t]!;
    return this.maskBreaks(m);
  }

  private maskBreaks(m: number): number {
    if (m === 0) {
      this.idle = 0;
      return 0;
    }
    const low = 31 - Math.clz32(m & -m);
    const high = 31 - Math.clz32(m);
    this.idle = high - low + 1 - popcount(m);
    // A block of ones begins at each bit whose lower neighbour is clear.
    return popcount(m & ~(m << 1)) - 1;
  }

  /** The same by a scan of the day, slots s and t read swapped (−1: none), for days of more than 31 slots. */
  private scan(k: number, s: number, t: number): number {
    const { pr, cell, D } = this;
    const a = (k / D) | 0;
    const d = k - a * D;
    const base = a * pr.S;
    let breaks = 0;
    let idle = 0;
    let run = -1;
    for (let u = pr.dayFirst[d]!, last = pr.dayLast[d]!; u <= last; u++) {
      const v = u === s ? t : u === t ? s : u;
      if (cell[base + v] !== FREE) {
        if (run > 0) {
          breaks++;
          idle += run;
        }
        run = 0;
      } else if (run >= 0) run++;
    }
    this.idle = idle;
    return breaks;
  }
}

/** Set bits of a 32-bit integer. */
export function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
