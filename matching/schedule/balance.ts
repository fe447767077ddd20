import { interpreterCovers } from '../meeting-rules.ts';
import type { Placement, ScheduleInput } from './types.ts';

/**
 * Spreads interpreting work: the scheduler only needs *some* interpreter per meeting, and tends to
 * give one person every slot of the day. Slot by slot, this re-assigns the interpreters of the
 * placed meetings by a bipartite matching (Kuhn's augmenting paths) that tries the least-loaded
 * capable interpreter first. A full matching exists (the plan's own), so every meeting keeps an
 * interpreter; fixed meetings keep theirs and count towards the load.
 */
export function balanceInterpreters(input: ScheduleInput, placements: readonly Placement[]): Placement[] {
  const attendee = new Map(input.attendees.map((a) => [a.id, a]));
  const availableIn = new Map(input.interpreters.map((i) => [i.id, new Set(i.available)]));
  const load = new Map(input.interpreters.map((i) => [i.id, 0]));
  for (const f of input.fixed) if (f.interpreterId !== null) load.set(f.interpreterId, (load.get(f.interpreterId) ?? 0) + 1);

  const out = placements.map((p) => ({ ...p }));
  const bySlot = new Map<number, typeof out>();
  for (const p of out) if (p.interpreterId !== null) bySlot.set(p.slotId, [...(bySlot.get(p.slotId) ?? []), p]);

  for (const slot of input.slots) {
    const meetings = bySlot.get(slot.id);
    if (!meetings) continue;
    const busy = new Set(input.fixed.filter((f) => f.slotId === slot.id && f.interpreterId !== null).map((f) => f.interpreterId!));
    const candidates = meetings.map((m) => {
      const [a, b] = m.attendeeIds.map((id) => attendee.get(id)!);
      return input.interpreters
        .filter((i) => !busy.has(i.id) && availableIn.get(i.id)!.has(slot.id) && interpreterCovers(i.pairs, a!.languages, b!.languages))
        .map((i) => i.id)
        .sort((x, y) => load.get(x)! - load.get(y)! || x - y);
    });
    const holder = new Map<number, number>();
    const assign = (m: number, seen: Set<number>): boolean => {
      for (const i of candidates[m]!) {
        if (seen.has(i)) continue;
        seen.add(i);
        const current = holder.get(i);
        if (current === undefined || assign(current, seen)) {
          holder.set(i, m);
          return true;
        }
      }
      return false;
    };
    // Most constrained meetings first, so the flexible ones take the spare interpreters.
    const order = meetings.map((_, m) => m).sort((x, y) => candidates[x]!.length - candidates[y]!.length || x - y);
    if (!order.every((m) => assign(m, new Set()))) continue; // cannot happen; keep the plan's own then
    for (const [interpreter, m] of holder) {
      meetings[m]!.interpreterId = interpreter;
      load.set(interpreter, load.get(interpreter)! + 1);
    }
  }
  return out;
}
