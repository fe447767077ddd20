import type { FastifyInstance } from 'fastify';
import type { AttendeeRow, EventRow, MeetingRequestRow, MeetingRow } from '../../db/schema.ts';
import { notFound } from '../../domain/errors.ts';
import { meetingView, type AgendaContext } from '../agenda.ts';

/** Look-ups every event route needs: a row by id or a 404, and the names agendas show. */
export function lookups(app: FastifyInstance) {
  const { events, meetings } = app;
  const eventOr404 = (id: number): EventRow => events.get(id) ?? notFound(`Event ${id}`).throw();

  /** Names for agendas and figures; `people` narrows the attendees loaded (one meeting needs two). */
  const context = (event: EventRow, people?: readonly number[]): AgendaContext => {
    const attendees = people ? events.attendeesByIds(people) : events.attendees(event.id, undefined, { withRemoved: true });
    return {
      event,
      tables: new Map(events.tables(event.id).map((t) => [t.id, t])),
      interpreters: new Map(events.interpreters(event.id).map((i) => [i.id, i])),
      attendees: new Map(attendees.map((a) => [a.id, a])),
      organizationNames: meetings.organizationNames([...new Set(attendees.map((a) => a.organizationId))]),
      organizationLabels: meetings.organizationLabels([...new Set(attendees.map((a) => a.organizationId))]),
    };
  };

  return {
    eventOr404,
    attendeeOr404: (id: number): AttendeeRow => events.attendee(id) ?? notFound(`Attendee ${id}`).throw(),
    requestOr404: (id: number): MeetingRequestRow => meetings.request(id) ?? notFound(`Request ${id}`).throw(),
    meetingOr404: (id: number): MeetingRow => meetings.meeting(id) ?? notFound(`Meeting ${id}`).throw(),
    context,
    /** One meeting as the API shows it. */
    viewOne: (m: MeetingRow) => meetingView(m, context(eventOr404(m.eventId), [m.attendeeAId, m.attendeeBId])),
  };
}
