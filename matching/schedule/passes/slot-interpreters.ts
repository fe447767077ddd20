/**
 * The compacting pass's interpreter check: whether every interpreted meeting in a slot can have an
 * interpreter of its own, by Kuhn's augmenting paths over the slot's meetings (the plan keeps its
 * own matching; the compacting pass moves meetings between slots too often to keep one up to date).
 */
import type { Problem } from '../problem.ts';

/**
 * `interpsOf`: per meeting, the interpreters it could take (null: none needed); `inSlot`: per slot,
 * the meetings in it, read at each call. Returns the check for one slot.
 */
export function interpreterCheck(pr: Problem, interpsOf: readonly (Int32Array | null)[], inSlot: readonly number[][]): (s: number) => boolean {
  const S = pr.S;
  const holder = new Int32Array(pr.interpreterIds.length);
  const seen = new Int32Array(pr.interpreterIds.length);
  let stamp = 0;
  const augment = (q: number, s: number): boolean => {
    for (const i of interpsOf[q]!) {
      if (seen[i] === stamp || pr.interpOpen[i * S + s] !== 1) continue;
      seen[i] = stamp;
      if (holder[i] === -1 || augment(holder[i]!, s)) {
        holder[i] = q;
        return true;
      }
    }
    return false;
  };
  return (s: number): boolean => {
    holder.fill(-1);
    for (const q of inSlot[s]!) {
      if (!interpsOf[q]) continue;
      stamp++;
      if (!augment(q, s)) return false;
    }
    return true;
  };
}
