import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Db } from './db/client.ts';
import { decodeBody } from './http/decode.ts';
import auth from './plugins/auth.ts';
import database from './plugins/database.ts';
import docs from './plugins/docs.ts';
import errors from './plugins/errors.ts';
import organizations from './plugins/organizations.ts';
import matching from './plugins/matching.ts';
import matchRoutes from './matches/routes.ts';
import eventsPlugin from './plugins/events.ts';
import eventRoutes from './events/routes.ts';
import organizationRoutes from './organizations/routes.ts';
import tokenRoutes from './tokens/routes.ts';
import { addSharedSchemas, addSharedSchemasToApp } from './schemas/index.ts';
import { bodyAjv, queryAjv } from './validation.ts';

export interface AppOptions {
  /** The matchmaker token. */
  adminToken: string;
  /** Path of the SQLite file, or `:memory:`. */
  databasePath?: string;
  /** An already-open database instead of `databasePath`. */
  db?: Db;
  logger?: FastifyServerOptions['logger'];
  /** The clock (request expiry); tests pass a fixed one. */
  now?: () => Date;
}

/** Largest body for ordinary routes; the bulk import sets its own. */
export const BODY_LIMIT = 1024 * 1024;

/** Builds the whole service without listening: tests call `inject`, server.ts calls `listen`. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: BODY_LIMIT,
    // Ids in URLs are numbers; a trailing slash is the same route.
    routerOptions: { ignoreTrailingSlash: true },
  });

  // Only JSON (and, on the import route, CSV) bodies are accepted; anything else is a 415.
  app.removeContentTypeParser('text/plain');
  // JSON is read as bytes and decoded strictly: invalid UTF-8 is refused rather than stored as U+FFFD.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = decodeBody(body as Buffer, request.headers['content-type']);
    } catch (error) {
      return done(error as Error, undefined);
    }
    parseJson(request, text, done);
  });

  addSharedSchemas(bodyAjv);
  addSharedSchemas(queryAjv);
  addSharedSchemasToApp(app);
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? bodyAjv : queryAjv).compile(schema));

  app.decorate('now', opts.now ?? (() => new Date()));
  await app.register(errors);
  await app.register(database, { path: opts.databasePath ?? ':memory:', db: opts.db });
  await app.register(auth, { adminToken: opts.adminToken });
  await app.register(organizations);
  await app.register(matching);
  await app.register(eventsPlugin);
  await app.register(docs);

  app.get('/health', {
    schema: {
      tags: ['service'],
      summary: 'Liveness and database check (public)',
      security: [],
      response: {
        200: {
          type: 'object',
          properties: { status: { type: 'string' }, organizations: { type: 'integer' } },
          example: { status: 'ok', organizations: 92 },
        },
      },
    },
  }, async () => ({ status: 'ok', organizations: app.organizations.count() }));

  await app.register(organizationRoutes);
  await app.register(tokenRoutes);
  await app.register(matchRoutes);
  await app.register(eventRoutes);
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    now: () => Date;
  }
}
