import { generateSlots, localTime, type EventDay, type Slot } from '../../matching/schedule/slots.ts';
import type { Interval } from '../../matching/schedule/intervals.ts';
import { DateTime } from 'luxon';
import type { EventRow, EventTableRow, IsoInterval, MeetingRow } from '../db/schema.ts';
import { invalid, type FieldError as ProblemField } from '../domain/errors.ts';

/**
 * Problems with opening hours that the schema cannot see: order of times, breaks outside hours,
 * times the session's zone skips (a daylight-saving change: 02:30 does not exist in New York on
 * 2026-03-08), and days that leave no whole slot. Checked in the session's own zone.
 */
export function checkDays(days: readonly EventDay[], slotMinutes: number, timeZone: string): ProblemField[] {
  const problems: ProblemField[] = [];
  const seen = new Set<string>();
  const skipped = (date: string, time: string, field: string) => {
    if (!existsInZone(date, time, timeZone))
      problems.push({
        field,
        message: `${date} ${time} does not exist in ${timeZone} (the clocks change)`,
        code: 'skipped-time',
        params: { date, time, timeZone },
      });
  };
  days.forEach((day, i) => {
    if (seen.has(day.date)) problems.push({ field: `days.${i}.date`, message: `repeats ${day.date}`, code: 'repeated-day', params: { date: day.date } });
    seen.add(day.date);
    if (day.open >= day.close) problems.push({ field: `days.${i}.close`, message: 'must be after open', code: 'close-before-open' });
    skipped(day.date, day.open, `days.${i}.open`);
    skipped(day.date, day.close, `days.${i}.close`);
    (day.breaks ?? []).forEach((b, j) => {
      if (b.start >= b.end) problems.push({ field: `days.${i}.breaks.${j}.end`, message: 'must be after start', code: 'end-before-start' });
      if (b.start < day.open || b.end > day.close)
        problems.push({ field: `days.${i}.breaks.${j}`, message: 'must lie within the opening hours', code: 'break-outside' });
      skipped(day.date, b.start, `days.${i}.breaks.${j}.start`);
      skipped(day.date, b.end, `days.${i}.breaks.${j}.end`);
    });
  });
  if (problems.length) return problems;
  const empty = days.flatMap((day, i) => (generateSlots([day], timeZone, slotMinutes).length === 0 ? [i] : []));
  // No day holds a slot: the slot length is what is wrong. Some days only: those days are.
  if (empty.length === days.length)
    return [{ field: 'slotMinutes', message: 'leaves no slot in the opening hours', code: 'no-slot', params: { minutes: slotMinutes } }];
  return empty.map((i) => ({
    field: `days.${i}`,
    message: `leaves no ${slotMinutes}-minute slot in the opening hours`,
    code: 'no-slot',
    params: { minutes: slotMinutes },
  }));
}

/** Whether a wall-clock time happens on that date in that zone (not skipped by a clock change). */
function existsInZone(date: string, time: string, zone: string): boolean {
  const dt = DateTime.fromISO(`${date}T${time}`, { zone });
  return dt.isValid && dt.toFormat('yyyy-MM-dd HH:mm') === `${date} ${time}`;
}

export function assertDays(days: readonly EventDay[], slotMinutes: number, timeZone: string): void {
  const problems = checkDays(days, slotMinutes, timeZone);
  if (problems.length) throw invalid('The days of the event have problems', problems);
}

/**
 * Scheduled meetings that would fall off the session's slot grid if its days, slot length or zone
 * changed to `next`: a meeting keeps its instant, so it must still start and end on a slot.
 */
export function meetingsOffGrid<M extends Pick<MeetingRow, 'id' | 'slotStart' | 'slotEnd' | 'status'>>(
  meetings: readonly M[],
  next: Pick<EventRow, 'days' | 'timeZone' | 'slotMinutes'>,
): M[] {
  const slots = new Map(eventSlots(next).map((s) => [iso(s.start), iso(s.end)]));
  return meetings.filter((m) => m.status === 'scheduled' && slots.get(m.slotStart) !== m.slotEnd);
}

/** The span from the first slot's start to the last one's end; empty when there are no slots. */
export function wholeEvent(slots: readonly Slot[]): Interval {
  return slots.length ? { start: slots[0]!.start, end: slots.at(-1)!.end } : { start: 0, end: 0 };
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
    if (Number.isNaN(start)) problems.push({ field: `${field}.${n}.start`, message: 'is not a time that can be used', code: 'bad-time' });
    else if (Number.isNaN(end)) problems.push({ field: `${field}.${n}.end`, message: 'is not a time that can be used', code: 'bad-time' });
    else if (!(end > start)) problems.push({ field: `${field}.${n}.end`, message: 'must be after start', code: 'end-before-start' });
    return problems.length ? { start: '', end: '' } : { start: iso(start), end: iso(end) };
  });
  if (problems.length) throw invalid('The availability has problems', problems);
  return out;
}

/** Stored availability → intervals; none means "the whole event". */
export function availabilityOf(stored: readonly IsoInterval[], whole: Interval): Interval[] {
  return stored.length ? stored.map((i) => ({ start: Date.parse(i.start), end: Date.parse(i.end) })) : [whole];
}
