import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { IdParams, problems } from '../../schemas/common.ts';
import { Live } from '../../schemas/event-day.ts';
import { localDate } from '../check-in.ts';
import { liveView } from '../live.ts';
import { lookups } from './shared.ts';

/** "Now and next" per table and interpreter, empty tables and late people, for the people running the room. */
export default async function liveRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { events, meetings, day } = app;
  const { eventOr404 } = lookups(app);

  app.get(
    '/api/events/:id/live',
    {
      schema: {
        tags: ['event day'],
        summary: 'Now and next per table and interpreter; empty tables and late people in the current slot',
        params: IdParams,
        response: { 200: Live, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const event = eventOr404(request.params.id);
      const at = app.now();
      const date = localDate(at, event.timeZone);
      const attendees = events.attendees(event.id, undefined, { withRemoved: true });
      return liveView({
        event,
        tables: events.tables(event.id),
        interpreters: events.interpreters(event.id),
        attendees,
        organizations: day.organizationLabels([...new Set(attendees.map((a) => a.organizationId))]),
        meetings: meetings.meetings(event.id),
        checkIns: day.checkIns(event.id, date),
        date,
        at,
      });
    },
  );
}
