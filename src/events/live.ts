import type { LocalizedText } from '../../matching/profile.ts';
import { localTime } from '../../matching/schedule/slots.ts';
import type { AttendeeRow, CheckInRow, EventRow, EventTableRow, InterpreterRow, MeetingRow } from '../db/schema.ts';
import { eventSlots, iso } from './model.ts';
import { storedLatin } from './sheets.ts';

export interface LiveInput {
  event: EventRow;
  tables: EventTableRow[];
  interpreters: InterpreterRow[];
  /** Removed ones too: old meetings name them. */
  attendees: AttendeeRow[];
  organizations: Map<number, { name: LocalizedText; nameLatin: string; country: string }>;
  meetings: MeetingRow[];
  /** The check-ins of the day `at` falls on. */
  checkIns: CheckInRow[];
  date: string;
  at: Date;
}

/**
 * "Now and next" for the people running the room: per table and per interpreter the meeting under
 * way and the next one (both names in their script and in Latin, the organisations, the interpreter,
 * who has checked in), which tables stand empty in the current slot, and who is late (has a meeting
 * now and has not checked in). Plain data from rows and a clock; the page refreshes it.
 */
export function liveView(d: LiveInput) {
  const at = d.at.getTime();
  const slots = eventSlots(d.event);
  const current = slots.find((s) => s.start <= at && at < s.end) ?? null;
  const upcoming = slots.find((s) => s.start >= (current?.end ?? at)) ?? null;
  const slotView = (s: { start: number; end: number } | null) =>
    s ? { start: iso(s.start), end: iso(s.end), local: localTime(s.start, d.event.timeZone) } : null;
  const people = new Map(d.attendees.map((a) => [a.id, a]));
  const marks = new Map(d.checkIns.map((c) => [c.attendeeId, c.status]));
  const tables = new Map(d.tables.map((t) => [t.id, t.name]));
  const interpreters = new Map(d.interpreters.map((i) => [i.id, i]));
  const booked = d.meetings.filter((m) => m.status === 'scheduled').sort((a, b) => a.slotStart.localeCompare(b.slotStart));
  const nowStart = current ? iso(current.start) : null;
  const after = iso(current?.end ?? at);

  const view = (m: MeetingRow | undefined) => {
    if (!m) return null;
    const interpreter = m.interpreterId ? interpreters.get(m.interpreterId) : undefined;
    return {
      id: m.id,
      start: m.slotStart,
      local: localTime(Date.parse(m.slotStart), d.event.timeZone),
      online: m.online,
      table: m.tableId ? (tables.get(m.tableId) ?? null) : null,
      interpreter: interpreter ? { name: interpreter.name, latin: storedLatin(interpreter.name, interpreter.nameLatin) } : null,
      attendance: m.attendance,
      people: [m.attendeeAId, m.attendeeBId].map((id) => {
        const p = people.get(id);
        const org = d.organizations.get(p?.organizationId ?? 0);
        return {
          attendeeId: id,
          name: p?.name ?? '',
          latin: p ? storedLatin(p.name, p.nameLatin) : null,
          organization: org?.name ?? {},
          organizationLatin: org?.nameLatin || null,
          checkIn: marks.get(id) ?? null,
        };
      }),
    };
  };
  const nowAndNext = (keep: (m: MeetingRow) => boolean) => ({
    now: view(booked.find((m) => m.slotStart === nowStart && keep(m))),
    next: view(booked.find((m) => m.slotStart >= after && keep(m))),
  });
  const running = booked.filter((m) => m.slotStart === nowStart);
  return {
    at: d.at.toISOString(),
    timeZone: d.event.timeZone,
    date: d.date,
    current: slotView(current),
    next: slotView(upcoming),
    tables: d.tables.map((t) => ({ id: t.id, name: t.name, ...nowAndNext((m) => m.tableId === t.id) })),
    interpreters: d.interpreters.map((i) => ({
      id: i.id,
      name: i.name,
      latin: storedLatin(i.name, i.nameLatin),
      ...nowAndNext((m) => m.interpreterId === i.id),
    })),
    emptyTables: current ? d.tables.filter((t) => !running.some((m) => m.tableId === t.id)).map((t) => t.name) : [],
    late: running.flatMap((m) =>
      [m.attendeeAId, m.attendeeBId]
        .filter((id) => marks.get(id) !== 'present')
        .map((id) => ({
          attendeeId: id,
          name: people.get(id)?.name ?? '',
          latin: storedLatin(people.get(id)?.name ?? '', people.get(id)?.nameLatin ?? ''),
          meetingId: m.id,
          table: m.tableId ? (tables.get(m.tableId) ?? null) : null,
        })),
    ),
  };
}
