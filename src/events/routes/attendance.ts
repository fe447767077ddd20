import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { IdParams, problems } from '../../schemas/common.ts';
import { AttendanceFigures, AttendanceInput } from '../../schemas/event-day.ts';
import { Meeting } from '../../schemas/meetings.ts';
import { attendanceFigures } from '../day-figures.ts';
import { lookups } from './shared.ts';

/** Whether meetings took place: marks by either side (or a matchmaker), and the figures. */
export default async function attendanceRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { checkIn, meetings, events, day } = app;
  const { eventOr404, meetingOr404, viewOne } = lookups(app);

  app.post(
    '/api/meetings/:id/attendance',
    {
      config: { access: 'meeting-party' },
      schema: {
        tags: ['event day'],
        summary: 'Mark a meeting held, partly held or not held, and who was missing',
        params: IdParams,
        body: AttendanceInput,
        response: { 200: Meeting, ...problems(400, 401, 403, 404, 409, 415, 422) },
      },
    },
    async (request) => {
      const meeting = meetingOr404(request.params.id);
      const marked = checkIn.attendance(meeting, request.body.outcome, request.body.missingAttendeeIds ?? []);
      app.audit.record(request, 'meeting.attendance', 'meeting', meeting.id, { outcome: marked.attendance, missing: marked.missingAttendeeIds });
      return viewOne(marked);
    },
  );

  app.get(
    '/api/events/:id/attendance',
    {
      schema: {
        tags: ['event day'],
        summary: 'Attendance figures: held, partly, not held, no-shows by side and by hour, check-ins per day',
        params: IdParams,
        response: { 200: AttendanceFigures, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const event = eventOr404(request.params.id);
      const people = events.attendees(event.id, undefined, { withRemoved: true });
      return attendanceFigures(
        event,
        meetings.meetings(event.id),
        day.allCheckIns(event.id),
        people,
        day.organizationLabels([...new Set(people.map((a) => a.organizationId))]),
        app.now(),
      );
    },
  );
}
