import { generateSlots, localTime, type EventDay, type Slot } from '../../matching/schedule/slots.ts';
import type { Interval } from '../../matching/schedule/intervals.ts';
import type { EventRow, EventTableRow, IsoInterval } from '../db/schema.ts';
import { invalid, type ProblemField } from '../http/problem.ts';

/** Problems with opening hours that the schema cannot see: order of times, breaks outside hours. */
export function checkDays(days: readonly EventDay[], slotMinutes: number): ProblemField[] {
  const problems: ProblemField[] = [];
  const seen = new Set<string>();
  days.forEach((day, i) => {
    if (seen.has(day.date)) problems.push({ field: `days.${i}.date`, message: `repeats ${day.date}` });
    seen.add(day.date);
    if (day.open >= day.close) problems.push({ field: `days.${i}.close`, message: 'must be after open' });
    (day.breaks ?? []).forEach((b, j) => {
      if (b.start >= b.end) problems.push({ field: `days.${i}.breaks.${j}.end`, message: 'must be after start' });
      if (b.start < day.open || b.end > day.close) problems.push({ field: `days.${i}.breaks.${j}`, message: 'must lie within the opening hours' });
    });
  });
  if (!problems.length && generateSlots(days, 'UTC', slotMinutes).length === 0) {
    problems.push({ field: 'slotMinutes', message: 'leaves no slot in the opening hours' });
  }
  return problems;
}

export function assertDays(days: readonly EventDay[], slotMinutes: number): void {
  const problems = checkDays(days, slotMinutes);
  if (problems.length) throw invalid('The days of the event have problems', problems);
}

const slotCache = new Map<string, Slot[]>();

/** The event's slots; cached by what defines them, as every booking and agenda needs them. */
export function eventSlots(event: Pick<EventRow, 'days' | 'timeZone' | 'slotMinutes'>): Slot[] {
  const key = JSON.stringify([event.days, event.timeZone, event.slotMinutes]);
  let slots = slotCache.get(key);
  if (!slots) {
    slots = generateSlots(event.days, event.timeZone, event.slotMinutes);
    if (slotCache.size > 100) slotCache.clear();
    slotCache.set(key, slots);
  }
  return slots;
}

export function toEventView(event: EventRow, tables: EventTableRow[]) {
  return {
    ...event,
    tables: tables.map((t) => ({ id: t.id, name: t.name })),
    slots: eventSlots(event).map((s) => ({ index: s.index, start: iso(s.start), end: iso(s.end), local: localTime(s.start, event.timeZone) })),
  };
}

export const iso = (ms: number) => new Date(ms).toISOString();

/** Availability as stored (ISO, UTC) from what a client sent (ISO with any offset). */
export function storedIntervals(input: readonly { start: string; end: string }[] | undefined, field: string): IsoInterval[] {
  const problems: ProblemField[] = [];
  const out = (input ?? []).map((i, n) => {
    const start = Date.parse(i.start);
    const end = Date.parse(i.end);
    // JSON Schema's date-time admits a leap second (23:59:60) that Date cannot represent.
    if (Number.isNaN(start)) problems.push({ field: `${field}.${n}.start`, message: 'is not a time that can be used' });
    else if (Number.isNaN(end)) problems.push({ field: `${field}.${n}.end`, message: 'is not a time that can be used' });
    else if (!(end > start)) problems.push({ field: `${field}.${n}.end`, message: 'must be after start' });
    return problems.length ? { start: '', end: '' } : { start: iso(start), end: iso(end) };
  });
  if (problems.length) throw invalid('The availability has problems', problems);
  return out;
}

/** Stored availability → intervals; none means "the whole event". */
export function availabilityOf(stored: readonly IsoInterval[], whole: Interval): Interval[] {
  return stored.length ? stored.map((i) => ({ start: Date.parse(i.start), end: Date.parse(i.end) })) : [whole];
}
