import { dayBreaks } from '../../matching/schedule/breaks.ts';
import { sessionDays } from '../../matching/schedule/days.ts';
import { localTime, type Slot } from '../../matching/schedule/slots.ts';
import type { DayPart } from '../../matching/schedule/types.ts';
import type { EventRow, MeetingRow, PartOfDay } from '../db/schema.ts';
import { eventSlots, iso } from './model.ts';

/**
 * The scheduling rules of real events, in one place for the scheduler's input (planning.ts), manual
 * booking (booking.ts) and what people read (figures, agendas): which part of the day a slot is in,
 * which part a pair must meet in, and how idle an attendee's day is.
 */

/** The day (a date in the session's zone) of each slot. */
export function slotDays(event: Pick<EventRow, 'days' | 'timeZone' | 'slotMinutes'>): string[] {
  return eventSlots(event).map((s) => localTime(s.start, event.timeZone).slice(0, 10));
}

const partCache = new Map<string, DayPart[]>();

/**
 * Morning or afternoon per slot, by the session's own hours: a day's morning is every slot before its
 * longest pause (the lunch break), or before the middle of its hours when it has none. The engine's
 * own rule (matching/schedule/days.ts), so a booking and a plan never disagree.
 */
export function slotParts(event: Pick<EventRow, 'days' | 'timeZone' | 'slotMinutes'>): DayPart[] {
  const key = JSON.stringify([event.days, event.timeZone, event.slotMinutes]);
  let parts = partCache.get(key);
  if (!parts) {
    const days = slotDays(event);
    const { part } = sessionDays(eventSlots(event).map((s, i) => ({ id: s.index, start: s.start, end: s.end, day: days[i]! })));
    parts = [...part].map((p) => (p === 0 ? 'morning' : 'afternoon'));
    if (partCache.size > 100) partCache.clear();
    partCache.set(key, parts);
  }
  return parts;
}

/** What the people asked wins over the matchmaker's part for the pair; 'any' leaves the other's. */
export function pairPart(requestPart: PartOfDay | undefined, matchPart: PartOfDay | undefined): PartOfDay {
  return requestPart && requestPart !== 'any' ? requestPart : (matchPart ?? 'any');
}

/** Whether a slot is in the part of the day a pair must meet in. */
export function fitsPart(event: EventRow, slot: Slot, part: PartOfDay): boolean {
  return part === 'any' || slotParts(event)[slot.index] === part;
}

export interface DayIdle {
  /** The date in the session's zone. */
  day: string;
  meetings: number;
  /** Idle gaps between two consecutive meetings (the session's own pauses are no gap). */
  breaks: number;
  /** Minutes of the empty slots inside those gaps. */
  idleMinutes: number;
}

/**
 * Per attendee, per day with a meeting: breaks and idle minutes, counted as the scheduler counts
 * them (matching/schedule/breaks.ts), from the meetings booked now.
 */
export function idleByAttendee(event: EventRow, meetings: readonly Pick<MeetingRow, 'status' | 'slotStart' | 'attendeeAId' | 'attendeeBId'>[]) {
  const slots = eventSlots(event);
  const days = slotDays(event);
  const index = new Map(slots.map((s) => [iso(s.start), s.index]));
  const minutes = slots.map((s) => Math.round((s.end - s.start) / 60_000));
  const busy = new Map<number, Set<number>>();
  for (const m of meetings) {
    const s = index.get(m.slotStart);
    if (m.status !== 'scheduled' || s === undefined) continue;
    for (const a of [m.attendeeAId, m.attendeeBId]) (busy.get(a) ?? busy.set(a, new Set()).get(a)!).add(s);
  }
  const out = new Map<number, { breaks: number; idleMinutes: number; days: DayIdle[] }>();
  for (const [attendeeId, taken] of busy) {
    const row = { breaks: 0, idleMinutes: 0, days: [] as DayIdle[] };
    for (let first = 0; first < slots.length; ) {
      let last = first;
      while (last + 1 < slots.length && days[last + 1] === days[first]) last++;
      const r = dayBreaks((s) => taken.has(s), first, last, minutes);
      if (r.meetings) {
        row.days.push({ day: days[first]!, meetings: r.meetings, breaks: r.breaks, idleMinutes: r.idleMinutes });
        row.breaks += r.breaks;
        row.idleMinutes += r.idleMinutes;
      }
      first = last + 1;
    }
    out.set(attendeeId, row);
  }
  return out;
}
