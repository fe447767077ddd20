/**
 * Days and parts of the day, from the slots themselves: breaks are counted per attendee per day, and
 * "this meeting in the morning" needs to know where a session's morning ends.
 */
import type { DayPart, SchedSlot } from './types.ts';

/** A pause this long between two slots starts a new day (a night, not a lunch). */
export const NEW_DAY_PAUSE_MS = 6 * 3_600_000;

export interface SessionDays {
  /** Day index per slot (slots in start order), from 0. */
  day: Int32Array;
  /** Each day's label: the slots' `day` when given, else its index. */
  labels: (string | number)[];
  /** 0 morning, 1 afternoon, per slot. */
  part: Uint8Array;
}

export const PART_INDEX: Record<DayPart, number> = { morning: 0, afternoon: 1 };

/**
 * `slots` sorted by start. A slot's own `day` and `part` win; otherwise a new day begins after a
 * pause of NEW_DAY_PAUSE_MS, and a day's morning is every slot before its longest pause between
 * slots (the lunch break), or before the middle of its hours when it has no pause.
 */
export function sessionDays(slots: readonly SchedSlot[]): SessionDays {
  const S = slots.length;
  const day = new Int32Array(S);
  const labels: (string | number)[] = [];
  for (let s = 0; s < S; s++) {
    const slot = slots[s]!;
    const prev = slots[s - 1];
    const sameDay = prev !== undefined && (slot.day !== undefined || prev.day !== undefined ? slot.day === prev.day : slot.start - prev.end < NEW_DAY_PAUSE_MS);
    if (!sameDay) labels.push(slot.day ?? labels.length);
    day[s] = labels.length - 1;
  }
  const part = new Uint8Array(S);
  for (let from = 0; from < S; ) {
    let to = from;
    while (to + 1 < S && day[to + 1] === day[from]) to++;
    // The afternoon begins at `cut`: after the longest pause, or at the middle of the day's hours.
    let cut = -1;
    let longest = 0;
    for (let s = from + 1; s <= to; s++) {
      const pause = slots[s]!.start - slots[s - 1]!.end;
      if (pause > longest) {
        longest = pause;
        cut = s;
      }
    }
    if (cut < 0) {
      const middle = (slots[from]!.start + slots[to]!.end) / 2;
      cut = from;
      while (cut <= to && slots[cut]!.start < middle) cut++;
    }
    for (let s = from; s <= to; s++) {
      const own = slots[s]!.part;
      part[s] = own !== undefined ? PART_INDEX[own] : s < cut ? 0 : 1;
    }
    from = to + 1;
  }
  return { day, labels, part };
}
