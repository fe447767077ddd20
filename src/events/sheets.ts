import QRCode from 'qrcode';
import type { LocalizedText } from '../../matching/profile.ts';
import type { AttendeeRow, CheckInRow, EventRow, EventTableRow, InterpreterRow, MeetingRow } from '../db/schema.ts';
import { showCode } from './check-in.ts';
import { toEventView } from './model.ts';

export interface SheetsInput {
  event: EventRow;
  tables: EventTableRow[];
  interpreters: InterpreterRow[];
  /** Every attendee of the session, removed ones included (old meetings name them). */
  attendees: AttendeeRow[];
  organizations: Map<number, { name: LocalizedText; nameLatin: string; country: string }>;
  meetings: MeetingRow[];
  checkIns: CheckInRow[];
  /** Whose sheets: everyone's, or one attendee's or one organisation's (then only they and their partners appear). */
  scope: { attendeeId?: number | undefined; organizationId?: number | undefined };
  now: Date;
}

/**
 * A person's stored Latin name (romanised on write, or as they gave it), or null when it adds
 * nothing. Whether a reader sees it is the page's choice, by the rule of matching/text/names.ts.
 */
export function storedLatin(name: string, nameLatin: string): string | null {
  return nameLatin && nameLatin !== name ? nameLatin : null;
}

/** The check-in code as a QR code (SVG, as a data URL an <img> shows under the page's CSP). */
async function qrOf(code: string): Promise<string> {
  const svg = await QRCode.toString(showCode(code), { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/**
 * Everything the printed sheets need, in one answer: the session and its slots, people and
 * organisations with the Latin form of their names as stored (an organisation's own spelling when it
 * wrote one) and, for those whose sheets these are, their
 * check-in code with its QR code; meetings booked, and those cancelled on the day (so a printed
 * agenda shows the change). The pages lay it out (agenda, table, interpreter, grid, check-in list).
 */
export async function sheetsData(d: SheetsInput) {
  const { scope } = d;
  const everyone = scope.attendeeId === undefined && scope.organizationId === undefined;
  const own = (a: Pick<AttendeeRow, 'id' | 'organizationId'>) =>
    everyone || a.id === scope.attendeeId || (scope.attendeeId === undefined && a.organizationId === scope.organizationId);
  const ownIds = new Set(d.attendees.filter((a) => !a.removedAt && own(a)).map((a) => a.id));
  const meetings = d.meetings.filter(
    (m) => (m.status === 'scheduled' || m.dayReason === 'no-show') && (everyone || ownIds.has(m.attendeeAId) || ownIds.has(m.attendeeBId)),
  );
  const shown = new Set([...ownIds, ...meetings.flatMap((m) => [m.attendeeAId, m.attendeeBId])]);
  const people = d.attendees.filter((a) => shown.has(a.id));
  const orgIds = new Set(people.map((a) => a.organizationId));
  return {
    event: toEventView(d.event, d.tables),
    generatedAt: d.now.toISOString(),
    attendees: await Promise.all(
      people.map(async (a) => {
        const mine = ownIds.has(a.id) && a.checkInCode;
        return {
          id: a.id,
          name: a.name,
          latin: storedLatin(a.name, a.nameLatin),
          organizationId: a.organizationId,
          timeZone: a.timeZone,
          languages: a.languages,
          online: a.online,
          checkInCode: mine ? showCode(a.checkInCode!) : null,
          qr: mine ? await qrOf(a.checkInCode!) : null,
        };
      }),
    ),
    organizations: [...orgIds].map((id) => {
      const o = d.organizations.get(id);
      return { id, name: o?.name ?? {}, latin: o?.nameLatin || null, country: o?.country ?? '' };
    }),
    interpreters: d.interpreters.map((i) => ({ id: i.id, name: i.name, latin: storedLatin(i.name, i.nameLatin) })),
    meetings: meetings.map((m) => ({
      id: m.id,
      start: m.slotStart,
      end: m.slotEnd,
      tableId: m.tableId,
      interpreterId: m.interpreterId,
      online: m.online,
      attendeeIds: [m.attendeeAId, m.attendeeBId],
      status: m.status,
      dayReason: m.dayReason,
      sequence: m.sequence,
      attendance: m.attendance,
    })),
    checkIns: everyone ? d.checkIns.map((c) => ({ attendeeId: c.attendeeId, date: c.date, status: c.status })) : [],
  };
}
