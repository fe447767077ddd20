import { STATUS_CODES } from 'node:http';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Db } from './db/client.ts';
import { decodeBody } from './http/decode.ts';
import { HttpProblem, problemType } from './http/problem.ts';
import { sendProblem } from './plugins/errors.ts';
import auth from './plugins/auth.ts';
import database from './plugins/database.ts';
import docs from './plugins/docs.ts';
import errors from './plugins/errors.ts';
import { lazySerializers, lazyValidator } from './plugins/lazy-compile.ts';
import security, { type SecurityOptions } from './plugins/security.ts';
import organizations from './plugins/organizations.ts';
import matching from './plugins/matching.ts';
import type { AnalysisMode } from './matching-worker/analyser.ts';
import matchRoutes from './matches/routes.ts';
import learningRoutes from './matches/learning-routes.ts';
import eventsPlugin from './plugins/events.ts';
import messagesPlugin, { type MailOptions } from './plugins/messages.ts';
import audit from './plugins/audit.ts';
import adminRoutes from './admin/routes.ts';
import eventRoutes from './events/routes/index.ts';
import organizationRoutes from './organizations/routes.ts';
import tokenRoutes from './tokens/routes.ts';
import messageRoutes from './messages/routes.ts';
import outcomeRoutes from './outcomes/routes.ts';
import webRoutes from './web/routes.ts';
import { addSharedSchemas, addSharedSchemasToApp } from './schemas/index.ts';
import { bodyAjv, queryAjv } from './validation.ts';
import { RequestPressure } from './matches/pressure.ts';

export interface AppOptions {
  /** A configured matchmaker token; matchmaker tokens stored in the database work too. */
  adminToken?: string;
  /** Path of the SQLite file, or `:memory:`. */
  databasePath?: string;
  /** An already-open database instead of `databasePath`. */
  db?: Db;
  logger?: FastifyServerOptions['logger'];
  /** The clock (request expiry); tests pass a fixed one. */
  now?: () => Date;
  /** Rate limits (see plugins/security.ts); defaults suit an event of a few hundred organisations. */
  limits?: Partial<SecurityOptions>;
  /** Where POST /api/backups writes snapshots. */
  backupDir?: string;
  /** E-mail: the SMTP server, the From address, the address links point to, the background interval. */
  mail?: MailOptions;
  /**
   * Where profile texts are analysed: `worker` (default), a worker thread that keeps kuromoji off
   * the thread answering requests; `inline`, this thread (tests and tools: one kuromoji less).
   */
  analysis?: AnalysisMode;
}

type NumericSchema = { properties?: Record<string, { type?: string }> };

/** The integer and number fields of a params or querystring schema, found once per schema. */
const numericFields = new WeakMap<NumericSchema, [string, 'integer' | 'number'][]>();
function numericFieldsOf(schema: NumericSchema): [string, 'integer' | 'number'][] {
  let fields = numericFields.get(schema);
  if (!fields) {
    fields = Object.entries(schema.properties ?? {}).flatMap(([key, property]) =>
      property.type === 'integer' || property.type === 'number' ? [[key, property.type] as [string, 'integer' | 'number']] : [],
    );
    numericFields.set(schema, fields);
  }
  return fields;
}

function nonCanonicalNumbers(
  out: { field: string; message: string; code: string }[],
  values: Record<string, unknown> | undefined,
  schema: NumericSchema | undefined,
  part: string,
) {
  if (!schema || !values) return;
  for (const [key, type] of numericFieldsOf(schema)) {
    const raw = values[key];
    if (typeof raw !== 'string') continue;
    if (type === 'integer' && !/^-?(0|[1-9][0-9]*)$/.test(raw))
      out.push({ field: `${part}.${key}`, message: 'must be a whole number written in digits', code: 'digits' });
    if (type === 'number' && !/^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/.test(raw))
      out.push({ field: `${part}.${key}`, message: 'must be a number written in digits', code: 'digits' });
  }
}

const MAX_JSON_DEPTH = 32;

/**
 * What JSON.parse lets through but Musubi refuses: nesting deeper than `limit`, and lone UTF-16
 * surrogates written as escapes ("\\ud800"), which are not text and which SQLite would store as U+FFFD.
 */
function jsonProblem(value: unknown, limit: number, path = ''): HttpProblem | null {
  if (limit < 0) return new HttpProblem(400, 'too-deep', `JSON nested deeper than ${MAX_JSON_DEPTH} levels`, undefined, undefined, { limit: MAX_JSON_DEPTH });
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? loneSurrogate(path) : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (LONE_SURROGATE.test(key)) return loneSurrogate(at);
    const problem = jsonProblem(child, limit - 1, at);
    if (problem) return problem;
  }
  return null;
}

// With the u flag a character class matches a surrogate only when it is not half of a pair.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

function loneSurrogate(field: string): HttpProblem {
  return new HttpProblem(400, 'malformed-body', 'The JSON holds a lone surrogate escape (such as \\ud800), which is not text', [
    { field, message: 'holds a lone surrogate, which is not text', code: 'encoding' },
  ]);
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
    // Response serializers are compiled at a route's first answer, not all at start (plugins/lazy-compile.ts).
    schemaController: lazySerializers(),
    // A request that is not even HTTP never reaches a route; it still gets the one error shape.
    clientErrorHandler: (error, socket) => {
      if (!socket.writable) return socket.destroy();
      const status = (error as { code?: string }).code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
      const body = JSON.stringify({
        type: problemType('malformed-request'),
        title: STATUS_CODES[status],
        status,
        detail: 'The request could not be read as HTTP/1.1',
        code: 'malformed-request',
        params: {},
      });
      socket.end(
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    },
    // The router's own refusals (a malformed percent-escape in the path) leave in the one error shape too.
    frameworkErrors: (error, request, reply) => {
      const status = (error as { statusCode?: number }).statusCode ?? 400;
      return sendProblem(reply, request, status >= 500 ? 400 : status, {
        type: problemType('malformed-url'),
        title: 'Bad Request',
        detail: 'The address is not a valid URL (a percent-escape that is not UTF-8?)',
        code: 'malformed-url',
      });
    },
  });

  // Requests come before background work (re-ranking, an import's indexing): counted from the very
  // first hook to the response, so that the matching service runs its slices between them.
  const pressure = new RequestPressure();
  app.addHook('onRequest', (_request, _reply, done) => {
    pressure.started();
    done();
  });
  app.addHook('onResponse', (_request, _reply, done) => {
    pressure.finished();
    done();
  });
  app.addHook('onRequestAbort', (_request, done) => {
    pressure.finished();
    done();
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
    parseJson(request, text, (error, value) => {
      if (error) return done(error, undefined);
      // JSON.parse takes any depth and any escape; nothing Musubi accepts is deeper than a handful of levels.
      const problem = jsonProblem(value, MAX_JSON_DEPTH);
      if (problem) return done(problem, undefined);
      done(null, value);
    });
  });

  addSharedSchemas(bodyAjv);
  addSharedSchemas(queryAjv);
  addSharedSchemasToApp(app);
  app.setValidatorCompiler(({ schema, httpPart }) => lazyValidator(() => (httpPart === 'body' ? bodyAjv : queryAjv).compile(schema)));
  // Coercion turns "0x1", "1e0", "+1" and " 1" into 1; an id in a URL is written one way only.
  // Per-request hooks take a callback rather than returning a promise (one microtask hop fewer each).
  app.addHook('preValidation', (request, _reply, done) => {
    const schema = request.routeOptions.schema as { params?: NumericSchema; querystring?: NumericSchema } | undefined;
    const problems: { field: string; message: string; code: string }[] = [];
    nonCanonicalNumbers(problems, request.params as Record<string, unknown>, schema?.params, 'params');
    nonCanonicalNumbers(problems, request.query as Record<string, unknown>, schema?.querystring, 'querystring');
    if (!problems.length) return done();
    done(new HttpProblem(400, 'validation', `${problems.length} parameter${problems.length > 1 ? 's are' : ' is'} invalid`, problems, 'Invalid request'));
  });

  app.decorate('now', opts.now ?? (() => new Date()));
  await app.register(errors);
  await app.register(security, { writesPerMinute: 1200, failedSignInsPerMinute: 30, ...opts.limits });
  await app.register(database, { path: opts.databasePath ?? ':memory:', db: opts.db });
  await app.register(auth, { ...(opts.adminToken ? { adminToken: opts.adminToken } : {}) });
  await app.register(organizations, { analysis: opts.analysis ?? 'worker' });
  await app.register(matching, { analysis: opts.analysis ?? 'worker', warm: opts.analysis !== 'inline', pressure });
  await app.register(messagesPlugin, opts.mail ?? {});
  await app.register(eventsPlugin);
  await app.register(audit);
  await app.register(docs);

  app.get(
    '/health',
    {
      config: { public: true },
      schema: {
        tags: ['service'],
        summary: 'Liveness, database and readiness (public)',
        description:
          '`ready` once the matching index is loaded (suggestions and the review queue are served); `starting` while it loads, ' +
          'with the progress in `matching` (those routes answer 503 with Retry-After meanwhile). `analysing` and `ranking` count ' +
          'background work still to do after writes; reads do not wait for it.',
        security: [],
        response: {
          200: {
            type: 'object',
            properties: {
              status: { type: 'string', enum: ['ready', 'starting'] },
              organizations: { type: 'integer' },
              matching: {
                type: 'object',
                properties: { indexed: { type: 'integer' }, total: { type: 'integer' }, analysing: { type: 'integer' }, ranking: { type: 'integer' } },
              },
            },
            example: { status: 'ready', organizations: 92, matching: { indexed: 92, total: 92, analysing: 0, ranking: 0 } },
          },
        },
      },
    },
    async () => {
      const { status, ...matching } = app.matching.progress();
      return { status, organizations: app.organizations.count(), matching };
    },
  );

  await app.register(organizationRoutes);
  await app.register(tokenRoutes);
  await app.register(matchRoutes);
  await app.register(learningRoutes);
  await app.register(eventRoutes);
  await app.register(messageRoutes);
  await app.register(outcomeRoutes);
  await app.register(adminRoutes, { backupDir: opts.backupDir ?? './data/backups' });
  await app.register(webRoutes);
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    now: () => Date;
  }
}
