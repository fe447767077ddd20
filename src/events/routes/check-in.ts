import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../plugins/audit.ts';
import { IdParams, problems } from '../../schemas/common.ts';
import { CheckInInput, CheckInList, CheckInResult, DayQuery } from '../../schemas/event-day.ts';
import { lookups } from './shared.ts';

/** Check-in at the door, per session day: the list, and marking someone present or absent. */
export default async function checkInRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { checkIn, meetings } = app;
  const { eventOr404, viewOne } = lookups(app);

  app.get(
    '/api/events/:id/check-ins',
    {
      schema: {
        tags: ['event day'],
        summary: 'Who has checked in on a session day (with check-in codes)',
        params: IdParams,
        querystring: DayQuery,
        response: { 200: CheckInList, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const event = eventOr404(request.params.id);
      const { date, items } = checkIn.list(event, request.query.date);
      const names = meetings.organizationNames([...new Set(items.map((i) => i.attendee.organizationId))]);
      return { date, items: items.map((i) => ({ ...i, organization: names.get(i.attendee.organizationId) ?? '' })) };
    },
  );

  app.post(
    '/api/events/:id/check-ins',
    {
      schema: {
        tags: ['event day'],
        summary: 'Check someone in by code (or attendee), or mark them absent',
        description:
          'Marking a person absent cancels their meetings of that day that have not ended (SEQUENCE + 1, dayReason no-show); their partners can then be offered standby meetings (GET /api/events/{id}/standby).',
        params: IdParams,
        body: CheckInInput,
        response: { 200: CheckInResult, ...problems(400, 401, 403, 404, 415, 422) },
      },
    },
    async (request) => {
      const event = eventOr404(request.params.id);
      const result = checkIn.mark(event, request.body, actorOf(request));
      app.audit.record(request, `check-in.${result.checkIn.status}`, 'attendee', result.attendee.id, {
        eventId: event.id,
        date: result.checkIn.date,
        cancelledMeetings: result.cancelled.map((m) => m.id),
        notices: result.notices,
      });
      return {
        attendee: result.attendee,
        date: result.checkIn.date,
        status: result.checkIn.status,
        at: result.checkIn.at,
        cancelled: result.cancelled.map(viewOne),
        notices: result.notices,
      };
    },
  );
}
