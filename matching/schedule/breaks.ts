/**
 * Breaks: idle gaps between two consecutive meetings of one attendee on one day. Slots are
 * consecutive across the session's own pauses (a lunch break is no slot), so a meeting just before
 * lunch and one just after it make no break; one empty slot or five between two meetings make one.
 * This is the objective of Bofill et al. (JAIR 74, 2022) for B2B meeting scheduling, per day.
 */
import type { Problem } from './problem.ts';
import type { AttendeeIdle } from './types.ts';

/** Breaks and idle minutes of one attendee over slots first..last (one day), given who is busy when. */
export function dayBreaks(
  busy: (s: number) => boolean,
  first: number,
  last: number,
  minutes?: ArrayLike<number>,
): { breaks: number; idleMinutes: number; meetings: number } {
  let breaks = 0;
  let idleMinutes = 0;
  let meetings = 0;
  /** Minutes of the empty slots since the last meeting; -1 before the first meeting. */
  let gap = -1;
  let inGap = false;
  for (let s = first; s <= last; s++) {
    if (busy(s)) {
      meetings++;
      if (inGap) {
        breaks++;
        idleMinutes += gap;
      }
      gap = 0;
      inGap = false;
    } else if (gap >= 0) {
      inGap = true;
      gap += minutes ? minutes[s]! : 1;
    }
  }
  return { breaks, idleMinutes, meetings };
}

/**
 * Per attendee with a meeting: breaks and idle minutes per day and in all, and over every
 * attendee-day with a meeting the total, largest and smallest number of breaks.
 * `busyAt(a, s)`: whether attendee index a has a meeting (fixed or planned) in slot index s.
 */
export function idleReport(
  pr: Problem,
  busyAt: (a: number, s: number) => boolean,
): { idle: AttendeeIdle[]; breaks: { total: number; max: number; min: number } } {
  const idle: AttendeeIdle[] = [];
  let total = 0;
  let max = 0;
  let min = Infinity;
  pr.attendees.forEach((attendee, a) => {
    const row: AttendeeIdle = { attendeeId: attendee.id, meetings: 0, breaks: 0, idleMinutes: 0, days: [] };
    pr.dayLabels.forEach((day, d) => {
      const r = dayBreaks((s) => busyAt(a, s), pr.dayFirst[d]!, pr.dayLast[d]!, pr.slotMinutes);
      if (r.meetings === 0) return;
      row.meetings += r.meetings;
      row.breaks += r.breaks;
      row.idleMinutes += r.idleMinutes;
      row.days.push({ day, breaks: r.breaks, idleMinutes: r.idleMinutes });
      max = Math.max(max, r.breaks);
      min = Math.min(min, r.breaks);
    });
    if (row.meetings === 0) return;
    total += row.breaks;
    idle.push(row);
  });
  return { idle, breaks: { total, max, min: min === Infinity ? 0 : min } };
}
