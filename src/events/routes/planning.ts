import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { IdParams, problems } from '../../schemas/common.ts';
import { ScheduleInput, ScheduleResult } from '../../schemas/meetings.ts';
import { planSession } from '../planning.ts';
import { lookups } from './shared.ts';

/** The automatic scheduler, run by a matchmaker over a session. */
export default async function planningRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { eventOr404 } = lookups(app);

  app.post(
    '/api/events/:id/schedule',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Run the automatic scheduler over approved pairs and accepted requests',
        description:
          'Places meetings so that (1) the most organisations get at least one meeting, (2) the total match score is highest, ' +
          '(3) people have the fewest idle gaps between meetings, evenly spread; accepted requests count as score 1. Pairs that met ' +
          'at another session are not proposed again unless one side asked. Booked meetings are kept; with replan the scheduler’s own earlier ' +
          'meetings are planned again (same calendar UIDs where a pair is placed again). Every pair it could not place is listed with the reason; ' +
          '`quality.summary` says how close the plan is to the best possible (an exact solver’s proven bound).',
        params: IdParams,
        body: Type.Optional(ScheduleInput),
        response: { 200: ScheduleResult, ...problems(400, 401, 403, 404, 415, 422) },
      },
    },
    async (request) => {
      const event = eventOr404(request.params.id);
      const replan = request.body?.replan ?? false;
      // Plans from the review queue as it stands once the ranking has caught up.
      await app.matching.idle();
      const { meetingIds, ...result } = await planSession(event, replan, {
        events: app.events,
        meetings: app.meetings,
        booking: app.booking,
        now: app.now,
        approvedPairs: () => app.matches.list({ status: 'approved', limit: 1_000_000, offset: 0 }).rows,
      });
      app.audit.record(request, 'schedule.run', 'event', event.id, { replan, placed: result.placed, unplaced: result.unplaced.length, meetings: meetingIds });
      return result;
    },
  );
}
