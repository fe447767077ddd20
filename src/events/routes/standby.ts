import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { IdParams, problems } from '../../schemas/common.ts';
import { DayQuery, StandbyApplied, StandbyApply, StandbyPreview } from '../../schemas/event-day.ts';
import { lookups } from './shared.ts';

/** Live re-planning: standby meetings for the slots no-shows freed, shown first, then applied. */
export default async function standbyRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { checkIn, standby } = app;
  const { eventOr404, viewOne } = lookups(app);

  app.get(
    '/api/events/:id/standby',
    {
      schema: {
        tags: ['event day'],
        summary: 'Proposed standby meetings for the partners of no-shows (nothing is stored)',
        description:
          'Each partner left alone is offered, per meeting lost, the best approved pair or accepted request of their organisation that has no meeting yet, with someone not absent, in the freed slot when both are free then (else the first later slot of the day), a table and an interpreter if needed. Slots starting within the session’s freezeMinutes are left alone; no other meeting moves.',
        params: IdParams,
        querystring: DayQuery,
        response: { 200: StandbyPreview, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const event = eventOr404(request.params.id);
      const preview = standby.propose(event, checkIn.sessionDay(event, request.query.date));
      return { ...preview, freed: preview.freed.map(viewOne) };
    },
  );

  app.post(
    '/api/events/:id/standby',
    {
      schema: {
        tags: ['event day'],
        summary: 'Book the standby meetings the matchmaker accepted (all or none)',
        params: IdParams,
        body: StandbyApply,
        response: { 200: StandbyApplied, ...problems(400, 401, 403, 404, 409, 415, 422) },
      },
    },
    async (request) => {
      const event = eventOr404(request.params.id);
      const { meetings, notices } = standby.apply(event, checkIn.sessionDay(event, request.body.date), request.body.proposals);
      app.audit.record(request, 'standby.applied', 'event', event.id, { meetings: meetings.map((m) => m.id), notices });
      return { meetings: meetings.map(viewOne), notices };
    },
  );
}
