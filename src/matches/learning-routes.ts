import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../plugins/audit.ts';
import { problems } from '../schemas/common.ts';
import { Fit, FitParams, LearningState } from '../schemas/learning.ts';
import { createLearning } from './learning.ts';
import { createWeightsRepository } from './weights-repository.ts';

/** The score's weights learned from decisions: see them, fit, adopt a better fit, go back to the defaults (matchmakers). */
export default async function learningRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const learning = createLearning({
    weights: createWeightsRepository(app.db),
    matches: app.matches,
    matching: app.matching,
    labels: () => app.reports.labels(),
    now: app.now,
  });
  const matchmaker = { access: 'matchmaker', needsIndex: true } as const;

  app.get(
    '/api/matching/weights',
    {
      config: matchmaker,
      schema: {
        tags: ['matching'],
        summary: "The score's weights in use, the defaults, the decisions there are to learn from, and the latest fits with their held-out figures",
        response: { 200: LearningState, ...problems(401, 403, 503) },
      },
    },
    async () => learning.state(),
  );

  app.post(
    '/api/matching/weights/fits',
    {
      config: matchmaker,
      schema: {
        tags: ['matching'],
        summary: 'Fit the weights on the decisions there are now (review approve / reject and outcome labels), judged on the latest 30 %',
        description:
          'The decisions are split by time: fitted on the earlier 70 %, judged on the later 30 % against the weights in use. The fit is stored with its figures; it changes nothing until adopted.',
        response: { 201: Fit, ...problems(401, 403, 422, 503) },
      },
    },
    async (request, reply) => {
      const fit = learning.fit(actorOf(request));
      app.audit.record(request, 'weights.fit', 'matching-weights', fit.id, {
        better: fit.better,
        heldOutStart: fit.heldOutStart,
        heldOutFitted: fit.heldOutFitted,
      });
      return reply.code(201).send(fit);
    },
  );

  app.post(
    '/api/matching/weights/fits/:id/adopt',
    {
      config: matchmaker,
      schema: {
        tags: ['matching'],
        summary: 'Score with a fit from now on and re-rank every pair (decisions are kept); only a fit that ranked the held-out decisions better',
        params: FitParams,
        response: { 200: LearningState, ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request) => {
      const state = await learning.adopt(request.params.id, actorOf(request));
      app.audit.record(request, 'weights.adopt', 'matching-weights', request.params.id);
      return state;
    },
  );

  app.post(
    '/api/matching/weights/reset',
    {
      config: matchmaker,
      schema: {
        tags: ['matching'],
        summary: 'Score with the default weights again and re-rank every pair (decisions are kept)',
        response: { 200: LearningState, ...problems(401, 403, 503) },
      },
    },
    async (request) => {
      const state = await learning.reset(actorOf(request));
      app.audit.record(request, 'weights.reset', 'matching-weights', null);
      return state;
    },
  );
}
