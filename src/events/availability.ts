import type { AttendeeRow, EventRow, MeetingRow } from '../db/schema.ts';
import { conflict, invalid } from '../domain/errors.ts';
import type { MeetingsRepository } from './meetings-repository.ts';
import { eventSlots, iso } from './model.ts';
import { silent, type EventNotices } from './notices.ts';

/**
 * An attendee's unavailable slots, editable after registration by the attendee (or whoever acts for
 * them) and by matchmakers. A meeting already booked in a slot that becomes unavailable is never
 * dropped silently: the change is refused with the meetings listed (409 `meetings-in-unavailable`),
 * unless the caller says `cancelMeetings`, which cancels them in the same transaction (partners'
 * calendars drop them, both sides are told). A matchmaker freeing someone for a talk expects to
 * decide about the meetings in the way, not to find them gone.
 */
export function createAvailability(repo: MeetingsRepository, notices: EventNotices = silent) {
  return {
    setUnavailable(
      event: EventRow,
      attendee: AttendeeRow,
      slotStarts: readonly string[],
      cancelMeetings: boolean,
    ): { attendee: AttendeeRow; cancelled: MeetingRow[] } {
      const starts = new Set(eventSlots(event).map((s) => iso(s.start)));
      const wanted: string[] = [];
      const problems = slotStarts.flatMap((given, i) => {
        const at = Date.parse(given);
        const start = Number.isNaN(at) ? '' : iso(at);
        if (starts.has(start)) {
          if (!wanted.includes(start)) wanted.push(start);
          return [];
        }
        return [
          {
            field: `slots.${i}`,
            message: `is not a slot start of event ${event.id} (see GET /api/events/${event.id})`,
            code: 'not-slot',
            params: Number.isNaN(at) ? {} : { start: iso(at) },
          },
        ];
      });
      if (problems.length) throw invalid('Some of the slots are not slots of this session', problems);
      wanted.sort();
      return repo.transaction(() => {
        const inTheWay = repo.scheduledOfAttendee(attendee.id).filter((m) => m.eventId === event.id && wanted.includes(m.slotStart));
        if (inTheWay.length && !cancelMeetings)
          throw conflict(`${attendee.name} has ${inTheWay.length} meetings in those slots; cancel them first or send cancelMeetings: true`, [
            {
              field: 'slots',
              message: `meetings ${inTheWay.map((m) => m.id).join(', ')} are booked then`,
              code: 'meetings-in-unavailable',
              params: { name: attendee.name, count: inTheWay.length, meetingIds: inTheWay.map((m) => m.id), start: inTheWay[0]!.slotStart },
            },
          ]);
        const cancelled = inTheWay.map((m) => repo.cancelMeeting(m));
        for (const m of cancelled) notices.meetingChanged(m, 'cancelled');
        const row = repo.setUnavailable(attendee.id, wanted)!;
        return { attendee: row, cancelled };
      });
    },
  };
}

export type Availability = ReturnType<typeof createAvailability>;
