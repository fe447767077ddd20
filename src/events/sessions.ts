import { localTime } from '../../matching/schedule/slots.ts';
import type { AttendeeRow, EventRow, EventTableRow, InterpreterRow } from '../db/schema.ts';
import { conflict, invalid, notFound } from '../domain/errors.ts';
import type { AttendeeInput, EventInput, EventPatch, InterpreterInput } from '../schemas/events.ts';
import { newCheckInCode } from './check-in.ts';
import type { MeetingsRepository } from './meetings-repository.ts';
import { assertDays, meetingsOffGrid, storedIntervals } from './model.ts';
import type { EventsRepository } from './repository.ts';

/**
 * Matching sessions and what belongs to them: the rules for setting one up and changing it, its
 * tables, attendees and interpreters. Repositories store; this module decides.
 */
export function createSessions(
  events: EventsRepository,
  meetings: MeetingsRepository,
  organizationExists: (id: number) => boolean,
  // Without a romaniser (the seed script) the Latin name is left empty: the service fills it in when it
  // starts (EventsRepository.fillLatinNames). The name itself is no Latin form (西田 和夫 stays unreadable).
  romanize: (name: string) => string = () => '',
) {
  /**
   * A change of days, slot length, zone or online rule must leave every booked meeting where it is:
   * refused (409, naming them) rather than leaving meetings off the slot grid, where new bookings
   * would overlap them and the scheduler would not see them. Move or cancel them first.
   */
  function assertMeetingsStay(event: EventRow, next: EventRow): void {
    const booked = meetings.scheduledOfEvent(event.id);
    const stranded = [
      ...meetingsOffGrid(booked, next).map((m) => ({ m, why: 'would no longer be on a slot' })),
      ...(next.allowOnline ? [] : booked.filter((m) => m.online).map((m) => ({ m, why: 'is online, which the session would no longer allow' }))),
    ];
    if (!stranded.length) return;
    throw conflict(
      `${stranded.length} booked meeting${stranded.length === 1 ? '' : 's'} would be stranded by this change; move or cancel ${stranded.length === 1 ? 'it' : 'them'} first`,
      stranded.map(({ m, why }) => ({
        field: 'days',
        message: `meeting ${m.id} at ${localTime(Date.parse(m.slotStart), event.timeZone)} ${why}`,
        code: 'meeting-stranded',
        params: { meetingId: m.id, start: m.slotStart },
      })),
    );
  }

  return {
    create(input: EventInput): EventRow {
      assertDays(input.days, input.slotMinutes, input.timeZone);
      return events.create(input);
    },

    change(event: EventRow, patch: EventPatch): EventRow {
      const next = { ...event, ...patch };
      assertDays(next.days, next.slotMinutes, next.timeZone);
      assertMeetingsStay(event, next);
      return events.update(event.id, patch) ?? notFound(`Event ${event.id}`).throw();
    },

    addTables(event: EventRow, names: readonly string[]): EventTableRow[] {
      const taken = new Set(events.tables(event.id).map((t) => t.name));
      const clash = names.filter((n) => taken.has(n));
      if (clash.length)
        throw conflict(
          `Tables already exist: ${clash.join(', ')}`,
          clash.map((n) => ({ field: 'names', message: `${n} already exists`, code: 'table-exists', params: { name: n } })),
        );
      return events.addTables(event.id, names);
    },

    addAttendee(event: EventRow, input: AttendeeInput): AttendeeRow {
      if (!organizationExists(input.organizationId))
        throw invalid('No such organisation', [
          { field: 'organizationId', message: 'does not exist', code: 'unknown-organization', params: { organizationId: input.organizationId } },
        ]);
      return events.addAttendee({
        eventId: event.id,
        organizationId: input.organizationId,
        name: input.name.trim(),
        nameLatin: input.nameLatin?.trim() || romanize(input.name.trim()),
        email: input.email ?? null,
        languages: input.languages,
        timeZone: input.timeZone ?? event.timeZone,
        online: input.online ?? false,
        availability: storedIntervals(input.availability, 'availability'),
        maxMeetings: input.maxMeetings ?? 12,
        checkInCode: newCheckInCode(),
      });
    },

    addInterpreter(event: EventRow, input: InterpreterInput): InterpreterRow {
      const pairs = input.pairs.map(([a, b]) => [a!, b!] as [string, string]);
      const same = pairs.findIndex(([a, b]) => a === b);
      if (same >= 0)
        throw invalid('A language pair needs two languages', [{ field: `pairs.${same}`, message: 'must name two different languages', code: 'language-pair' }]);
      return events.addInterpreter({
        eventId: event.id,
        name: input.name.trim(),
        nameLatin: input.nameLatin?.trim() || romanize(input.name.trim()),
        pairs,
        availability: storedIntervals(input.availability, 'availability'),
      });
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;
