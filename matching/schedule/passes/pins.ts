/**
 * Pass 0: pins ("these two must meet"), placed before anything else. Most constrained first (fewest
 * options that can ever be held), each into its cheapest option. The passes after it treat the
 * pins as booked, so no search for coverage or score can take one out; the compacting pass may
 * still move them in time. A pin that does not fit is left to the other passes and, if still out,
 * reported with its reason like any pair.
 */
import type { Plan } from '../plan.ts';
import { optionIsOpen } from '../problem.ts';
import type { FixedMeeting } from '../types.ts';
import { compareKeys, insert } from './insert.ts';

export function placePins(plan: Plan): number[] {
  const pr = plan.pr;
  const options = (p: number) => pr.pairs[p]!.combos.reduce((n, combo) => n + combo.slots.filter((s) => optionIsOpen(pr, combo, s)).length, 0);
  const pins = pr.pairs
    .map((pair, p) => ({ p, pinned: pair.pinned, n: pair.pinned ? options(p) : 0 }))
    .filter((x) => x.pinned)
    .sort((x, y) => x.n - y.n || compareKeys(pr.pairs[x.p]!.key, pr.pairs[y.p]!.key))
    .map((x) => x.p);
  return pins.filter((p) => insert(plan, p));
}

/** The placed pins as booked meetings, each with a table and interpreter of its own, for the passes after. */
export function pinsAsFixed(plan: Plan, pins: readonly number[]): FixedMeeting[] {
  const pr = plan.pr;
  const tablesUsed = new Int32Array(plan.S);
  return pins.map((p) => {
    const pair = pr.pairs[p]!;
    const combo = pair.combos[plan.pCombo[p]!]!;
    const s = plan.pSlot[p]!;
    return {
      pairKey: pair.key,
      slotId: pr.slotIds[s]!,
      attendeeIds: [pr.attendees[combo.a]!.id, pr.attendees[combo.b]!.id],
      tableId: combo.online ? null : pr.freeTables[s]![tablesUsed[s]!++]!,
      interpreterId: combo.interps ? pr.interpreterIds[plan.pInterp[p]!]! : null,
    };
  });
}
