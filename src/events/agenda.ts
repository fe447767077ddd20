import { stringify } from 'csv-stringify/sync';
import ical, { ICalEventStatus } from 'ical-generator';
import { localTime } from '../../matching/schedule/slots.ts';
import type { AttendeeRow, EventRow, EventTableRow, InterpreterRow, MeetingRow } from '../db/schema.ts';

/** A meeting with the names a reader needs, in UTC and in the event's zone. */
export interface MeetingView {
  id: number;
  eventId: number;
  uid: string;
  status: string;
  source: string;
  sequence: number;
  start: string;
  end: string;
  localStart: string;
  online: boolean;
  table: { id: number; name: string } | null;
  interpreter: { id: number; name: string } | null;
  attendees: { attendeeId: number; name: string; organizationId: number; organization: string }[];
  requestId: number | null;
  dayReason: MeetingRow['dayReason'];
  attendance: MeetingRow['attendance'];
  missingAttendeeIds: number[];
  updatedAt: string;
}

export interface AgendaContext {
  event: EventRow;
  tables: Map<number, EventTableRow>;
  interpreters: Map<number, InterpreterRow>;
  attendees: Map<number, AttendeeRow>;
  organizationNames: Map<number, string>;
}

export function meetingView(m: MeetingRow, ctx: AgendaContext): MeetingView {
  const person = (id: number) => {
    const a = ctx.attendees.get(id);
    return { attendeeId: id, name: a?.name ?? '', organizationId: a?.organizationId ?? 0, organization: ctx.organizationNames.get(a?.organizationId ?? 0) ?? '' };
  };
  const table = m.tableId ? ctx.tables.get(m.tableId) : undefined;
  const interpreter = m.interpreterId ? ctx.interpreters.get(m.interpreterId) : undefined;
  return {
    id: m.id, eventId: m.eventId, uid: m.uid, status: m.status, source: m.source, sequence: m.sequence,
    start: m.slotStart, end: m.slotEnd, localStart: localTime(Date.parse(m.slotStart), ctx.event.timeZone), online: m.online,
    table: table ? { id: table.id, name: table.name } : null,
    interpreter: interpreter ? { id: interpreter.id, name: interpreter.name } : null,
    attendees: [person(m.attendeeAId), person(m.attendeeBId)], requestId: m.requestId, updatedAt: m.updatedAt,
    dayReason: m.dayReason, attendance: m.attendance, missingAttendeeIds: m.missingAttendeeIds ?? [],
  };
}

/**
 * Spreadsheet cells that start with = + - @ (or a tab or line break), or their full-width forms
 * ＝ ＋ － ＠ that a Japanese input method types and Excel reads as the same, even after leading
 * spaces, are run as formulas; a leading apostrophe makes them plain text (OWASP CSV injection).
 */
export function neutralizeCell(value: string): string {
  return /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\u2212|]/u.test(value) || /^[\t\r\n]/.test(value) ? `'${value}` : value;
}

/**
 * A value for one iCalendar property: control characters and line breaks become spaces. The
 * calendar writer escapes line breaks in some properties but not in the calendar's name, and a
 * raw line break there starts a property (or a whole fake meeting) of the sender's choosing.
 */
export function icsText(value: string): string {
  return value.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').trim();
}

/** The agenda as CSV, times in the event's zone and in the reader's own zone. */
export function agendaCsv(items: readonly MeetingView[], event: EventRow, readerZone: string): string {
  const rows = items.map((m) => [
    m.id, m.status, localTime(Date.parse(m.start), event.timeZone), localTime(Date.parse(m.end), event.timeZone),
    localTime(Date.parse(m.start), readerZone), m.start, m.online ? 'online' : m.table?.name ?? '', m.interpreter?.name ?? '',
    ...m.attendees.flatMap((p) => [p.name, p.organization]),
  ].map((v) => neutralizeCell(String(v))));
  return stringify([
    ['meeting', 'status', `start (${event.timeZone})`, `end (${event.timeZone})`, `start (${readerZone})`, 'start (UTC)', 'table', 'interpreter', 'attendee A', 'organisation A', 'attendee B', 'organisation B'],
    ...rows,
  ], { bom: true });
}

/**
 * The agenda as iCalendar. Each meeting keeps its UID for life and its SEQUENCE rises with every
 * change, so importing the file again updates the calendar entry instead of adding a second one;
 * cancelled meetings stay in the file as STATUS:CANCELLED so calendars remove them.
 */
export function agendaIcs(items: readonly MeetingView[], event: EventRow, title: string): string {
  const calendar = ical({ name: icsText(title), prodId: { company: 'Musubi', product: 'agenda', language: 'EN' }, timezone: null });
  for (const m of items) {
    const other = icsText(m.attendees.map((p) => `${p.name} (${p.organization})`).join(' – '));
    calendar.createEvent({
      id: m.uid,
      sequence: m.sequence,
      start: new Date(m.start),
      end: new Date(m.end),
      stamp: new Date(m.updatedAt),
      summary: `Musubi: ${other}`,
      description: [
        `${event.name}`,
        m.online ? 'Online meeting' : `Table ${m.table?.name ?? ''}`,
        m.interpreter ? `Interpreter: ${m.interpreter.name}` : '',
        `Local time (${event.timeZone}): ${m.localStart}`,
      ].filter(Boolean).map(icsText).join('\n'),
      location: icsText(m.online ? 'Online' : `${event.city}, table ${m.table?.name ?? ''}`),
      status: m.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
