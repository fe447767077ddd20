import { DateTime } from 'luxon';
import { subtract, type Interval } from './intervals.ts';

/** One day of a session, in the event's own time zone: "2026-12-08", "09:00"–"17:00", breaks. */
export interface EventDay {
  date: string;
  open: string;
  close: string;
  breaks?: { start: string; end: string }[];
}

export interface Slot extends Interval {
  /** Position in the event, from 0: stable as long as the days and slot length stay the same. */
  index: number;
}

/** A wall-clock time on a date in a zone → epoch ms. Luxon resolves the zone's offset for that date. */
export function zonedTime(date: string, time: string, zone: string): number {
  const dt = DateTime.fromISO(`${date}T${time}`, { zone });
  if (!dt.isValid) throw new RangeError(`${date} ${time} is not a valid time in ${zone}`);
  return dt.toMillis();
}

/** The opening hours of each day minus its breaks, as UTC intervals. */
export function openIntervals(days: readonly EventDay[], zone: string): Interval[] {
  return days.flatMap((day) =>
    subtract(
      [{ start: zonedTime(day.date, day.open, zone), end: zonedTime(day.date, day.close, zone) }],
      (day.breaks ?? []).map((b) => ({ start: zonedTime(day.date, b.start, zone), end: zonedTime(day.date, b.end, zone) })),
    ),
  );
}

/**
 * Cuts the open hours into meeting slots of `minutes`; a remainder shorter than a slot before a
 * break or the close is left unused rather than offered as a short meeting.
 */
export function generateSlots(days: readonly EventDay[], zone: string, minutes: number): Slot[] {
  const length = minutes * 60_000;
  const slots: Slot[] = [];
  for (const open of openIntervals(days, zone).sort((a, b) => a.start - b.start)) {
    for (let start = open.start; start + length <= open.end; start += length) {
      slots.push({ index: slots.length, start, end: start + length });
    }
  }
  return slots;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * "2026-12-08T09:00" style local time of an instant in a zone, for people reading agendas. One
 * cached Intl formatter per zone: agendas print thousands of these, and building a zoned DateTime
 * each time was the slowest part of a request.
 */
export function localTime(ms: number, zone: string): string {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(zone, format);
  }
  const part = Object.fromEntries(format.formatToParts(ms).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day}T${part.hour}:${part.minute}`;
}
