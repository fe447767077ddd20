import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { createIndexEngine } from '../../matching/index.ts';
import { HttpProblem } from '../http/problem.ts';
import { createAnalyser, type AnalysisMode } from '../matching-worker/analyser.ts';
import { analysisFingerprint } from '../matching-worker/fingerprint.ts';
import { readSnapshot, writeSnapshot } from '../matching-worker/snapshot.ts';
import { createFeaturesRepository } from '../matches/features.ts';
import { createMatchesRepository, type MatchesRepository } from '../matches/repository.ts';
import { createWeightsRepository } from '../matches/weights-repository.ts';
import type { RequestPressure } from '../matches/pressure.ts';
import { MatchingService } from '../matches/service.ts';

declare module 'fastify' {
  interface FastifyInstance {
    matching: MatchingService;
    matches: MatchesRepository;
  }
  interface FastifyContextConfig {
    /** The route answers from the matching index: 503 with Retry-After until it is loaded. */
    needsIndex?: boolean;
  }
}

export interface MatchingPluginOptions {
  /** Where texts are analysed: a worker thread (the service), or this thread (tests, tools). */
  analysis: AnalysisMode;
  /** Load kuromoji in the worker as soon as the index is ready, so that the first edit does not wait for it. */
  warm?: boolean;
  /** The requests being answered (counted by the app): background work runs between them. */
  pressure?: RequestPressure;
}

/** Seconds a client is asked to wait while the index loads. */
const RETRY_AFTER_S = 2;

/**
 * The matching engine inside the service. The index is built from the analysed features stored in
 * the database, after the app is ready and without holding up its start (a large database must not
 * depend on Fastify's plugin timeout): the server listens at once, /health shows the progress, and
 * routes marked `config.needsIndex` answer 503 with Retry-After until the index is loaded. Writes
 * reach the index through the repository's change events; texts are analysed in a worker thread.
 */
export default fp(
  async function matching(app: FastifyInstance, opts: MatchingPluginOptions) {
    // Texts are analysed in the worker and search words read in the text worker (app.texts): this
    // engine only indexes, without kuromoji. Scored with the weights a matchmaker adopted
    // (matches/learning.ts), else the defaults.
    const adopted = createWeightsRepository(app.db).inUse();
    const engine = createIndexEngine({ lexicon: app.texts.lexicon, ...(adopted ? { weights: adopted.weights } : {}) });
    const matches = createMatchesRepository(app.db);
    const analyser = createAnalyser(opts.analysis);
    const fingerprint = analysisFingerprint();
    // The index's snapshot beside a database file (see matching-worker/snapshot.ts).
    const client = app.db.$client;
    const snapshotFile = client.memory || !client.name ? null : `${client.name}.index`;
    const service = new MatchingService(engine, app.organizations, matches, {
      topK: 20,
      fullRerankAbove: 200,
      ...(opts.pressure ? { pressure: opts.pressure } : {}),
      analyser,
      readQuery: app.texts.readQuery,
      features: createFeaturesRepository(app.db),
      fingerprint,
      ...(snapshotFile
        ? {
            snapshot: {
              read: () => readSnapshot(snapshotFile, fingerprint),
              write: (dump, hashOf) => {
                const started = performance.now();
                const written = writeSnapshot(snapshotFile, fingerprint, dump, hashOf);
                app.log.info(`matching index snapshot: ${written} organisations in ${Math.round(performance.now() - started)} ms`);
              },
            },
          }
        : {}),
      now: app.now,
      onError: (error, attempt) => app.log.error({ err: error, attempt }, 'matching update failed; trying again'),
    });
    app.decorate('matches', matches);
    app.decorate('matching', service);
    app.organizations.onChange((change) => {
      service.apply(change).catch((error: unknown) => app.log.error({ err: error }, 'matching update failed'));
    });

    app.addHook('onReady', async () => {
      const started = performance.now();
      service.start().then(
        () => {
          const { indexed } = service.progress();
          app.log.info(`matching index ready: ${indexed} organisations in ${Math.round(performance.now() - started)} ms`);
          if (!opts.warm) return;
          // One kuromoji after the other (each ~1 s of a core), not both at once beside the first requests.
          analyser
            .warm()
            .catch((error: unknown) => app.log.error({ err: error }, 'matching worker failed to start'))
            .finally(() => app.texts.warm());
        },
        (error: unknown) => app.log.error({ err: error }, 'matching index failed to load'),
      );
    });

    // Routes that need the index answer 503 while it loads: a hook of their own, run after sign-in
    // (route hooks come after the global ones), and none on the other routes. A callback rather than
    // a promise: one microtask hop fewer.
    const whileLoading: onRequestHookHandler = (_request, reply, done) => {
      if (service.isReady) return done();
      const { indexed, total } = service.progress();
      reply.header('retry-after', String(RETRY_AFTER_S));
      done(new HttpProblem(503, 'starting', `The matching index is loading (${indexed} of ${total} organisations); try again in a few seconds`));
    };
    app.addHook('onRoute', (route) => {
      if (!route.config?.needsIndex) return;
      const hooks = [route.onRequest ?? []].flat();
      if (!hooks.includes(whileLoading)) route.onRequest = [...hooks, whileLoading];
    });

    app.addHook('onClose', async () => {
      await service.stop();
      await analyser.close();
    });
  },
  { name: 'matching', dependencies: ['database', 'organizations'] },
);
