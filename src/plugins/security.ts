import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';
import rateLimit from '@fastify/rate-limit';
import { HttpProblem } from '../http/problem.ts';
import { hashToken } from '../tokens/repository.ts';

export interface SecurityOptions {
  /** Writes (POST, PUT, PATCH, DELETE) per token, or per IP without one, per minute. */
  writesPerMinute: number;
  /** Failed sign-ins (401) per IP per minute before further attempts get 429. */
  failedSignInsPerMinute: number;
}

const WRITES = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** Who a request counts against: its bearer token (hashed, never kept in clear), else its IP. */
function rateKey(request: FastifyRequest): string {
  const token = request.headers.authorization?.match(/^Bearer\s+(\S+)/i)?.[1];
  return token ? `t:${hashToken(token)}` : `ip:${request.ip}`;
}

/** The API's answers are JSON (or CSV, calendars): every path under /api/, and /health. */
function isApi(url: string): boolean {
  return url.startsWith('/api/') || url === '/health' || url.startsWith('/health?');
}

/** The headers helmet's middleware sets for these options, collected once. */
function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string | number | string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as never, res as never, () => undefined);
  return headers;
}

/**
 * Security headers (helmet, with a Content-Security-Policy the docs UI and the web app work under)
 * and rate limits: on writes per token or IP, and on failed sign-ins per IP, so that guessing tokens
 * is slow. Reads are not limited: the suggestions and agendas are what people refresh.
 */
export default fp(
  async function security(app: FastifyInstance, opts: SecurityOptions) {
    // The same headers for every answer: computed once by helmet, then copied onto each reply.
    // (@fastify/helmet builds helmet's middleware again on every request: ~5 % of a small read.)
    const headers = securityHeaders({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Swagger UI and the web app's components set inline styles.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          // Musubi is often served over plain HTTP on a venue's laptop; upgrading would break it.
          upgradeInsecureRequests: null,
        },
      },
      crossOriginEmbedderPolicy: false,
    });
    // JSON answers (the API and /health) are no document: a policy that allows nothing, and none of
    // the headers that only mean something for a page a browser renders (opener, agent cluster, DNS
    // prefetch, old IE and Flash switches). Half the bytes, and a client parses half the headers on
    // every answer.
    const apiHeaders: Record<string, string> = {
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'cross-origin-resource-policy': headers['cross-origin-resource-policy']!,
      'referrer-policy': headers['referrer-policy']!,
      'strict-transport-security': headers['strict-transport-security']!,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    };
    app.addHook('onRequest', (request, reply, done) => {
      reply.headers(isApi(request.url) ? apiHeaders : headers);
      done();
    });

    // Reads are never limited: their routes get no rate-limit hook at all (the hook costs a key,
    // a hash of the token, and several awaits on every request even when it lets the request by).
    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      if (methods.every((m) => !WRITES.includes(m)) && route.config?.rateLimit === undefined) route.config = { ...route.config, rateLimit: false };
    });
    await app.register(rateLimit, {
      global: true,
      max: opts.writesPerMinute,
      timeWindow: 60_000,
      keyGenerator: rateKey,
      allowList: (request) => !WRITES.includes(request.method),
      errorResponseBuilder: (_request, context) =>
        new HttpProblem(
          429,
          'rate-limited',
          `Too many changes: at most ${context.max} a minute; try again in ${Math.ceil(context.ttl / 1000)} s`,
          undefined,
          undefined,
          { limit: context.max, seconds: Math.ceil(context.ttl / 1000) },
        ),
    });

    const failures = new Map<string, { count: number; resetAt: number }>();
    app.addHook('onResponse', (request, reply, done) => {
      done();
      if (reply.statusCode !== 401) return;
      const now = Date.now();
      const entry = failures.get(request.ip);
      if (!entry || entry.resetAt <= now) failures.set(request.ip, { count: 1, resetAt: now + 60_000 });
      else entry.count++;
      if (failures.size > 10_000) for (const [ip, e] of failures) if (e.resetAt <= now) failures.delete(ip);
    });
    app.decorate('signInBlocked', (request: FastifyRequest) => {
      const entry = failures.get(request.ip);
      return !!entry && entry.resetAt > Date.now() && entry.count >= opts.failedSignInsPerMinute;
    });
  },
  { name: 'security', dependencies: ['errors'] },
);

declare module 'fastify' {
  interface FastifyInstance {
    /** True when this IP has failed to sign in too often in the last minute. */
    signInBlocked: (request: FastifyRequest) => boolean;
  }
}
