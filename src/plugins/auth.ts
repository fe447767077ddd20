import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { HttpProblem, forbidden } from '../http/problem.ts';
import { createTokensRepository, hashToken, type TokensRepository } from '../tokens/repository.ts';

export type Principal =
  | { role: 'matchmaker'; tokenId: null }
  | { role: 'organization'; tokenId: number; organizationId: number }
  | { role: 'attendee'; tokenId: number; attendeeId: number; organizationId: number };

/**
 * Who may call a route. `matchmaker`: matchmakers only. `organization-self`: matchmakers, and an
 * organisation on the route whose `:id` is its own. `organization-member`: the same, and the
 * organisation's attendees (they read its profile and suggestions). `any`: any signed-in caller.
 */
export type Access = 'matchmaker' | 'organization-self' | 'organization-member' | 'any';

declare module 'fastify' {
  interface FastifyInstance {
    tokens: TokensRepository;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

export interface AuthOptions {
  adminToken: string;
}

/**
 * Bearer-token sign-in for everything under /api. The check runs in onRequest, before the body is
 * read or validated, so a caller without the right token learns nothing about the route's input.
 * Routes say who may call them with `config.access` (default: matchmaker).
 */
export default fp(
  async function auth(app: FastifyInstance, opts: AuthOptions) {
    const tokens = createTokensRepository(app.db);
    app.decorate('tokens', tokens);
    app.decorateRequest('principal', null);
    const adminHash = Buffer.from(hashToken(opts.adminToken), 'hex');

    app.addHook('onRequest', async (request) => {
      if (!request.url.startsWith('/api/') && request.url !== '/api') return;
      // Unknown routes answer 404 to everyone rather than 401 to strangers: nothing to protect there.
      if (request.is404) return;
      if (app.signInBlocked(request)) throw new HttpProblem(429, 'rate-limited', 'Too many failed sign-ins from this address; wait a minute');
      const principal = authenticate(request, tokens, adminHash);
      request.principal = principal;
      authorize(request, principal, request.routeOptions.config.access ?? 'matchmaker');
    });
  },
  { name: 'auth', dependencies: ['database', 'errors', 'security'] },
);

function authenticate(request: FastifyRequest, tokens: TokensRepository, adminHash: Buffer): Principal {
  const header = request.headers.authorization;
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  if (!match) throw unauthorized(header ? 'The Authorization header must be "Bearer <token>"' : 'Sign in with an Authorization: Bearer <token> header');
  const token = match[1]!;
  if (timingSafeEqual(Buffer.from(hashToken(token), 'hex'), adminHash)) return { role: 'matchmaker', tokenId: null };
  const row = tokens.findActive(token);
  if (!row) throw unauthorized('The token is unknown or has been revoked');
  // Recording every use would turn each read into a write; once a minute is enough to see activity.
  if (!row.lastUsedAt || Date.now() - Date.parse(row.lastUsedAt) > 60_000) tokens.touch(row.id, new Date().toISOString());
  if (row.role === 'organization' && row.organizationId !== null) {
    return { role: 'organization', tokenId: row.id, organizationId: row.organizationId };
  }
  if (row.role === 'attendee' && row.attendeeId !== null && row.organizationId !== null) {
    return { role: 'attendee', tokenId: row.id, attendeeId: row.attendeeId, organizationId: row.organizationId };
  }
  throw unauthorized('This token has no role in this version of Musubi');
}

function authorize(request: FastifyRequest, principal: Principal, access: Access): void {
  if (principal.role === 'matchmaker' || access === 'any') return;
  if (access === 'organization-self' || access === 'organization-member') {
    const id = Number((request.params as { id?: string }).id);
    if (principal.role === 'organization' && id === principal.organizationId) return;
    if (access === 'organization-member' && principal.role === 'attendee' && id === principal.organizationId) return;
    throw forbidden("A token may only act on its own organisation's profile");
  }
  throw forbidden('Only a matchmaker may do this');
}

function unauthorized(detail: string): HttpProblem {
  return new HttpProblem(401, 'unauthorized', detail);
}
