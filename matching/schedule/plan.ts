/**
 * The plan: the mutable state the passes work on. Tables in a slot are interchangeable, so the plan
 * only counts them (numbered at the end). Interpreters are not, so each slot keeps a bipartite
 * matching of its interpreted meetings to interpreters, grown by augmenting paths. Every change is
 * logged, so a tentative move can be rolled back.
 */
import type { Problem } from './problem.ts';

export const FREE = -1;
/** An attendee's fixed meeting, or an interpreter fixed or off duty: never moved. */
const LOCKED = -2;
export const EPSILON = 1e-9;

export class Plan {
  readonly S: number;
  readonly pSlot: Int32Array;
  readonly pCombo: Int32Array;
  readonly pInterp: Int32Array;
  /** Pair index per attendee and slot, FREE or LOCKED. */
  readonly attAt: Int32Array;
  readonly attCount: Int32Array;
  readonly onsite: Int32Array;
  /** Interpreted meetings per slot, and interpreters on duty and not fixed: when equal, no path can exist. */
  readonly interpreted: Int32Array;
  readonly interpretersOpen: Int32Array;
  /** Pair index per interpreter and slot, FREE or LOCKED. */
  readonly interpAt: Int32Array;
  readonly orgCount: Int32Array;
  /** Placed pairs per slot, in placing order. */
  readonly slotMembers: Set<number>[];
  coverage = 0;
  score = 0;
  /** Steps taken (option checks and augmenting-path visits): the improvement pass's budget. */
  work = 0;
  /** Undo log: a placement to take back (c = FREE), or a removal to restore at (c, s). */
  private readonly log: { p: number; c: number; s: number }[] = [];
  private readonly seen: Int32Array;
  private stamp = 0;

  constructor(readonly pr: Problem) {
    this.S = pr.S;
    const S = pr.S;
    const P = pr.pairs.length;
    this.pSlot = new Int32Array(P).fill(FREE);
    this.pCombo = new Int32Array(P).fill(FREE);
    this.pInterp = new Int32Array(P).fill(FREE);
    this.attAt = Int32Array.from(pr.attFixed, (f) => (f ? LOCKED : FREE));
    this.attCount = Int32Array.from(pr.attFixedCount);
    this.onsite = new Int32Array(S);
    this.interpreted = new Int32Array(S);
    this.interpretersOpen = new Int32Array(S);
    pr.interpOpen.forEach((open, k) => {
      this.interpretersOpen[k % S]! += open;
    });
    this.interpAt = Int32Array.from(pr.interpOpen, (open) => (open ? FREE : LOCKED));
    this.orgCount = Int32Array.from(pr.orgFixed);
    this.coverage = this.orgCount.reduce((n, c) => n + (c > 0 ? 1 : 0), 0);
    this.slotMembers = Array.from({ length: S }, () => new Set<number>());
    this.seen = new Int32Array(pr.interpreterIds.length);
  }

  isPlaced(p: number): boolean {
    return this.pSlot[p]! !== FREE;
  }

  fits(p: number, c: number, s: number): boolean {
    this.work++;
    const combo = this.pr.pairs[p]!.combos[c]!;
    const { a, b } = combo;
    const S = this.S;
    if (this.attAt[a * S + s] !== FREE || this.attAt[b * S + s] !== FREE) return false;
    if (this.attCount[a]! >= this.pr.attMax[a]! || this.attCount[b]! >= this.pr.attMax[b]!) return false;
    if (!combo.online && this.onsite[s]! >= this.pr.tableCap[s]!) return false;
    if (combo.interps && (this.interpreted[s]! >= this.interpretersOpen[s]! || !this.findInterpreter(s, combo.interps, p, false))) return false;
    return true;
  }

  /** Position in the undo log, to roll back to. */
  mark(): number {
    return this.log.length;
  }

  rollback(mark: number): void {
    while (this.log.length > mark) {
      const { p, c, s } = this.log.pop()!;
      if (c === FREE) this.unplace(p, false);
      else this.place(p, c, s, false);
    }
  }

  /** Drops the undo log once nothing can roll back past this point. */
  forget(): void {
    this.log.length = 0;
  }

  place(p: number, c: number, s: number, record = true): void {
    const pair = this.pr.pairs[p]!;
    const combo = pair.combos[c]!;
    const S = this.S;
    if (combo.interps) {
      if (!this.findInterpreter(s, combo.interps, p, true)) throw new Error(`no interpreter for pair ${pair.key}`);
      this.interpreted[s]!++;
    }
    this.pSlot[p] = s;
    this.pCombo[p] = c;
    this.attAt[combo.a * S + s] = p;
    this.attAt[combo.b * S + s] = p;
    this.attCount[combo.a]!++;
    this.attCount[combo.b]!++;
    if (!combo.online) this.onsite[s]!++;
    this.slotMembers[s]!.add(p);
    this.bumpOrg(pair.orgA, 1);
    this.bumpOrg(pair.orgB, 1);
    this.score += pair.score;
    if (record) this.log.push({ p, c: FREE, s: FREE });
  }

  unplace(p: number, record = true): void {
    const pair = this.pr.pairs[p]!;
    const s = this.pSlot[p]!;
    const c = this.pCombo[p]!;
    const combo = pair.combos[c]!;
    if (record) this.log.push({ p, c, s });
    const S = this.S;
    if (combo.interps) {
      this.interpAt[this.pInterp[p]! * S + s] = FREE;
      this.interpreted[s]!--;
    }
    this.attAt[combo.a * S + s] = FREE;
    this.attAt[combo.b * S + s] = FREE;
    this.attCount[combo.a]!--;
    this.attCount[combo.b]!--;
    if (!combo.online) this.onsite[s]!--;
    this.slotMembers[s]!.delete(p);
    this.bumpOrg(pair.orgA, -1);
    this.bumpOrg(pair.orgB, -1);
    this.score -= pair.score;
    this.pSlot[p] = FREE;
    this.pCombo[p] = FREE;
    this.pInterp[p] = FREE;
  }

  freeInterpreters(s: number, interps: Int32Array): number {
    let n = 0;
    for (const i of interps) if (this.interpAt[i * this.S + s] === FREE) n++;
    return n;
  }

  /**
   * Kuhn's augmenting path over the slot's interpreted meetings: finds (and with `apply`, takes) an
   * interpreter for `owner`, moving other meetings to other interpreters they accept if needed.
   */
  findInterpreter(s: number, interps: Int32Array, owner: number, apply: boolean): boolean {
    this.stamp++;
    return this.augment(s, interps, owner, apply);
  }

  private augment(s: number, interps: Int32Array, owner: number, apply: boolean): boolean {
    const S = this.S;
    this.work++;
    for (const i of interps) {
      if (this.seen[i] !== this.stamp && this.interpAt[i * S + s] === FREE) return this.take(i, s, owner, apply);
    }
    for (const i of interps) {
      const holder = this.interpAt[i * S + s]!;
      if (this.seen[i] === this.stamp || holder < 0) continue;
      this.seen[i] = this.stamp;
      const holderInterps = this.pr.pairs[holder]!.combos[this.pCombo[holder]!]!.interps!;
      if (this.augment(s, holderInterps, holder, apply)) return this.take(i, s, owner, apply);
    }
    return false;
  }

  private take(i: number, s: number, owner: number, apply: boolean): boolean {
    this.seen[i] = this.stamp;
    if (apply) {
      this.interpAt[i * this.S + s] = owner;
      this.pInterp[owner] = i;
    }
    return true;
  }

  private bumpOrg(o: number, delta: number) {
    const before = this.orgCount[o]!;
    this.orgCount[o] = before + delta;
    if (before === 0 && delta > 0) this.coverage++;
    if (before + delta === 0 && delta < 0) this.coverage--;
  }
}

export interface Snapshot {
  coverage: number;
  score: number;
  slot: Int32Array;
  combo: Int32Array;
}

export function snapshot(plan: Plan): Snapshot {
  return { coverage: plan.coverage, score: plan.score, slot: plan.pSlot.slice(), combo: plan.pCombo.slice() };
}

/** Back to a snapshot: interpreters are re-matched on the way, which always succeeds for a plan that held. */
export function restore(plan: Plan, to: Snapshot) {
  for (let p = 0; p < to.slot.length; p++) if (plan.isPlaced(p) && (plan.pSlot[p] !== to.slot[p] || plan.pCombo[p] !== to.combo[p])) plan.unplace(p, false);
  for (let p = 0; p < to.slot.length; p++) if (!plan.isPlaced(p) && to.slot[p]! >= 0) plan.place(p, to.combo[p]!, to.slot[p]!, false);
}
