import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { IdParams, problems } from '../../schemas/common.ts';
import { ScheduleInput, ScheduleResult } from '../../schemas/events.ts';
import { planSession } from '../planning.ts';
import { lookups } from './shared.ts';

/** The automatic scheduler, run by a matchmaker over a session. */
export default async function planningRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { eventOr404 } = lookups(app);

  app.post('/api/events/:id/schedule', {
    schema: {
      tags: ['meetings'],
      summary: 'Run the automatic scheduler over approved pairs and accepted requests',
      description:
        'Places meetings to maximise the total match score, every organisation that has a pair getting at least one meeting ' +
        'where possible; accepted requests count as score 1. Booked meetings are kept; with replan the scheduler’s own earlier ' +
        'meetings are planned again (same calendar UIDs where a pair is placed again). Every pair it could not place is listed with the reason.',
      params: IdParams,
      body: Type.Optional(ScheduleInput),
      response: { 200: ScheduleResult, ...problems(400, 401, 403, 404, 415, 422) },
    },
  }, async (request) => {
    const event = eventOr404(request.params.id);
    const replan = request.body?.replan ?? false;
    // Plans from the review queue as it stands once the ranking has caught up.
    await app.matching.idle();
    const { meetingIds, ...result } = planSession(event, replan, {
      events: app.events, meetings: app.meetings, booking: app.booking, now: app.now,
      approvedPairs: () => app.matches.list({ status: 'approved', limit: 1_000_000, offset: 0 }).rows,
    });
    app.audit.record(request, 'schedule.run', 'event', event.id, { replan, placed: result.placed, unplaced: result.unplaced.length, meetings: meetingIds });
    return result;
  });
}
