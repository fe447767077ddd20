import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createMatchingEngine } from '../../matching/index.ts';
import { createMatchesRepository, type MatchesRepository } from '../matches/repository.ts';
import { MatchingService } from '../matches/service.ts';

declare module 'fastify' {
  interface FastifyInstance {
    matching: MatchingService;
    matches: MatchesRepository;
  }
}

/**
 * The matching engine inside the service: built once (kuromoji and the lexicon load here), fed
 * every stored profile before the app answers, then kept current by the repository's change events.
 */
export default fp(
  async function matching(app: FastifyInstance) {
    const engine = await createMatchingEngine();
    const matches = createMatchesRepository(app.db);
    const service = new MatchingService(engine, app.organizations, matches, {
      topK: 20,
      fullRerankAbove: 200,
      now: app.now,
      onError: (error, attempt) => app.log.error({ err: error, attempt }, 'matching update failed; trying again'),
    });
    app.decorate('matches', matches);
    app.decorate('matching', service);
    app.organizations.onChange((change) => {
      service.apply(change).catch((error: unknown) => app.log.error({ err: error }, 'matching update failed'));
    });
    await service.load();
    app.addHook('onClose', () => service.idle());
  },
  { name: 'matching', dependencies: ['database', 'organizations'] },
);
