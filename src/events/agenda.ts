import { stringify } from 'csv-stringify/sync';
import ical, { ICalEventStatus } from 'ical-generator';
import { localTime } from '../../matching/schedule/slots.ts';
import type { AttendeeRow, EventRow, EventTableRow, InterpreterRow, MeetingRow } from '../db/schema.ts';
import type { MeetingsRepository, OrganizationLabel } from './meetings-repository.ts';
import type { EventsRepository } from './repository.ts';
import { readableNameText, readablePersonName } from '../../matching/text/names.ts';
import { agendaWord, type AgendaLang } from './agenda-words.ts';

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
  /** The interpreter's name as written and in Latin letters (read aloud across scripts). */
  interpreter: { id: number; name: string; nameLatin: string } | null;
  attendees: {
    attendeeId: number;
    name: string;
    nameLatin: string;
    organizationId: number;
    organization: string;
    organizationName: Record<string, string>;
    organizationLatin: string;
  }[];
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
  /** Names in every language with their Latin form (for readers of any language). */
  organizationLabels?: Map<number, OrganizationLabel>;
}

/** Names for agendas, figures and messages; `people` narrows the attendees loaded (one meeting needs two). */
export function agendaContext(events: EventsRepository, meetings: MeetingsRepository, event: EventRow, people?: readonly number[]): AgendaContext {
  const attendees = people ? events.attendeesByIds(people) : events.attendees(event.id, undefined, { withRemoved: true });
  return {
    event,
    tables: new Map(events.tables(event.id).map((t) => [t.id, t])),
    interpreters: new Map(events.interpreters(event.id).map((i) => [i.id, i])),
    attendees: new Map(attendees.map((a) => [a.id, a])),
    organizationNames: meetings.organizationNames([...new Set(attendees.map((a) => a.organizationId))]),
    organizationLabels: meetings.organizationLabels([...new Set(attendees.map((a) => a.organizationId))]),
  };
}

export function meetingView(m: MeetingRow, ctx: AgendaContext): MeetingView {
  const person = (id: number) => {
    const a = ctx.attendees.get(id);
    const organization = ctx.organizationNames.get(a?.organizationId ?? 0) ?? '';
    const label = ctx.organizationLabels?.get(a?.organizationId ?? 0);
    return {
      attendeeId: id,
      name: a?.name ?? '',
      nameLatin: a?.nameLatin ?? '',
      organizationId: a?.organizationId ?? 0,
      organization,
      organizationName: label?.name ?? { en: organization },
      organizationLatin: label?.nameLatin ?? '',
    };
  };
  const table = m.tableId ? ctx.tables.get(m.tableId) : undefined;
  const interpreter = m.interpreterId ? ctx.interpreters.get(m.interpreterId) : undefined;
  return {
    id: m.id,
    eventId: m.eventId,
    uid: m.uid,
    status: m.status,
    source: m.source,
    sequence: m.sequence,
    start: m.slotStart,
    end: m.slotEnd,
    localStart: localTime(Date.parse(m.slotStart), ctx.event.timeZone),
    online: m.online,
    table: table ? { id: table.id, name: table.name } : null,
    interpreter: interpreter ? { id: interpreter.id, name: interpreter.name, nameLatin: interpreter.nameLatin } : null,
    attendees: [person(m.attendeeAId), person(m.attendeeBId)],
    requestId: m.requestId,
    updatedAt: m.updatedAt,
    dayReason: m.dayReason,
    attendance: m.attendance,
    missingAttendeeIds: m.missingAttendeeIds ?? [],
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

/** A person and their organisation, as a reader of `lang` can read them: 西田 和夫 (Nishida Kazuo). */
function personText(p: MeetingView['attendees'][number], lang: AgendaLang): { name: string; organization: string } {
  return {
    name: readablePersonName(p.name, p.nameLatin, lang),
    organization: readableNameText(p.organizationName, p.organizationLatin, lang) || p.organization,
  };
}

/** The agenda as CSV, times in the event's zone and in the reader's own zone, headers and names in the reader's language. */
export function agendaCsv(items: readonly MeetingView[], event: EventRow, readerZone: string, lang: AgendaLang = 'en'): string {
  const w = (key: Parameters<typeof agendaWord>[1]) => agendaWord(lang, key);
  const rows = items.map((m) =>
    [
      m.id,
      m.status === 'cancelled' ? w('cancelled') : w('scheduled'),
      localTime(Date.parse(m.start), event.timeZone),
      localTime(Date.parse(m.end), event.timeZone),
      localTime(Date.parse(m.start), readerZone),
      m.start,
      m.online ? w('online') : (m.table?.name ?? ''),
      m.interpreter ? readablePersonName(m.interpreter.name, m.interpreter.nameLatin, lang) : '',
      ...m.attendees.flatMap((p) => {
        const shown = personText(p, lang);
        return [shown.name, shown.organization];
      }),
    ].map((v) => neutralizeCell(String(v))),
  );
  return stringify(
    [
      [
        w('meeting'),
        w('status'),
        `${w('start')} (${event.timeZone})`,
        `${w('end')} (${event.timeZone})`,
        `${w('start')} (${readerZone})`,
        `${w('start')} (UTC)`,
        w('table'),
        w('interpreter'),
        w('attendeeA'),
        w('organizationA'),
        w('attendeeB'),
        w('organizationB'),
      ],
      ...rows,
    ],
    { bom: true },
  );
}

/**
 * The agenda as iCalendar. Each meeting keeps its UID for life and its SEQUENCE rises with every
 * change, so importing the file again updates the calendar entry instead of adding a second one;
 * cancelled meetings stay in the file as STATUS:CANCELLED so calendars remove them.
 */
export function agendaIcs(items: readonly MeetingView[], event: EventRow, title: string, lang: AgendaLang = 'en'): string {
  const calendar = ical({ name: icsText(title), prodId: { company: 'Musubi', product: 'agenda', language: lang.toUpperCase() }, timezone: null });
  for (const m of items) {
    const other = icsText(
      m.attendees
        .map((p) => {
          const shown = personText(p, lang);
          return `${shown.name} – ${shown.organization}`;
        })
        .join(' ⇄ '),
    );
    calendar.createEvent({
      id: m.uid,
      sequence: m.sequence,
      start: new Date(m.start),
      end: new Date(m.end),
      stamp: new Date(m.updatedAt),
      summary: `Musubi: ${other}`,
      description: [
        `${event.name}`,
        m.online ? agendaWord(lang, 'onlineMeeting') : agendaWord(lang, 'tableNamed', { name: m.table?.name ?? '' }),
        m.interpreter ? agendaWord(lang, 'interpreterNamed', { name: readablePersonName(m.interpreter.name, m.interpreter.nameLatin, lang) }) : '',
        agendaWord(lang, 'localTime', { zone: event.timeZone, time: m.localStart.replace('T', ' ') }),
      ]
        .filter(Boolean)
        .map(icsText)
        .join('\n'),
      location: icsText(m.online ? agendaWord(lang, 'online') : agendaWord(lang, 'location', { city: event.city, name: m.table?.name ?? '' })),
      status: m.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
